package kforge.app.cli;

import static kforge.app.cli.CliRun.kforge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** kforge tree import, clone, status, checkout, branches and tags, in process, as a user types them. */
class TreeCommandTest {
    @TempDir
    Path dir;


    /**
     * linux-6.1.7.tar.gz with just enough of a kernel for kforge's Kconfig engine: the version in the
     * Makefile, a top Kconfig with MODULES, EXT4_FS (tristate) and PRINTK (default y), and arch/arm.
     */
    static Path tinyKernelTarball(Path directory) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Makefile", "VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 7\nEXTRAVERSION =\nNAME = Tiny\n");
        files.put("Kconfig", "mainmenu \"Linux/$(ARCH) $(KERNELVERSION) Kernel Configuration\"\n\n"
                + "source \"arch/$(SRCARCH)/Kconfig\"\n\n"
                + "config MODULES\n\tbool \"Enable loadable module support\"\n\tmodules\n\n"
                + "config EXT4_FS\n\ttristate \"The Extended 4 (ext4) filesystem\"\n\n"
                + "config PRINTK\n\tbool \"printk\"\n\tdefault y\n");
        files.put("arch/arm/Kconfig", "config ARM\n\tdef_bool y\n");
        files.put("arch/arm/configs/versatile_defconfig", "CONFIG_MODULES=y\n");
        files.put("init/main.c", "int main(void) { return 0; }\n");
        Path tarball = directory.resolve("linux-6.1.7.tar.gz");
        try (OutputStream file = Files.newOutputStream(tarball);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
            for (Map.Entry<String, String> entry : files.entrySet()) {
                byte[] content = entry.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry header = new TarArchiveEntry("linux-6.1.7/" + entry.getKey());
                header.setSize(content.length);
                header.setMode(0644);
                tar.putArchiveEntry(header);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return tarball;
    }

    private Path importedTree() throws IOException {
        Path tree = dir.resolve("linux");
        CliRun run = kforge("tree", "import", tinyKernelTarball(dir).toString(), tree.toString());
        assertEquals(0, run.exit(), run.err());
        return tree;
    }

    @Test
    void importMakesATaggedTreeAndSaysSo() throws IOException {
        Path tarball = tinyKernelTarball(dir);
        Path tree = dir.resolve("linux");

        CliRun run = kforge("tree", "import", tarball.toString(), tree.toString());

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Imported linux-6.1.7.tar.gz into " + tree + " in "), run.out());
        assertTrue(run.out().contains(": Linux 6.1.7, 5 files, branch master at "), run.out());
        assertTrue(run.out().endsWith(", tagged v6.1.7\n"), run.out());
        assertTrue(run.err().contains("Importing linux-6.1.7.tar.gz (KiB): 100%"), run.err());
        assertTrue(Files.isRegularFile(tree.resolve("init/main.c")));
        CliRun tags = kforge("tree", "tags", "--tree", tree.toString());
        assertTrue(tags.out().matches("  v6\\.1\\.7  [0-9a-f]{12} Linux 6\\.1\\.7\n"), tags.out());
    }

    @Test
    void statusListsTheChangedFilesByKind() throws IOException {
        Path tree = importedTree();
        assertTrue(kforge("tree", "status", "--tree", tree.toString()).out().startsWith("On branch master at "));
        Files.writeString(tree.resolve("init/main.c"), "changed\n");
        Files.delete(tree.resolve("arch/arm/configs/versatile_defconfig"));
        Files.writeString(tree.resolve("notes.txt"), "mine\n");

        CliRun run = kforge("tree", "status", "--tree", tree.toString());

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().endsWith("modified:  init/main.c\nremoved:   arch/arm/configs/versatile_defconfig\n"
                + "untracked: notes.txt\n"), run.out());
        assertTrue(kforge("tree", "status", "--tree", importedTreeCopy()).out().endsWith("No changes.\n"));
    }

