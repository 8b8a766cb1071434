package kforge.kconfig.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The kernel's own configuration tools, run through its own make on the {@link ReferenceTree}: the answers
 * kforge must reproduce byte for byte.
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
        Path out = prepared(arch, crossCompileOrNull, KforgeCache.safeName(target), List.of(target));
        return out.resolve(".config");
    }

    /** The defconfig file that {@code make savedefconfig} writes after {@code make startTarget}. */
    public static Path savedefconfig(String arch, String crossCompileOrNull, String startTarget) {
        Path out = prepared(arch, crossCompileOrNull, KforgeCache.safeName(startTarget) + "+savedefconfig",
                List.of(startTarget, "savedefconfig"));
        return out.resolve("defconfig");
    }

    /** The kernel's scripts/kconfig/conf, built by {@code make build_config} in an O= directory of its own. */
    public static Path confBinary(String arch, String crossCompileOrNull) {
        return confDirectory(arch, crossCompileOrNull).resolve("scripts/kconfig/conf");
    }

    private static Path confDirectory(String arch, String cross) {
        Path out = archDirectory(arch, cross).resolve(CONF_DIRECTORY);
        return cached(out, arch, cross, List.of("build_config"), false);
    }

    private static Path prepared(String arch, String cross, String name, List<String> targets) {
        return cached(archDirectory(arch, cross).resolve(name), arch, cross, targets, true);
    }

    private static Path archDirectory(String arch, String cross) {
        String tree = ReferenceTree.get().getFileName().toString();
        String toolchain = cross == null ? "host" : KforgeCache.safeName(cross);
        return KforgeCache.root().resolve("oracle").resolve(tree).resolve(KforgeCache.safeName(arch) + "-" + toolchain);
    }

    private static Path cached(Path out, String arch, String cross, List<String> targets, boolean seedWithConf) {
        String stamp = stampOf(arch, cross, targets);
        if (isDone(out, stamp)) {
            return out;
        }
        return CacheLock.holding(out.resolveSibling(out.getFileName() + ".lock"), () -> {
            // Another JVM may have produced it while this one waited for the lock.
            if (!isDone(out, stamp)) {
                deleteMarker(out);
                produce(out, arch, cross, targets, seedWithConf);
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
    private static void produce(Path out, String arch, String cross, List<String> targets, boolean seedWithConf) {
        CacheFiles.removeTree(out);
        if (seedWithConf) {
            seed(out, confDirectory(arch, cross));
        }
        for (String target : targets) {
            CommandRun.run(makeCommand(out, arch, cross, target), makeEnvironment(), MAKE_TIMEOUT).requireSuccess();
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

    private static List<String> makeCommand(Path out, String arch, String cross, String target) {
        List<String> command = new ArrayList<>(List.of("make", "-s", "-C", ReferenceTree.get().toString(),
                "O=" + out, "ARCH=" + arch));
        if (cross != null) {
            command.add("CROSS_COMPILE=" + cross);
        }
        command.add(target);
        return command;
    }

    /** The environment make runs with: the process's, without variables that would override the targets. */
    public static Map<String, String> makeEnvironment() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> SCRUBBED_VARIABLES.contains(name)
                || SCRUBBED_PREFIXES.stream().anyMatch(name::startsWith));
        return environment;
    }

    private static String stampOf(String arch, String cross, List<String> targets) {
        return ReferenceTree.identity()
                + "make=" + String.join(" ", makeCommand(Path.of("O"), arch, cross, String.join(" ", targets))) + "\n"
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
