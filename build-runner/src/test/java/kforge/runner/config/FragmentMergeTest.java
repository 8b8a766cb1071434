package kforge.runner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.testing.CommandRun;
import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceTree;

/** The merge against the kernel's own scripts/kconfig/merge_config.sh (-m: merge only, no make). */
class FragmentMergeTest {
    @TempDir
    Path dir;

    private String mergeConfigSh(Path base, Path... fragments) throws Exception {
        Path out = Files.createDirectories(dir.resolve("script-out"));
        Path work = Files.createDirectories(dir.resolve("script-work"));
        List<String> command = new java.util.ArrayList<>(List.of(
                ReferenceTree.get().resolve("scripts/kconfig/merge_config.sh").toString(), "-m", "-O", out.toString(),
                base.toString()));
        for (Path f : fragments) {
            command.add(f.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(Oracle.makeEnvironment());
        assertEquals(0, pb.start().waitFor());
        return Files.readString(out.resolve(".config"), StandardCharsets.ISO_8859_1);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.ISO_8859_1);
    }

    @Test
    void mergesAsMergeConfigShDoes() throws Exception {
        Path base = ReferenceTree.get().resolve("arch/arm/configs/s3c2410_defconfig");
        Path first = write("first.config", "CONFIG_VFAT_FS=m\n# CONFIG_EXT3_FS is not set\nCONFIG_EXT4_FS=m\n"
                + "# a comment line\nCONFIG_CMDLINE=\"console=ttySAC0,115200\"\n");
        Path second = write("second.config", "CONFIG_VFAT_FS=y\nCONFIG_NEW_SYMBOL=y");  // no final newline
        Path third = write("third.config", "CONFIG_EXT4_FS=y\n");
        String expected = mergeConfigSh(base, first, second, third);

        FragmentMerge merge = new FragmentMerge(base.toString(), Files.readString(base, StandardCharsets.ISO_8859_1))
                .add(first.toString(), Files.readString(first, StandardCharsets.ISO_8859_1))
                .add(second.toString(), Files.readString(second, StandardCharsets.ISO_8859_1))
                .add(third.toString(), Files.readString(third, StandardCharsets.ISO_8859_1));
        assertEquals(expected, merge.text());
        assertEquals(List.of("CONFIG_VFAT_FS", "CONFIG_EXT3_FS", "CONFIG_CMDLINE", "CONFIG_VFAT_FS",
                "CONFIG_EXT4_FS"),
                merge.redefinitions().stream().map(FragmentMerge.Redefinition::symbol).toList());
    }

    /** The script's stdout for a merge of these files (in a directory of their own), and its merged file. */
    private List<String> scriptRun(String name, String base, String... fragments) throws IOException {
        Path caseDir = Files.createDirectories(dir.resolve(name));
        Path out = Files.createDirectories(caseDir.resolve("out"));
        Path work = Files.createDirectories(caseDir.resolve("work"));
        List<String> command = new java.util.ArrayList<>(List.of(
                ReferenceTree.get().resolve("scripts/kconfig/merge_config.sh").toString(), "-m", "-O", out.toString(),
                Files.writeString(caseDir.resolve("base"), base, StandardCharsets.ISO_8859_1).toString()));
        for (int i = 0; i < fragments.length; i++) {
            command.add(Files.writeString(caseDir.resolve("fragment" + i), fragments[i], StandardCharsets.ISO_8859_1)
                    .toString());
        }
        java.util.Map<String, String> environment = new java.util.HashMap<>(Oracle.makeEnvironment());
        environment.put("LC_ALL", "C");
        CommandRun run = CommandRun.run(command, environment, java.time.Duration.ofMinutes(1), Path.of("/dev/null"),
                work).requireSuccess();
        return List.of(run.stdout(), Files.readString(out.resolve(".config"), StandardCharsets.ISO_8859_1));
    }

    private static FragmentMerge kforgeMerge(String base, String... fragments) {
        FragmentMerge merge = new FragmentMerge("base", base);
        for (int i = 0; i < fragments.length; i++) {
            merge.add("fragment" + i, fragments[i]);
        }
        return merge;
    }

    /** The symbols the script's stdout says a fragment redefined, in order. */
    private static List<String> redefinedIn(String stdout) {
        return stdout.lines().filter(l -> l.startsWith("Value of ") && l.contains(" is redefined by fragment "))
                .map(l -> l.substring("Value of ".length(), l.indexOf(" is redefined"))).toList();
    }

    /** Found by FragmentMergeFuzzTest: sed's "." takes a carriage return, so "CONFIG_A=n\r" names CONFIG_A. */
    @Test
    void aCarriageReturnAfterTheValueStillNamesTheSymbol() throws Exception {
        String[] fragments = {"CONFIG_A=n\r\nCONFIG_C=y\r\n"};
        List<String> script = scriptRun("cr", "CONFIG_A=y\nCONFIG_B=y\n", fragments);
        FragmentMerge merge = kforgeMerge("CONFIG_A=y\nCONFIG_B=y\n", fragments);
        assertEquals(script.get(1), merge.text());
        assertEquals(redefinedIn(script.get(0)), merge.redefinitions().stream()
                .map(FragmentMerge.Redefinition::symbol).toList());
    }

    /**
     * Found by FragmentMergeFuzzTest: when sed deletes a file's last line that had no newline, the file now
     * ends in one, so the script's echo makes a blank line before the next fragment.
     */
    @Test
    void deletingAnUnterminatedLastLineLeavesABlankLine() throws Exception {
        String[] fragments = {"CONFIG_B=n\nCONFIG_C=y", "CONFIG_C=n\n"};
        List<String> script = scriptRun("unterminated", "CONFIG_A=y\nCONFIG_B=y", fragments);
        assertEquals(script.get(1), kforgeMerge("CONFIG_A=y\nCONFIG_B=y", fragments).text());
    }

    /**
     * Found by FragmentMergeFuzzTest: the script compares every line that names the symbol (grep -w), so
     * a base that names it twice is redefined by a fragment that repeats only the first line.
     */
    @Test
    void everyLineNamingTheSymbolIsCompared() throws Exception {
        String base = "CONFIG_A=y\n# CONFIG_A is not set\nCONFIG_B=y\n# CONFIG_B depends on CONFIG_A\n";
        String[] fragments = {"CONFIG_A=y\n", "CONFIG_B=y\n"};
        List<String> script = scriptRun("twice", base, fragments);
        FragmentMerge merge = kforgeMerge(base, fragments);
        assertEquals(script.get(1), merge.text());
        assertEquals(redefinedIn(script.get(0)), merge.redefinitions().stream()
                .map(FragmentMerge.Redefinition::symbol).toList());
        // The script echoes the lines unquoted: its words, one space between them.
        assertEquals(script.get(0).lines().filter(l -> l.startsWith("Previous value: ")).toList(),
                merge.redefinitions().stream()
                        .map(r -> "Previous value: " + String.join(" ", r.previous().split("\\s+"))).toList());
    }

    @Test
    void unmetListsRequestedLinesTheConfigLacks() {
        FragmentMerge merge = new FragmentMerge("base", "CONFIG_A=y\n# CONFIG_B is not set\nCONFIG_C=\"x\"\n")
                .add("fragment", "CONFIG_C=\"y\"\n");
        String finalConfig = "CONFIG_A=y\nCONFIG_B=y\n# CONFIG_C is not set\n";
        assertEquals(List.of(new FragmentMerge.Unmet("CONFIG_B", "# CONFIG_B is not set", "CONFIG_B=y", "base"),
                new FragmentMerge.Unmet("CONFIG_C", "CONFIG_C=\"y\"", "# CONFIG_C is not set", "fragment")),
                merge.unmet(finalConfig));
    }
}
