package kforge.kconfig;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import kforge.kconfig.cache.ParseCache;
import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.conf.ConfRunner;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.diag.Trace;
import kforge.kconfig.env.KernelEnvironment;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.io.ConfSettings;
import kforge.kconfig.lex.SourceResolver;
import kforge.kconfig.model.Kconfig;
import kforge.kconfig.parse.ShellCommandListing;

/**
 * A kernel tree opened for one architecture: the environment the kernel's make would give conf, and the
 * Kconfig parsed once. Any number of configurations can then be made from it, each as if by a fresh conf.
 */
public final class ConfigEngine {
    private final KernelEnvironment environment;
    private final Kconfig kconfig;
    private final Reporter reporter;
    private boolean used;

    private ConfigEngine(KernelEnvironment environment, Kconfig kconfig, Reporter reporter) {
        this.environment = environment;
        this.kconfig = kconfig;
        this.reporter = reporter;
    }

    /**
     * Opens a tree. {@code objtree} is where conf would run (make's O=); $(shell,...) runs there.
     */
    public static ConfigEngine open(Path tree, String arch, String crossCompile, Path objtree,
                                    Map<String, String> baseEnvironment, Reporter reporter) {
        Trace.mark("engine: computing the environment");
        KernelEnvironment env = KernelEnvironment.builder().tree(tree).arch(arch).crossCompile(crossCompile)
                .objtree(objtree).baseEnvironment(baseEnvironment).build();
        Trace.mark("engine: environment ready");
        String caution = env.dialect().caution();
        if (caution != null) {
            // Never silently wrong: a result from a dialect not checked against this release says so.
            reporter.err("kforge: warning: " + caution);
        }
        Kconfig kconfig = KconfigLoader.create()
                .topFile(env.kconfigFile())
                .srctree(env.srctree())
                .workingDirectory(objtree)
                .environment(env.variables())
                .dialect(env.dialect())
                .reporter(reporter)
                .cache(ParseCache.standard(baseEnvironment))
                .load();
        Trace.mark("engine: Kconfig loaded");
        return new ConfigEngine(env, kconfig, reporter);
    }

    /**
     * The $(shell,...) commands {@link #open} with the same arguments would run, found without running any
     * of them (nor anything else from the tree), so the user can be asked first. Throws as open does for a
     * directory that is not a kernel tree or an unknown ARCH.
     */
    public static ShellCommandListing listShellCommands(Path tree, String arch, String crossCompile, Path objtree,
                                                        Map<String, String> baseEnvironment) {
        KernelEnvironment env = KernelEnvironment.builder().tree(tree).arch(arch).crossCompile(crossCompile)
                .objtree(objtree).baseEnvironment(baseEnvironment).build();
        return ShellCommandListing.of(env.kconfigFile(), new SourceResolver(objtree, env.srctree()), env.variables(),
                env.dialect());
    }

    public KernelEnvironment environment() {
        return environment;
    }

    public Kconfig kconfig() {
        return kconfig;
    }

    /**
     * The defconfig file as conf is given it: a name in arch/$SRCARCH/configs, a path to a file, or
     * (null) the architecture's default. Throws when none exists.
     */
    public String defconfigArgument(String nameOrPath) {
        String configsDir = "arch/" + environment.srcArch() + "/configs/";
        if (nameOrPath == null) {
            String def = environment.kbuildDefconfig();
            if (def == null || def.isEmpty()) {
                throw new KconfigException("ARCH=" + environment.arch() + " names no default configuration;"
                        + " give --defconfig NAME");
            }
            return configsDir + def;
        }
        if (Files.isRegularFile(environment.srctree().resolve(configsDir + nameOrPath))) {
            return configsDir + nameOrPath;
        }
        Path asPath = Path.of(nameOrPath);
        if (Files.isRegularFile(asPath)) {
            return asPath.toAbsolutePath().toString();
        }
        throw new KconfigException("defconfig '" + nameOrPath + "' not found: neither " + configsDir + nameOrPath
                + " in " + environment.srctree() + " nor a file");
    }

    /** Settings for one run that reads and writes the given .config. */
    public ConfSettings settings(Path configFile, boolean silent) {
        Map<String, String> env = new HashMap<>(environment.variables());
        env.put("KCONFIG_CONFIG", configFile.toAbsolutePath().toString());
        Path workDir = configFile.toAbsolutePath().getParent();
        return new ConfSettings(env, workDir, environment.srctree(), silent);
    }

    /** A fresh evaluator over the parsed tree, as if conf had just parsed it. */
    public Evaluator freshEvaluator() {
        return freshEvaluator(reporter);
    }

    /** The same, reporting to another reporter (a run whose messages are not the user's). */
    public Evaluator freshEvaluator(Reporter runReporter) {
        if (used) {
            kconfig.resetEvaluationState();
        }
        used = true;
        return new Evaluator(kconfig, runReporter);
    }

    /** Runs one conf mode against configFile (read and/or written as the mode does). Returns conf's status. */
    public int run(ConfMode mode, String file, Path configFile, boolean silent, PrintStream out,
                   BufferedReader in, boolean tty) {
        return run(mode, file, settings(configFile, silent), out, in, tty);
    }

    /** Runs one conf mode with settings of the caller's making (its own KCONFIG_ALLCONFIG, say). */
    public int run(ConfMode mode, String file, ConfSettings settings, PrintStream out, BufferedReader in, boolean tty) {
        ConfRunner runner = new ConfRunner(kconfig, freshEvaluator(), settings, out, in, tty);
        return runner.run(mode, file);
    }

    /** Runs one conf mode without input, its messages to the given reporter instead of the engine's. */
    public int runReportingTo(Reporter runReporter, ConfMode mode, String file, ConfSettings settings) {
        PrintStream discard = new PrintStream(java.io.OutputStream.nullOutputStream());
        return new ConfRunner(kconfig, freshEvaluator(runReporter), settings, discard, null, false).run(mode, file);
    }
}
