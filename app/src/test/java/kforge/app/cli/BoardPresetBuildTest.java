package kforge.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceKernel;
import kforge.runner.artifact.Artifact;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildRecords;
import kforge.runner.record.BuildStatus;

/**
 * The first command a board user types, with no other flags: kforge build --board s3c2410 on Debian's 6.1
 * builds a real zImage from the kernel's own defconfig. The defconfig's lines that 6.1
 * can no longer give are warnings, and which lines those are comes from the kernel's own make: each line
 * of the defconfig that make NAME_defconfig's .config does not have. On 6.12 the board is refused before
 * anything is written. Cost: one full defconfig zImage build, about 6 min on two cores; mini2440's .config
 * is checked without its build.
 */
class BoardPresetBuildTest {
    private static final String CROSS = "arm-linux-gnueabi-";
    private static final Pattern LINE_SYMBOL = Pattern.compile("^(?:# )?(CONFIG_[A-Za-z0-9_]+)[= ]");

    @TempDir
    Path dir;

    @Test
    void s3c2410BuildsOn61WithTheDefconfigsStaleLinesAsWarnings() throws Exception {
        assertPresetBuilds("s3c2410");
    }

    /**
     * The mini2440 preset's .config, from the same code path as a build's (kforge batch without --build):
     * building it too would repeat s3c2410's build of the same arch and toolchain for six more minutes.
     */
    @Test
    void mini2440ConfiguresOn61WithTheDefconfigsStaleLinesAsWarnings() throws Exception {
        Path tree = ReferenceKernel.LINUX_6_1.tree();
        Path out = dir.resolve("batch");
        CliRun run = CliRun.kforge("batch", "--tree", tree.toString(), "--boards", "mini2440", "--out", out.toString());
        assertEquals(0, run.exit(), CliRun.tail(run.out()) + run.err());
        String expected = Files.readString(Oracle.config(ReferenceKernel.LINUX_6_1, "arm", CROSS, "mini2440_defconfig"),
                StandardCharsets.ISO_8859_1);
        assertEquals(expected, Files.readString(out.resolve("mini2440/.config"), StandardCharsets.ISO_8859_1),
                "the .config is make mini2440_defconfig's");
        List<String> warnings = run.out().lines().filter(l -> l.startsWith("kforge: mini2440: warning: "))
                .map(l -> l.substring("kforge: mini2440: warning: ".length())).toList();
        Set<String> stale = staleLines(tree.resolve("arch/arm/configs/mini2440_defconfig"), expected);
        assertFalse(stale.isEmpty(), "6.1 cannot give every line of mini2440_defconfig");
        assertEquals(stale, symbolsOf(warnings), "the warnings are make's dropped lines");
    }

    @Test
    void s3c2410On612IsRefusedBeforeAnythingIsWritten() {
        Path out = dir.resolve("out");
        CliRun run = CliRun.kforge("build", "--board", "s3c2410", "--tree", ReferenceKernel.LINUX_6_12.tree().toString(),
                "--out", out.toString(), "--targets", "zImage");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("S3C24xx left mainline in Linux 6.3; this tree is 6.12"), run.err());
        assertFalse(run.hasStackTrace(), run.err());
        assertFalse(Files.exists(out), "nothing is written");
    }

    private void assertPresetBuilds(String board) throws IOException {
        Path tree = ReferenceKernel.LINUX_6_1.tree();
        Path out = dir.resolve("out");
        CliRun run = CliRun.kforge("build", "--board", board, "--tree", tree.toString(), "--out", out.toString(),
                "--targets", "zImage");
        assertEquals(0, run.exit(), CliRun.tail(run.out()) + run.err());

        Path makeConfig = Oracle.config(ReferenceKernel.LINUX_6_1, "arm", CROSS, board + "_defconfig");
        String expected = Files.readString(makeConfig, StandardCharsets.ISO_8859_1);
        assertEquals(expected, Files.readString(out.resolve(".config"), StandardCharsets.ISO_8859_1),
                "the .config is make " + board + "_defconfig's");

        BuildRecord record = BuildRecords.read(out.resolve(BuildRecords.LATEST));
        assertEquals(BuildStatus.PASS, record.status());
        assertEquals(board, record.board());
        Artifact zImage = record.artifacts().stream().filter(a -> a.path().equals("arch/arm/boot/zImage"))
                .findFirst().orElseThrow();
        assertTrue(zImage.verified(), zImage.detail());
        assertEquals(0x016f2818, magicAt0x24(out.resolve("arch/arm/boot/zImage")));
        assertTrue(run.out().contains("kforge: zImage PASS"), CliRun.tail(run.out()));
        assertTrue(Files.readString(out.resolve("kforge-build.log")).contains("Kernel: arch/arm/boot/zImage is ready"));

        Set<String> stale = staleLines(tree.resolve("arch/arm/configs/" + board + "_defconfig"), expected);
        assertFalse(stale.isEmpty(), "6.1 cannot give every line of " + board + "_defconfig");
        assertEquals(stale, symbolsOf(record.configWarnings()), "the record's warnings are make's dropped lines");
        for (String warning : record.configWarnings()) {
            assertTrue(warning.startsWith(board + "_defconfig asks for "), warning);
            assertTrue(run.err().contains("warning: " + warning), "printed too: " + warning);
        }
        if (board.equals("s3c2410")) {
            assertEquals(Set.of("CONFIG_S3C_ADC", "CONFIG_NTFS_FS"), stale);
            // The reason names the dependency, then the term that fails and why that symbol has its value.
            assertTrue(record.configWarnings().stream().anyMatch(w -> w.contains("S3C_ADC=y; this tree cannot: it is"
                    + " not visible: ") && w.contains("&& !ARCH_MULTIPLATFORM [=y]; !ARCH_MULTIPLATFORM is false"
                    + " (ARCH_MULTIPLATFORM=y")), record.configWarnings().toString());
        }
    }

    /** The defconfig's symbols whose line is not in make's .config, as merge_config.sh would report them. */
    private static Set<String> staleLines(Path defconfig, String makeConfig) throws IOException {
        Set<String> configLines = Set.copyOf(List.of(makeConfig.split("\n")));
        Set<String> stale = new LinkedHashSet<>();
        for (String line : Files.readAllLines(defconfig, StandardCharsets.ISO_8859_1)) {
            Matcher m = LINE_SYMBOL.matcher(line + " ");
            if (m.find() && !configLines.contains(line)) {
                stale.add(m.group(1));
            }
        }
        return stale;
    }

    private static Set<String> symbolsOf(List<String> warnings) {
        Set<String> symbols = new LinkedHashSet<>();
        for (String w : warnings) {
            Matcher m = Pattern.compile(" asks for (?:# )?(CONFIG_[A-Za-z0-9_]+)").matcher(w);
            assertTrue(m.find(), w);
            symbols.add(m.group(1));
        }
        return symbols;
    }

    private static int magicAt0x24(Path zImage) throws IOException {
        byte[] bytes = Files.readAllBytes(zImage);
        return ByteBuffer.wrap(bytes, 0x24, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

}
