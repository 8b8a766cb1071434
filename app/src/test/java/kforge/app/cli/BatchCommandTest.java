package kforge.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kforge.app.Main;
import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceTree;

/**
 * kforge batch: boards of two ARCHes in one process, each .config equal to what merge_config.sh's way
 * (make alldefconfig with the board's defconfig as KCONFIG_ALLCONFIG) gives, and one JSON summary.
 */
class BatchCommandTest {
    @TempDir
    Path dir;

    @Test
    void boardsOfTwoArchesGiveTheKernelsConfigsAndOneSummary() throws Exception {
        Path tree = ReferenceTree.get();
        Path out = dir.resolve("out");
        int status = Main.run(new String[] {"batch", "--tree", tree.toString(), "--boards",
            "s3c2410,x86_64-pc,mini2440", "--out", out.toString(), "--allow-unmet"});
        assertEquals(0, status);

        assertEquals(makeAlldefconfig(tree, "arm", "arm-linux-gnueabi-", "arch/arm/configs/s3c2410_defconfig"),
                Files.readString(out.resolve("s3c2410/.config"), StandardCharsets.ISO_8859_1));
        assertEquals(makeAlldefconfig(tree, "arm", "arm-linux-gnueabi-", "arch/arm/configs/mini2440_defconfig"),
                Files.readString(out.resolve("mini2440/.config"), StandardCharsets.ISO_8859_1));
        assertEquals(makeAlldefconfig(tree, "x86_64", null, "arch/x86/configs/x86_64_defconfig"),
                Files.readString(out.resolve("x86_64-pc/.config"), StandardCharsets.ISO_8859_1));

        JsonNode summary = new ObjectMapper().readTree(out.resolve(BatchCommand.SUMMARY).toFile());
        assertEquals("PASS", summary.get("status").asText());
        List<String> boards = summary.get("boards").findValuesAsText("board");
        assertEquals(List.of("s3c2410", "mini2440", "x86_64-pc"), boards, "grouped by ARCH, in order");
        JsonNode s3c2410 = summary.get("boards").get(0);
        assertEquals("PASS", s3c2410.get("configStatus").asText());
        assertTrue(s3c2410.get("unmet").findValuesAsText("symbol").contains("CONFIG_NTFS_FS"),
                "s3c2410_defconfig asks for NTFS_FS, which 6.1 no longer offers: " + s3c2410.get("unmet"));
    }

    @Test
    void theDefconfigsStaleLinesAreWarningsButTheUsersValuesMustHold() throws Exception {
        String tree = ReferenceTree.get().toString();
        Path lenient = dir.resolve("lenient");
        assertEquals(0, Main.run(new String[] {"batch", "--tree", tree, "--boards", "mini2440,s3c2410", "--out",
            lenient.toString()}));
        JsonNode s3c2410 = new ObjectMapper().readTree(lenient.resolve(BatchCommand.SUMMARY).toFile()).get("boards").get(1);
        assertEquals("PASS", s3c2410.get("configStatus").asText());
        JsonNode adc = unmet(s3c2410, "CONFIG_S3C_ADC");
        assertEquals("s3c2410_defconfig", adc.get("origin").asText());
        assertFalse(adc.get("demanded").asBoolean(), "6.1 cannot give it, and the board's defconfig only asked");

        Path strict = dir.resolve("strict");
        assertEquals(1, Main.run(new String[] {"batch", "--tree", tree, "--boards", "mini2440,s3c2410", "--out",
            strict.toString(), "--set", "S3C_ADC=y"}));
        JsonNode summary = new ObjectMapper().readTree(strict.resolve(BatchCommand.SUMMARY).toFile());
        assertEquals("FAIL", summary.get("status").asText());
        assertEquals("FAIL", summary.get("boards").get(1).get("configStatus").asText());
        assertTrue(unmet(summary.get("boards").get(1), "CONFIG_S3C_ADC").get("demanded").asBoolean());
    }

    private static JsonNode unmet(JsonNode board, String symbol) {
        for (JsonNode u : board.get("unmet")) {
            if (u.get("symbol").asText().equals(symbol)) {
                return u;
            }
        }
        throw new AssertionError(symbol + " is not among the unmet values: " + board.get("unmet"));
    }

    private String makeAlldefconfig(Path tree, String arch, String cross, String defconfig) throws Exception {
        Path makeOut = Files.createDirectories(dir.resolve("make-" + Path.of(defconfig).getFileName()));
        List<String> command = new java.util.ArrayList<>(List.of("make", "-s", "-C", tree.toString(),
                "O=" + makeOut, "ARCH=" + arch, "KCONFIG_ALLCONFIG=" + tree.resolve(defconfig), "alldefconfig"));
        if (cross != null) {
            command.add("CROSS_COMPILE=" + cross);
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("make.err").toFile());
        pb.environment().clear();
        pb.environment().putAll(Oracle.makeEnvironment());
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("make.err")));
        return Files.readString(makeOut.resolve(".config"), StandardCharsets.ISO_8859_1);
    }
}
