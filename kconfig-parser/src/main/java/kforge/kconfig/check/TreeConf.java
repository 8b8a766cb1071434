package kforge.kconfig.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.env.KernelEnvironment;

/**
 * A tree's own scripts/kconfig/conf: built from the tree's sources with the host compiler, as the kernel's
 * make builds it (out of tree, so the tree stays clean), once per set of sources into kforge's cache; then
 * run in a directory of its own with the environment the Makefile hands it.
 */
public final class TreeConf {
    private static final long BUILD_MINUTES = 10;
    private static final long RUN_MINUTES = 5;

    private final Path binary;
    private final KernelEnvironment environment;

    private TreeConf(Path binary, KernelEnvironment environment) {
        this.binary = binary;
        this.environment = environment;
    }

    /** The tree's conf, from the cache or built now into cacheRoot/tree-conf/FINGERPRINT. */
    public static TreeConf of(KernelEnvironment environment, String fingerprint, Path cacheRoot) {
        Path dir = cacheRoot.resolve("tree-conf").resolve(fingerprint);
        Path binary = dir.resolve("scripts/kconfig/conf");
        if (!Files.isExecutable(binary)) {
            build(environment, dir);
        }
        return new TreeConf(binary, environment);
    }

    /** make build_config (on trees before it, a config target, which builds conf first) in an O= of its own. */
    private static void build(KernelEnvironment environment, Path dir) {
        Path srctree = environment.srctree();
        boolean hasBuildConfig;
        try {
            Files.createDirectories(dir);
            hasBuildConfig = Files.readString(srctree.resolve("scripts/kconfig/Makefile"), StandardCharsets.ISO_8859_1)
                    .contains("build_config");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new KconfigException("cannot build the tree's own conf: " + e.getFile() + " does not exist");
        } catch (IOException e) {
            throw new KconfigException("cannot build the tree's own conf: " + e);
        }
        List<String> command = new ArrayList<>(List.of("make", "-s", "-C", srctree.toString(), "O=" + dir,
                "ARCH=" + environment.arch()));
        if (!environment.crossCompile().isEmpty()) {
            command.add("CROSS_COMPILE=" + environment.crossCompile());
        }
        command.add(hasBuildConfig ? "build_config" : "allnoconfig");
        Run made = run(command, dir, makeEnvironment(), BUILD_MINUTES);
        if (made.exit() != 0 || !Files.isExecutable(dir.resolve("scripts/kconfig/conf"))) {
            throw new KconfigException("cannot build the tree's own conf (" + String.join(" ", command) + "):\n"
                    + made.output().strip());
        }
    }

    /** make's own environment: the caller's, without what would override the command line. */
    private static Map<String, String> makeEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(name -> name.startsWith("KCONFIG_") || name.startsWith("KBUILD_")
                || List.of("ARCH", "CROSS_COMPILE", "MAKEFLAGS", "MFLAGS", "MAKELEVEL").contains(name));
        return env;
    }

    /** Runs one mode in workDir (which holds the starting .config, if any) and returns its exit status and output. */
    public Run run(ConfMode mode, String file, Path workDir, Map<String, String> extraEnvironment) {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(options(mode, file));
        command.add(environment.kconfigFile());
        Map<String, String> env = new HashMap<>(environment.variables());
        env.put("KCONFIG_CONFIG", ".config");
        env.putAll(extraEnvironment);
        return run(command, workDir, env, RUN_MINUTES);
    }

    /** conf's command line for a mode: long options, or before 2.6.36 the short ones its Makefile used. */
    private List<String> options(ConfMode mode, String file) {
        List<String> options = new ArrayList<>();
        if (environment.dialect().has(KconfigChange.CONF_LONG_OPTIONS)) {
            options.add("--" + mode.option());
            if (file != null) {
                options.add(file);
            }
            return options;
        }
        switch (mode) {
            case OLDCONFIG: options.add("-o"); break;
            case SYNCCONFIG: options.add("-s"); break;
            case ALLNOCONFIG: options.add("-n"); break;
            case ALLYESCONFIG: options.add("-y"); break;
            case ALLMODCONFIG: options.add("-m"); break;
            case RANDCONFIG: options.add("-r"); break;
            case DEFCONFIG:
                options.addAll(file == null ? List.of("-d") : List.of("-D", file));
                break;
            case OLDASKCONFIG: break;
            default: throw new KconfigException("Linux " + environment.kernelVersion() + "'s conf has no "
                    + mode.option() + ", so kforge cannot check it against the tree's own conf");
        }
        return options;
    }

    /** What one command did: its exit status and its stdout and stderr together. */
    public record Run(int exit, String output) {
    }

    private static Run run(List<String> command, Path dir, Map<String, String> env, long minutes) {
        try {
            Path log = Files.createTempFile("kforge-tree-conf", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
                builder.environment().clear();
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new KconfigException(String.join(" ", command) + ": did not finish in " + minutes + " min");
                }
                return new Run(process.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new KconfigException(command.get(0) + ": cannot run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KconfigException(command.get(0) + ": interrupted");
        }
    }
}
