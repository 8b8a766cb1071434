package kforge.kconfig.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import kforge.kconfig.ConfigEngine;
import kforge.kconfig.cache.CacheRoot;
import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.io.ConfSettings;

/**
 * Runs one mode both ways, each on its own copy of the starting .config: kforge's engine and the tree's
 * own conf. Says whether they wrote the same files, and where they first differ.
 */
public final class TreeConfCheck {
    private final ConfigEngine engine;
    private final String fingerprint;

    public TreeConfCheck(ConfigEngine engine, String fingerprint) {
        this.engine = engine;
        this.fingerprint = fingerprint;
    }

    /** What the comparison found: null when both wrote the same, else the first difference in conf's terms. */
    public String differenceFor(ConfMode mode, String file, Path startingConfig) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("kforge-check");
        } catch (IOException e) {
            throw new KconfigException("cannot make a directory for the check: " + e.getMessage());
        }
        try {
            Path kforgeDir = prepared(scratch.resolve("kforge"), startingConfig);
            Path confDir = prepared(scratch.resolve("conf"), startingConfig);
            String output = mode == ConfMode.SAVEDEFCONFIG ? "defconfig" : null;
            String kforgeFile = output != null ? kforgeDir.resolve(output).toString() : file;
            String confFile = output != null ? confDir.resolve(output).toString() : file;
            // Without a date line the two files can be compared byte for byte on trees that still write one.
            Map<String, String> env = new HashMap<>(engine.environment().variables());
            env.put("KCONFIG_CONFIG", kforgeDir.resolve(".config").toString());
            env.put("KCONFIG_NOTIMESTAMP", "1");
            // The user sees the messages of the real run that follows, not these.
            int kforgeExit;
            try {
                kforgeExit = engine.runReportingTo(Reporter.silent(), mode, kforgeFile, new ConfSettings(env,
                        kforgeDir, engine.environment().srctree(), true));
            } catch (KconfigException e) {
                kforgeExit = 1;
            }
            TreeConf conf = TreeConf.of(engine.environment(), fingerprint, CacheRoot.of(System.getenv()));
            TreeConf.Run confRun = conf.run(mode, confFile, confDir, Map.of("KCONFIG_NOTIMESTAMP", "1"));
            if (confRun.exit() != kforgeExit) {
                return "the tree's conf exits " + confRun.exit() + ", kforge " + kforgeExit
                        + (confRun.output().isBlank() ? "" : "; conf said:\n" + confRun.output().strip());
            }
            for (String name : List.of(".config", output != null ? output : ".config")) {
                String difference = firstDifference(name, confDir.resolve(name), kforgeDir.resolve(name));
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        } finally {
            remove(scratch);
        }
    }

    private static Path prepared(Path dir, Path startingConfig) {
        try {
            Files.createDirectories(dir);
            if (startingConfig != null && Files.isRegularFile(startingConfig)) {
                Files.copy(startingConfig, dir.resolve(".config"), StandardCopyOption.REPLACE_EXISTING);
            }
            return dir;
        } catch (IOException e) {
            throw new KconfigException(dir + ": " + e.getMessage());
        }
    }

    private static String firstDifference(String name, Path conf, Path kforge) {
        try {
            boolean confWrote = Files.isRegularFile(conf);
            boolean kforgeWrote = Files.isRegularFile(kforge);
            if (confWrote != kforgeWrote) {
                return name + ": " + (confWrote ? "the tree's conf writes it, kforge does not"
                        : "kforge writes it, the tree's conf does not");
            }
            if (!confWrote) {
                return null;
            }
            List<String> c = Files.readAllLines(conf, StandardCharsets.ISO_8859_1);
            List<String> k = Files.readAllLines(kforge, StandardCharsets.ISO_8859_1);
            for (int i = 0; i < Math.max(c.size(), k.size()); i++) {
                String x = i < c.size() ? c.get(i) : "<end of file>";
                String y = i < k.size() ? k.get(i) : "<end of file>";
                if (!x.equals(y)) {
                    return name + " line " + (i + 1) + ": the tree's conf writes \"" + x + "\", kforge \"" + y + "\"";
                }
            }
            return java.util.Arrays.equals(Files.readAllBytes(conf), Files.readAllBytes(kforge)) ? null
                    : name + ": the files differ in their line ends";
        } catch (IOException e) {
            throw new KconfigException(name + ": " + e.getMessage());
        }
    }

    private static void remove(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A scratch directory left in /tmp costs nothing but space.
        }
    }
}
