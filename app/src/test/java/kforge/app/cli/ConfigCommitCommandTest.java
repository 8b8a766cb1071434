package kforge.app.cli;

import static kforge.app.cli.CliRun.kforge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * kforge config commit, log and diff on a tiny kernel tree in git: savedefconfig's minimal output saved in
 * the tree or on the configs branch, listed, and two saves compared as scripts/diffconfig does.
 */
class ConfigCommitCommandTest {
    private static final String FIRST = "CONFIG_ARM=y\nCONFIG_MODULES=y\nCONFIG_EXT4_FS=m\nCONFIG_PRINTK=y\n";
    private static final String SECOND =
            "CONFIG_ARM=y\nCONFIG_MODULES=y\nCONFIG_EXT4_FS=y\n# CONFIG_PRINTK is not set\n";

    @TempDir
    Path dir;

    private Path tree;
    private Path config;

    @BeforeEach
    void importTinyKernel() throws IOException {
        tree = dir.resolve("linux");
        CliRun imported = kforge("tree", "import", TreeCommandTest.tinyKernelTarball(dir).toString(), tree.toString());
        assertEquals(0, imported.exit(), imported.err());
        config = dir.resolve("build/.config");
        Files.createDirectories(config.getParent());
    }

    private CliRun commit(String content, String message, String... more) throws IOException {
        Files.writeString(config, content);
        List<String> args = new ArrayList<>(List.of("config", "commit", "--board", "versatilepb", "--tree",
                tree.toString(), "--config", config.toString(), "-m", message));
        args.addAll(Arrays.asList(more));
        return kforge(args.toArray(String[]::new));
    }

    @Test
    void theMinimalConfigIsCommittedAsTheBoardsDefconfigInTheTree() throws IOException {
        CliRun run = commit(FIRST, "versatilepb: ext4 as a module");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().matches("Saved arch/arm/configs/versatilepb_defconfig in " + tree
                + " as commit [0-9a-f]{12}: versatilepb: ext4 as a module\n"), run.out());
        assertEquals("CONFIG_MODULES=y\nCONFIG_EXT4_FS=m\n",
                Files.readString(tree.resolve("arch/arm/configs/versatilepb_defconfig")));
        assertTrue(kforge("tree", "status", "--tree", tree.toString()).out().endsWith("No changes.\n"));
    }

    @Test
    void savesAreListedNewestFirstAndTwoOfThemDiffedAsDiffconfigDoes() throws IOException {
        assertEquals(0, commit(FIRST, "first").exit());
        assertEquals(0, commit(SECOND, "second").exit());

        CliRun log = kforge("config", "log", "--board", "versatilepb", "--tree", tree.toString());

        assertEquals(0, log.exit(), log.err());
        String[] lines = log.out().split("\n");
        assertEquals(2, lines.length, log.out());
        assertTrue(lines[0].matches("[0-9a-f]{12}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d [+-]\\d{4}  .+ <.+>  second"),
                lines[0]);
        assertTrue(lines[1].endsWith("  first"), lines[1]);
        String newer = lines[0].substring(0, 12);
        String older = lines[1].substring(0, 12);

        CliRun diff = kforge("config", "diff", "--board", "versatilepb", "--tree", tree.toString(), older, newer);

        assertEquals(0, diff.exit(), diff.err());
        assertEquals(" EXT4_FS m -> y\n+PRINTK n\n", diff.out());
    }

    @Test
    void onTheConfigsBranchTheCheckedOutTreeStaysAsItWas() throws IOException {
        Files.writeString(tree.resolve("init/main.c"), "uncommitted\n");
        String statusBefore = kforge("tree", "status", "--tree", tree.toString()).out();

        CliRun first = commit(FIRST, "first", "--branch");
        CliRun second = commit(SECOND, "second", "--branch=kforge-configs");

        assertEquals(0, first.exit(), first.err());
        assertEquals(0, second.exit(), second.err());
        assertTrue(first.out().startsWith("Saved versatilepb/defconfig on branch kforge-configs in " + tree),
                first.out());
        assertEquals(statusBefore, kforge("tree", "status", "--tree", tree.toString()).out());
        String branches = kforge("tree", "branches", "--tree", tree.toString()).out();
        assertTrue(branches.matches("(?s)  kforge-configs  [0-9a-f]{12} second\n\\* master          .*"), branches);
        assertFalse(Files.exists(tree.resolve("arch/arm/configs/versatilepb_defconfig")));
        assertEquals("uncommitted\n", Files.readString(tree.resolve("init/main.c")));
        CliRun log = kforge("config", "log", "--board", "versatilepb", "--tree", tree.toString(), "--branch");
        assertEquals(2, log.out().split("\n").length, log.out());
        CliRun diff = kforge("config", "diff", "--board", "versatilepb", "--tree", tree.toString(),
                "--branch=kforge-configs", "kforge-configs~1", "kforge-configs");
        assertEquals(" EXT4_FS m -> y\n+PRINTK n\n", diff.out());
    }

    @Test
    void faultsAreExplainedWithoutStackTraces() throws IOException {
        assertEquals(0, commit(FIRST, "first").exit());

        CliRun unchanged = commit(FIRST, "again");
        CliRun noConfig = kforge("config", "commit", "--board", "versatilepb", "--tree", tree.toString(), "--config",
                dir.resolve("absent/.config").toString());
        CliRun unknownBoard = kforge("config", "log", "--board", "nosuchboard", "--tree", tree.toString());
        CliRun unknownRevision = kforge("config", "diff", "--board", "versatilepb", "--tree", tree.toString(), "HEAD",
                "v9.9");
        CliRun emptyLog = kforge("config", "log", "--board", "versatilepb", "--tree", tree.toString(), "--arch", "x86");

        assertEquals(1, unchanged.exit());
        assertTrue(unchanged.err().startsWith("nothing to save: arch/arm/configs/versatilepb_defconfig already holds"),
                unchanged.err());
        assertEquals(1, noConfig.exit());
        assertTrue(noConfig.err().contains("absent/.config: no such file"), noConfig.err());
        assertEquals(1, unknownBoard.exit());
        assertTrue(unknownBoard.err().startsWith("no board profile named 'nosuchboard'"), unknownBoard.err());
        assertEquals(1, unknownRevision.exit());
        assertTrue(unknownRevision.err().startsWith("unknown revision 'v9.9'"), unknownRevision.err());
        assertEquals(0, emptyLog.exit());
        assertEquals("", emptyLog.out());
        assertTrue(emptyLog.err().startsWith("No commit in " + tree + " has arch/x86/configs/versatilepb_defconfig"),
                emptyLog.err());
        for (CliRun run : List.of(unchanged, noConfig, unknownBoard, unknownRevision)) {
            assertFalse(run.hasStackTrace(), run.err());
        }
    }
}
