package kforge.app.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kforge.app.cli.BatchCommand;
import kforge.app.cli.CliRun;
import kforge.kconfig.ConfigEngine;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceKernel;

/**
 * 1,000 seeded randconfigs of the 6.1 ARM tree in one "kforge batch" process, started as the launcher starts
 * it: its resident memory after each one (the summary's residentKib) must stay flat, the last 100's median no
 * more than 10% above the first 100's. A leak of a few kilobytes a config (an evaluator, a listener, a parse
 * cache entry kept per run) adds up to that over 900 configs.
 *
 * The last config must still be what the kernel's conf writes for its seed: a long-lived parse keeps no
 * state from one config to the next.
 *
 * <p>Costs about 70 s.
 */
class BatchMemoryTest {
    private static final String ARM_CROSS = "arm-linux-gnueabi-";
    private static final int CONFIGS = Integer.getInteger("kforge.load.randconfigs", 1000);

    @TempDir
    Path dir;

    @Test
    void residentMemoryStaysFlatOverAThousandRandconfigs() throws Exception {
        Path out = dir.resolve("out");
        CliRun batch = CliRun.launcherProcess(Map.of(), "batch", "--tree", ReferenceKernel.LINUX_6_1.tree().toString(),
                "--arch", "arm", "--cross-compile", ARM_CROSS, "--randconfigs", Integer.toString(CONFIGS),
                "--seed", "1", "--out", out.toString());
        assertEquals(0, batch.exit(), CliRun.tail(batch.err()));
        JsonNode summary = new ObjectMapper().readTree(out.resolve(BatchCommand.SUMMARY).toFile());
        List<Long> resident = new ArrayList<>();
        summary.get("randconfigs").forEach(r -> resident.add(r.get("residentKib").asLong()));
        assertEquals(CONFIGS, resident.size());
        assertNotEquals(Files.readString(out.resolve("randconfig-0x1.config")),
                Files.readString(out.resolve("randconfig-0x2.config")), "each seed gives its own config");
        String lastSeed = "0x" + Integer.toHexString(CONFIGS).toUpperCase(java.util.Locale.ROOT);
        assertEquals(confRandconfig(lastSeed), Files.readString(out.resolve("randconfig-" + lastSeed + ".config")),
                "the last config of one long-lived parse is the kernel's conf's for its seed");
        long first = median(resident.subList(0, 100));
        long last = median(resident.subList(CONFIGS - 100, CONFIGS));
        System.out.printf("load randconfig batch: %d configs in %.1f s, resident median first 100 %d MiB,"
                + " last 100 %d MiB (%+.1f%%), peak %d MiB%n", CONFIGS, summary.get("seconds").asDouble(),
                first / 1024, last / 1024, 100.0 * (last - first) / first,
                resident.stream().mapToLong(Long::longValue).max().orElse(0) / 1024);
        assertTrue(last <= first * 1.10, "resident memory grew from " + first / 1024 + " MiB to " + last / 1024
                + " MiB over " + CONFIGS + " randconfigs");
    }

    /** What the 6.1 tree's own conf writes for "make randconfig KCONFIG_SEED=seed". */
    private String confRandconfig(String seed) throws Exception {
        Path confDir = Files.createDirectories(dir.resolve("conf"));
        ConfigEngine engine = ConfigEngine.open(ReferenceKernel.LINUX_6_1.tree(), "arm", ARM_CROSS, confDir,
                System.getenv(), Reporter.silent());
        ProcessBuilder conf = new ProcessBuilder(Oracle.confBinary(ReferenceKernel.LINUX_6_1, "arm", ARM_CROSS)
                .toString(), "-s", "--randconfig", "Kconfig").directory(confDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        conf.environment().clear();
        conf.environment().putAll(engine.environment().variables());
        conf.environment().put("KCONFIG_SEED", seed);
        conf.environment().put("KCONFIG_CONFIG", confDir.resolve(".config").toString());
        assertEquals(0, conf.start().waitFor(), "conf --randconfig");
        return Files.readString(confDir.resolve(".config"));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
