package kforge.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import kforge.kconfig.ConfigEngine;
import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.io.ConfSettings;

/**
 * kforge batch --randconfigs N: N randconfigs of one parsed tree, seeded SEED, SEED+1, ... so each is what
 * "make randconfig KCONFIG_SEED=..." gives, written to OUT/randconfig-SEED.config. Each result notes the
 * process's resident memory after it, so a long batch shows whether memory stays flat.
 */
final class RandconfigBatch {
    /** One randconfig: its seed (as KCONFIG_SEED), its file, conf's status, resident memory after it. */
    record Result(String seed, String config, int status, long residentKib) {
    }

    private RandconfigBatch() {
    }

    static List<Result> run(ConfigEngine engine, Path outDir, int count, long firstSeed, PrintStream progress) {
        List<Result> results = new ArrayList<>();
        PrintStream discard = new PrintStream(java.io.OutputStream.nullOutputStream());
        for (int i = 0; i < count; i++) {
            String seed = "0x" + Long.toHexString(firstSeed + i).toUpperCase(Locale.ROOT);
            Path config = outDir.resolve("randconfig-" + seed + ".config");
            ConfSettings settings = engine.settings(config, true).withVariable("KCONFIG_SEED", seed);
            int status = engine.run(ConfMode.RANDCONFIG, "Kconfig", settings, discard, null, false);
            results.add(new Result(seed, config.toString(), status, residentKib()));
            if ((i + 1) % 100 == 0 || i + 1 == count) {
                progress.printf("kforge: %d of %d randconfigs, resident %d MiB%n", i + 1, count,
                        results.get(i).residentKib() / 1024);
            }
        }
        return results;
    }

    /** VmRSS of this process, from /proc (0 where there is none). */
    static long residentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no figure
        }
        return 0;
    }

    static void requireCount(int count) {
        if (count < 1) {
            throw new KconfigException("--randconfigs " + count + ": give a count of 1 or more");
        }
    }
}