    private String importedTreeCopy() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        Path tree = other.resolve("linux");
        assertEquals(0, kforge("tree", "import", tinyKernelTarball(other).toString(), tree.toString()).exit());
        return tree.toString();
    }

    @Test
    void checkoutRefusesOverUncommittedChangesNamingThemAndKeepsThem() throws Exception {
        Path tree = importedTree();
        assertEquals(0, kforge("tree", "checkout", "-b", "work", "--tree", tree.toString()).exit());
        try (Git git = Git.open(tree.toFile())) {
            Files.writeString(tree.resolve("init/main.c"), "work\n");
            git.commit().setAll(true).setMessage("work").setAuthor(new PersonIdent("T", "t@example.org"))
                    .setCommitter(new PersonIdent("T", "t@example.org")).call();
        }
        Files.writeString(tree.resolve("init/main.c"), "uncommitted\n");

        CliRun refused = kforge("tree", "checkout", "master", "--tree", tree.toString());

        assertEquals(1, refused.exit());
        assertEquals("cannot check out master: " + tree + " has uncommitted changes in 1 file: init/main.c."
                + " Commit them or set them aside first; nothing was changed.\n", refused.err());
        assertFalse(refused.hasStackTrace());
        assertEquals("uncommitted\n", Files.readString(tree.resolve("init/main.c")));
        CliRun branches = kforge("tree", "branches", "--tree", tree.toString());
        assertTrue(branches.out().matches("  master  [0-9a-f]{12} Linux 6\\.1\\.7\n"
                + "\\* work    [0-9a-f]{12} work\n"),
                branches.out());
    }

    @Test
    void checkoutSwitchesACleanTreeAndDetachesOnATag() throws Exception {
        Path tree = importedTree();
        assertEquals(0, kforge("tree", "checkout", "-b", "work", "--tree", tree.toString()).exit());

        CliRun toMaster = kforge("tree", "checkout", "master", "--tree", tree.toString());
        CliRun toTag = kforge("tree", "checkout", "v6.1.7", "--tree", tree.toString());

        assertTrue(toMaster.out().startsWith("On branch master at "), toMaster.out());
        assertTrue(toTag.out().startsWith("HEAD is now detached at "), toTag.out());
        assertTrue(toTag.out().contains("(v6.1.7); to commit on it, create a work branch"), toTag.out());
        CliRun nothing = kforge("tree", "checkout", "--tree", tree.toString());
        assertEquals(1, nothing.exit());
        assertTrue(nothing.err().contains("give the branch, tag or commit to check out"), nothing.err());
    }

    @Test
    void cloneCopiesALocalTree() throws IOException {
        Path source = importedTree();
        Path clone = dir.resolve("clone");

        CliRun run = kforge("tree", "clone", source.toString(), clone.toString());

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Cloned " + source + " into " + clone + ": branch master at "), run.out());
        assertEquals("int main(void) { return 0; }\n", Files.readString(clone.resolve("init/main.c")));
        assertTrue(run.err().contains("Checking out files"), run.err());
    }

    @Test
    void faultsAreMessagesWithoutStackTraces() throws IOException {
        Path plain = Files.createDirectories(dir.resolve("plain"));

        CliRun notGit = kforge("tree", "status", "--tree", plain.toString());
        CliRun noSubcommand = kforge("tree");
        CliRun taken = kforge("tree", "import", tinyKernelTarball(dir).toString(), plain.getParent().toString());

        assertEquals(1, notGit.exit());
        assertTrue(notGit.err().startsWith(plain + " is not a git tree (it has no .git)"), notGit.err());
        assertEquals(2, noSubcommand.exit());
        assertTrue(noSubcommand.err().startsWith("Missing required subcommand"), noSubcommand.err());
        assertEquals(1, taken.exit());
        assertTrue(taken.err().contains("already exists and is not an empty directory"), taken.err());
        assertFalse(notGit.hasStackTrace() || taken.hasStackTrace());
    }
}
