package kforge.app.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import kforge.runner.config.ConfigTargets;
import kforge.runner.config.NoSuchTargetException;
import kforge.kconfig.ConfigEngine;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** kforge targets: the Makefile's configuration targets in order, as make O=&lt;dir of FILE&gt; TARGET... runs them. */
@Command(name = "targets", description = "Run the kernel Makefile's configuration targets in order, as"
        + " 'make O=<dir of --config> ARCH=... TARGET...' does: conf's modes, NAME_defconfig, NAME.config"
        + " fragments, tinyconfig and the arch's generated defconfigs.")
public final class TargetsCommand implements Callable<Integer> {
    /** Exit status for a target the tree does not have, as for any other bad input on the command line. */
    static final int BAD_TARGET = 2;

    @Mixin
    TreeOptions tree;

    @Option(names = "--config", paramLabel = "FILE", description = "The .config to read and write (default: $KCONFIG_CONFIG, else .config).")
    Path config;

    @Parameters(arity = "1..*", paramLabel = "TARGET", description = "e.g. defconfig kvm_guest.config, tinyconfig,"
            + " versatile_defconfig, 32r2el_defconfig.")
    List<String> targets = new ArrayList<>();

    @Override
    public Integer call() {
        Path configFile = (config != null ? config : TreeOptions.defaultConfig()).toAbsolutePath();
        Path objtree = configFile.getParent();
        try {
            Files.createDirectories(objtree);
        } catch (java.io.IOException e) {
            throw new KconfigException(objtree + ": cannot create directory: " + e.getMessage());
        }
        ConfigEngine engine = ConfigEngine.open(tree.tree, tree.arch, tree.crossCompile, objtree, System.getenv(),
                Reporter.console());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        ConfigTargets make = new ConfigTargets(engine, configFile, tree.quiet, System.out, System.err, in,
                System.console() != null);
        try {
            return make.make(targets);
        } catch (NoSuchTargetException e) {
            System.err.println("kforge targets: " + e.getMessage());
            return BAD_TARGET;
        }
    }
}
