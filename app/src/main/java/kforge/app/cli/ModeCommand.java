package kforge.app.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import kforge.runner.config.ConfigTargets;
import kforge.kconfig.ConfigEngine;
import kforge.kconfig.check.KconfigSources;
import kforge.kconfig.check.TreeConfCheck;
import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** One conf mode as a kforge command: defconfig, allnoconfig, oldconfig, ... */
public final class ModeCommand implements Callable<Integer> {
    /** The modes whose result is a file both ways, so the tree's own conf can check kforge's. */
    private static final java.util.Set<ConfMode> CHECKED_MODES = java.util.EnumSet.of(ConfMode.DEFCONFIG,
            ConfMode.SAVEDEFCONFIG, ConfMode.OLDDEFCONFIG, ConfMode.ALLNOCONFIG, ConfMode.ALLYESCONFIG,
            ConfMode.ALLMODCONFIG, ConfMode.ALLDEFCONFIG, ConfMode.YES2MODCONFIG, ConfMode.MOD2YESCONFIG,
            ConfMode.MOD2NOCONFIG);

    private final ConfMode mode;

    @Mixin
    TreeOptions tree;

    @Option(names = "--config", paramLabel = "FILE", description = "The .config to read and write (default: $KCONFIG_CONFIG, else .config).")
    Path config;

    @Option(names = "--defconfig", paramLabel = "NAME|PATH",
            description = "defconfig: a name from arch/$SRCARCH/configs or a path (default: the arch's)."
                    + " May repeat with --out-dir for a batch.")
    List<String> defconfigs = new ArrayList<>();

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Batch: write DIR/<name>/.config per defconfig.")
    Path outDir;

    @Option(names = "--output", paramLabel = "FILE", description = "savedefconfig: where to write the minimal config.")
    Path output;

    @Option(names = "--check-with-tree-conf", description = "Also run the tree's own conf (built from its"
            + " scripts/kconfig into kforge's cache) and write nothing if its result differs. Automatic for a"
            + " tree whose scripts/kconfig kforge does not know.")
    boolean checkWithTreeConf;

    ModeCommand(ConfMode mode) {
        this.mode = mode;
    }

    @Override
    public Integer call() {
        if (mode == ConfMode.DEFCONFIG && (outDir != null || defconfigs.size() > 1)) {
            return batch();
        }
        if (!defconfigs.isEmpty() && mode != ConfMode.DEFCONFIG) {
            throw new KconfigException("--defconfig only goes with the defconfig command");
        }
        Path configFile = config != null ? config : TreeOptions.defaultConfig();
        ConfigEngine engine = open(configFile.toAbsolutePath().getParent());
        boolean tty = System.console() != null;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String file = null;
        if (mode == ConfMode.DEFCONFIG) {
            String name = defconfigs.isEmpty() ? null : defconfigs.get(0);
            if (isGenerated(engine, name)) {
                return new ConfigTargets(engine, configFile, tree.quiet, System.out, System.err, in, tty)
                        .make(name != null ? name : engine.environment().kbuildDefconfig());
            }
            file = engine.defconfigArgument(name);
        } else if (mode == ConfMode.SAVEDEFCONFIG) {
            file = (output != null ? output : Path.of("defconfig")).toAbsolutePath().toString();
        }
        if (!agreesWithTreeConf(engine, file, configFile)) {
            return 1;
        }
        return engine.run(mode, file, configFile, tree.quiet, System.out, in, tty);
    }

    /**
     * Never silently wrong: for a tree whose conf sources kforge does not know (or on request), the mode is
     * first run both ways on copies, and only a result the tree's own conf agrees with is written.
     */
    private boolean agreesWithTreeConf(ConfigEngine engine, String file, Path configFile) {
        Path srctree = engine.environment().srctree();
        if (!checkWithTreeConf && !KconfigSources.present(srctree)) {
            // No scripts/kconfig, so no conf of the tree's own to be wrong against: the dialect is all there is.
            return true;
        }
        String fingerprint = KconfigSources.fingerprint(srctree);
        boolean known = KconfigSources.known(fingerprint).isPresent();
        if (known && !checkWithTreeConf) {
            return true;
        }
        if (!CHECKED_MODES.contains(mode)) {
            if (!known) {
                System.err.println("kforge: warning: this tree's scripts/kconfig is not one kforge knows; kforge uses the "
                        + engine.kconfig().dialect().describe() + " (" + mode.option() + " is not checked against"
                        + " the tree's own conf: it asks, lists or draws at random)");
            }
            return true;
        }
        if (!known) {
            System.err.println("kforge: this tree's scripts/kconfig is not one kforge knows: using the "
                    + engine.kconfig().dialect().describe() + ", and checking the result with the tree's own conf");
        }
        String difference = new TreeConfCheck(engine, fingerprint).differenceFor(mode, file, configFile);
        if (difference == null) {
            if (!tree.quiet) {
                System.err.println("kforge: the tree's own conf writes the same");
            }
            return true;
        }
        System.err.println("kforge: the tree's own conf disagrees with kforge's " + engine.kconfig().dialect().describe()
                + "; nothing was written. First difference: " + difference);
        return false;
    }

    /** A defconfig the arch Makefile makes from fragments (mips's 32r2el_defconfig), not a file or a path. */
    private static boolean isGenerated(ConfigEngine engine, String name) {
        return ConfigTargets.isGeneratedDefconfig(engine, name) && (name == null || !Files.isRegularFile(Path.of(name)));
    }

    private ConfigEngine open(Path objtree) {
        try {
            Files.createDirectories(objtree);
        } catch (java.io.IOException e) {
            throw new KconfigException(objtree + ": cannot create directory: " + e.getMessage());
        }
        return ConfigEngine.open(tree.tree, tree.arch, tree.crossCompile, objtree, System.getenv(),
                Reporter.console());
    }

    /** Many defconfigs from one parse of the tree, each written to DIR/<name>/.config. */
    private int batch() {
        if (outDir == null) {
            throw new KconfigException("several --defconfig need --out-dir DIR");
        }
        List<String> names = defconfigs.isEmpty() ? List.of() : defconfigs;
        ConfigEngine engine = open(outDir.toAbsolutePath());
        int status = 0;
        List<String> targets = names.isEmpty() ? java.util.Collections.singletonList(null) : names;
        for (String name : targets) {
            boolean isGenerated = isGenerated(engine, name);
            String file = isGenerated ? (name != null ? name : engine.environment().kbuildDefconfig())
                    : engine.defconfigArgument(name);
            String dirName = Path.of(file).getFileName().toString();
            Path configFile = outDir.resolve(dirName).resolve(".config");
            try {
                Files.createDirectories(configFile.getParent());
            } catch (java.io.IOException e) {
                throw new KconfigException(configFile.getParent() + ": cannot create directory: " + e.getMessage());
            }
            int rc = isGenerated
                    ? new ConfigTargets(engine, configFile, tree.quiet, System.out, System.err, null, false).make(file)
                    : engine.run(ConfMode.DEFCONFIG, file, configFile, tree.quiet, System.out, null, false);
            status = Math.max(status, rc);
        }
        return status;
    }
}
