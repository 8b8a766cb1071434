package kforge.kconfig.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The kernel's own configuration tools, run through each reference tree's own make ({@link ReferenceKernel};
 * the methods without one use Linux 6.1): the answers kforge must reproduce byte for byte.
 *
 * <p>Every result lives in its own O= directory under ${KFORGE_CACHE:-$HOME/.cache/kforge}/oracle, keyed by
 * tree, ARCH, CROSS_COMPILE and target, and is reused while a marker beside it still matches the tree,
 * the make arguments and the compiler (whose version text ends up in .config).
 * Callers must treat the returned files as read-only.
 */
public final class Oracle {
    private static final Duration MAKE_TIMEOUT = Duration.ofMinutes(20);
    private static final String CONF_DIRECTORY = "_conf";

    /** Variables that would make the kernel's make behave differently from the arguments given here. */
    private static final List<String> SCRUBBED_VARIABLES = List.of("ARCH", "CROSS_COMPILE", "SUBARCH", "LLVM",
            "cross_compiling", "CONFIG_", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "GNUMAKEFLAGS");
    private static final List<String> SCRUBBED_PREFIXES = List.of("KCONFIG_", "KBUILD_");

    private static final ConcurrentMap<String, String> COMPILER_VERSIONS = new ConcurrentHashMap<>();

    private Oracle() {
    }

    /** The .config that {@code make ARCH=arch [CROSS_COMPILE=cross] target} writes, e.g. target s3c2410_defconfig. */
    public static Path config(String arch, String crossCompileOrNull, String target) {
        return config(ReferenceKernel.LINUX_6_1, arch, crossCompileOrNull, target);
    }

    /** The .config that {@code make ARCH=arch [CROSS_COMPILE=cross] targets...} writes on a reference tree. */
    public static Path config(ReferenceKernel kernel, String arch, String crossCompileOrNull, String... targets) {
        List<String> list = List.of(targets);
        Path out = prepared(kernel, arch, crossCompileOrNull, KforgeCache.safeName(String.join("+", list)), list);
        return out.resolve(".config");
    }

    /**
     * The O= directory after {@code make targets...} run over a copy of {@code startingConfig} as .config
     * (olddefconfig of a distribution's config, say): .config and whatever the targets wrote beside it.
     */
    public static Path fromConfig(ReferenceKernel kernel, String arch, String crossCompileOrNull, Path startingConfig,
                                  String... targets) {
        List<String> list = List.of(targets);
        String name = "from-" + KforgeCache.safeName(startingConfig.getFileName().toString()) + "+"
                + KforgeCache.safeName(String.join("+", list));
        Path out = archDirectory(kernel, arch, crossCompileOrNull).resolve(name);
        return cached(kernel, out, arch, crossCompileOrNull, list, startingConfig);
    }

    /**
     * As {@link #fromConfig}, with every question the targets ask answered by Enter, as {@code yes '' | make
     * oldconfig} does (stdin is a long run of empty lines).
     */
    public static Path fromConfigAnsweringEnter(ReferenceKernel kernel, String arch, String crossCompileOrNull,
                                                Path startingConfig, String... targets) {
        List<String> list = List.of(targets);
        String name = "enter-" + KforgeCache.safeName(startingConfig.getFileName().toString()) + "+"
                + KforgeCache.safeName(String.join("+", list));
        Path out = archDirectory(kernel, arch, crossCompileOrNull).resolve(name);
        return cached(kernel, out, arch, crossCompileOrNull, list, true, startingConfig, true);
    }

    /**
     * The .config that {@code make ARCH=arch [CROSS_COMPILE=cross] KCONFIG_ALLCONFIG=fragment target} writes
     * into out, a directory of the test's own (fragments are the tests', so nothing is cached).
     */
    public static String configWithAllconfig(ReferenceKernel kernel, String arch, String crossCompileOrNull,
                                             String target, Path fragment, Path out) {
        return configIn(kernel, arch, crossCompileOrNull, target, out, null,
                "KCONFIG_ALLCONFIG=" + fragment.toAbsolutePath());
    }

    /**
     * The .config that {@code make ARCH=arch [CROSS_COMPILE=cross] olddefconfig} writes over the given text as
     * .config, in out, a directory of the test's own (a fix's result, say; nothing is cached). On a tree
     * without build_config, out starts as a copy of {@code builtObjtree}, an O= directory whose conf make has
     * built already (an earlier result's), so make does not build conf again: as in an O= directory in use.
     */
    public static String olddefconfigOf(ReferenceKernel kernel, String arch, String crossCompileOrNull,
                                         String config, Path out, Path builtObjtree) {
        if (!hasBuildConfig(kernel)) {
            seed(out, builtObjtree);
        }
        return configIn(kernel, arch, crossCompileOrNull, "olddefconfig", out, config);
    }

    private static String configIn(ReferenceKernel kernel, String arch, String cross, String target, Path out,
                                   String startingConfig, String... variables) {
        if (hasBuildConfig(kernel)) {
            seed(out, confDirectory(kernel, arch, cross));
        } else {
            createDirectories(out);
        }
        try {
            if (startingConfig != null) {
                Files.writeString(out.resolve(".config"), startingConfig, StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = makeCommand(kernel.tree(), out, arch, cross, target);
        for (String variable : variables) {
            command.add(command.size() - 1, variable);
        }
        CommandRun.run(command, makeEnvironment(), MAKE_TIMEOUT, Path.of("/dev/null")).requireSuccess();
        try {
            return Files.readString(out.resolve(".config"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The defconfig file that {@code make savedefconfig} writes after {@code make startTarget}. */
    public static Path savedefconfig(String arch, String crossCompileOrNull, String startTarget) {
        return savedefconfig(ReferenceKernel.LINUX_6_1, arch, crossCompileOrNull, startTarget);
    }

    /** The defconfig file that {@code make savedefconfig} writes after {@code make startTarget} on a reference tree. */
    public static Path savedefconfig(ReferenceKernel kernel, String arch, String crossCompileOrNull, String startTarget) {
        Path out = prepared(kernel, arch, crossCompileOrNull, KforgeCache.safeName(startTarget) + "+savedefconfig",
                List.of(startTarget, "savedefconfig"));
        return out.resolve("defconfig");
    }

    /**
     * The kernel's scripts/kconfig/conf, built by {@code make build_config} in an O= directory of its own
     * (by {@code make allnoconfig} on trees older than build_config, 2.6.32 say).
     */
    public static Path confBinary(String arch, String crossCompileOrNull) {
        return confBinary(ReferenceKernel.LINUX_6_1, arch, crossCompileOrNull);
    }

    /** A reference tree's own scripts/kconfig/conf. */
    public static Path confBinary(ReferenceKernel kernel, String arch, String crossCompileOrNull) {
        return confDirectory(kernel, arch, crossCompileOrNull).resolve("scripts/kconfig/conf");
    }

    private static Path confDirectory(ReferenceKernel kernel, String arch, String cross) {
        Path out = archDirectory(kernel, arch, cross).resolve(CONF_DIRECTORY);
        List<String> targets = hasBuildConfig(kernel) ? List.of("build_config") : List.of("allnoconfig");
        return cached(kernel, out, arch, cross, targets, false);
    }

    /** Whether the tree's kconfig Makefile has a target that only builds conf (since 4.x). */
    private static boolean hasBuildConfig(ReferenceKernel kernel) {
        return CacheFiles.readOrEmpty(kernel.tree().resolve("scripts/kconfig/Makefile")).contains("build_config:");
    }

    private static Path prepared(ReferenceKernel kernel, String arch, String cross, String name, List<String> targets) {
        return cached(kernel, archDirectory(kernel, arch, cross).resolve(name), arch, cross, targets, true);
    }

    private static Path archDirectory(ReferenceKernel kernel, String arch, String cross) {
        String tree = kernel.tree().getFileName().toString();
        String toolchain = cross == null ? "host" : KforgeCache.safeName(cross);
        return KforgeCache.root().resolve("oracle").resolve(tree).resolve(KforgeCache.safeName(arch) + "-" + toolchain);
    }

    private static Path cached(ReferenceKernel kernel, Path out, String arch, String cross, List<String> targets,
                               boolean seedWithConf) {
        return cached(kernel, out, arch, cross, targets, seedWithConf, null, false);
    }

    private static Path cached(ReferenceKernel kernel, Path out, String arch, String cross, List<String> targets,
                               Path startingConfig) {
        return cached(kernel, out, arch, cross, targets, true, startingConfig, false);
    }

    private static Path cached(ReferenceKernel kernel, Path out, String arch, String cross, List<String> targets,
                               boolean seedWithConf, Path startingConfig, boolean answerEnter) {
        String stamp = stampOf(kernel, arch, cross, targets)
                + (startingConfig == null ? "" : "config=" + CacheFiles.sha256(startingConfig) + "\n")
                + (answerEnter ? "stdin=yes ''\n" : "");
        if (isDone(out, stamp)) {
            return out;
        }
        return CacheLock.holding(out.resolveSibling(out.getFileName() + ".lock"), () -> {
            // Another JVM may have produced it while this one waited for the lock.
            if (!isDone(out, stamp)) {
                deleteMarker(out);
                produce(kernel, out, arch, cross, targets, seedWithConf, startingConfig, answerEnter);
                writeMarker(out, stamp);
            }
            return out;
        });
    }

    private static boolean isDone(Path out, String stamp) {
        return Files.isDirectory(out) && stamp.equals(CacheFiles.readOrEmpty(markerOf(out)));
    }

    /**
     * Each result gets a fresh O= directory so no earlier .config leaks into it; copying in an already built
     * conf saves the few seconds make would spend compiling it again (its dependency files hold only
     * objtree-relative and absolute srctree paths, so the copy is up to date).
     */
    private static void produce(ReferenceKernel kernel, Path out, String arch, String cross, List<String> targets,
                                boolean seedWithConf, Path startingConfig, boolean answerEnter) {
        CacheFiles.removeTree(out);
        if (seedWithConf && hasBuildConfig(kernel)) {
            seed(out, confDirectory(kernel, arch, cross));
        } else {
            // Without build_config a seed would bring along the .config its make wrote; make builds conf itself.
            createDirectories(out);
        }
        if (startingConfig != null) {
            try {
                Files.copy(startingConfig, out.resolve(".config"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path stdin = answerEnter ? enterAnswers(out) : Path.of("/dev/null");
        for (String target : targets) {
            CommandRun.run(makeCommand(kernel.tree(), out, arch, cross, target), makeEnvironment(), MAKE_TIMEOUT,
                    stdin).requireSuccess();
        }
        if (answerEnter) {
            try {
                Files.delete(stdin);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What {@code yes ''} feeds: more empty lines than any tree asks questions. */
    private static Path enterAnswers(Path out) {
        Path file = out.resolveSibling(out.getFileName() + ".stdin");
        try {
            Files.writeString(file, "\n".repeat(200_000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void seed(Path out, Path confDirectory) {
        CacheLock.holding(confDirectory.resolveSibling(confDirectory.getFileName() + ".lock"), () -> {
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            CommandRun.run(List.of("cp", "-a", "--", confDirectory + "/.", out.toString()), System.getenv(),
                    MAKE_TIMEOUT).requireSuccess();
            return out;
        });
    }

    private static List<String> makeCommand(Path tree, Path out, String arch, String cross, String target) {
        List<String> command = new ArrayList<>(List.of("make", "-s", "-C", tree.toString(),
                "O=" + out, "ARCH=" + arch));
        if (cross != null) {
            command.add("CROSS_COMPILE=" + cross);
        }
        command.add(target);
        return command;
    }

    /**
     * The environment make runs with: the process's, without variables that would override the targets, and
     * with KCONFIG_NOTIMESTAMP=1 so that conf before 3.x leaves the date out of .config (later ones ignore it).
     */
    public static Map<String, String> makeEnvironment() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> SCRUBBED_VARIABLES.contains(name)
                || SCRUBBED_PREFIXES.stream().anyMatch(name::startsWith));
        environment.put("KCONFIG_NOTIMESTAMP", "1");
        return environment;
    }

    private static String stampOf(ReferenceKernel kernel, String arch, String cross, List<String> targets) {
        Path tree = kernel.tree();
        return ReferenceTree.identity(tree)
                + "make=" + String.join(" ", makeCommand(tree, Path.of("O"), arch, cross, String.join(" ", targets)))
                + "\n"
                + "cc=" + compilerVersion(cross) + "\n";
    }

    /** The first line of the compiler's --version, which .config records as CONFIG_CC_VERSION_TEXT. */
    private static String compilerVersion(String cross) {
        String cc = (cross == null ? "" : cross) + "gcc";
        return COMPILER_VERSIONS.computeIfAbsent(cc, Oracle::firstVersionLine);
    }

    private static String firstVersionLine(String cc) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("LC_ALL", "C");
        try {
            String output = CommandRun.run(List.of(cc, "--version"), environment, Duration.ofMinutes(1))
                    .requireSuccess().stdout();
            return output.lines().findFirst().orElse("");
        } catch (UncheckedIOException e) {
            return fail("cannot run the compiler '" + cc + "' (" + e.getCause().getMessage()
                    + "); run scripts/install-deps");
        }
    }

    /** Beside the O= directory rather than in it, so removing a stale directory takes no marker along. */
    private static Path markerOf(Path out) {
        return out.resolveSibling(out.getFileName() + ".done");
    }

    private static void writeMarker(Path out, String stamp) {
        try {
            CacheFiles.writeAtomically(markerOf(out), stamp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteMarker(Path out) {
        try {
            Files.deleteIfExists(markerOf(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
