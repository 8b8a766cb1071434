package kforge.kconfig.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Linux source trees the tests compare against ({@link ReferenceKernel}), each extracted once into
 * ${KFORGE_CACHE:-$HOME/.cache/kforge}/trees/&lt;tarball name&gt; and shared by every test and JVM afterwards.
 * {@link #get()} is Debian's linux-source-6.1, the tree most tests use.
 *
 * <p>The tree must stay pristine: run make on it only with O=, or later O= builds refuse to run.
 */
public final class ReferenceTree {
    private static final Path TARBALL_DIRECTORY = Path.of("/usr/src");
    private static final String PREFERRED_TARBALL = "linux-source-6.1.tar.xz";
    private static final String TARBALL_SUFFIX = ".tar.xz";
    private static final Duration EXTRACT_TIMEOUT = Duration.ofMinutes(15);

    private static final java.util.Map<ReferenceKernel, Path> VERIFIED = new java.util.concurrent.ConcurrentHashMap<>();

    private ReferenceTree() {
    }

    /** The extracted 6.1 tree, extracting it first if this tarball has not been extracted completely before. */
    public static Path get() {
        return VERIFIED.computeIfAbsent(ReferenceKernel.LINUX_6_1, kernel -> ensureExtracted(tarball()));
    }

    /** The extracted tree of one reference kernel, extracting it first when needed. */
    public static Path get(ReferenceKernel kernel) {
        if (kernel == ReferenceKernel.LINUX_6_1) {
            return get();
        }
        return VERIFIED.computeIfAbsent(kernel, k -> ensureExtracted(k.tarball()));
    }

    /**
     * What the completion marker says about the extracted tarball; it changes whenever the tree is
     * re-extracted, so caches built from the tree can use it to notice.
     */
    static String identity(Path tree) {
        return CacheFiles.readOrEmpty(markerOf(tree));
    }

    /** The Debian linux-source tarball the tree comes from (KFORGE_KERNEL_TARBALL overrides). */
    public static Path tarball() {
        String override = System.getenv("KFORGE_KERNEL_TARBALL");
        if (override != null && !override.isEmpty()) {
            return requireExisting(Path.of(override));
        }
        Path preferred = TARBALL_DIRECTORY.resolve(PREFERRED_TARBALL);
        if (Files.isRegularFile(preferred)) {
            return preferred;
        }
        List<Path> candidates = linuxSourceTarballs();
        if (candidates.isEmpty()) {
            fail("No kernel source tarball: " + TARBALL_DIRECTORY + "/linux-source-*.tar.xz is missing. "
                    + "Run scripts/install-deps (it installs the Debian package linux-source-6.1).");
        }
        return candidates.get(candidates.size() - 1);
    }

    private static Path requireExisting(Path tarball) {
        if (!Files.isRegularFile(tarball)) {
            fail("KFORGE_KERNEL_TARBALL names " + tarball + ", which does not exist");
        }
        return tarball;
    }

    private static List<Path> linuxSourceTarballs() {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(TARBALL_DIRECTORY)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(TARBALL_DIRECTORY, "linux-source-*.tar.xz")) {
            entries.forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    private static Path ensureExtracted(Path tarball) {
        String name = tarball.getFileName().toString();
        Path tree = KforgeCache.root().resolve("trees").resolve(name.substring(0, name.length() - TARBALL_SUFFIX.length()));
        String stamp = stampOf(tarball);
        if (isComplete(tree, stamp)) {
            return tree;
        }
        return CacheLock.holding(tree.resolveSibling(tree.getFileName() + ".lock"), () -> {
            // Another JVM may have finished the extraction while this one waited for the lock.
            if (!isComplete(tree, stamp)) {
                extract(tarball, tree, stamp);
            }
            return tree;
        });
    }

    /** Size and modification time identify a tarball well enough: a package upgrade changes both. */
    private static String stampOf(Path tarball) {
        try {
            return "tarball=" + tarball.toAbsolutePath() + "\n"
                    + "size=" + Files.size(tarball) + "\n"
                    + "mtime=" + Files.getLastModifiedTime(tarball).toMillis() + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isComplete(Path tree, String stamp) {
        return Files.isDirectory(tree) && stamp.equals(CacheFiles.readOrEmpty(markerOf(tree)));
    }

    /** Beside the tree, not in it, so the tree holds exactly what the tarball holds. */
    private static Path markerOf(Path tree) {
        return tree.resolveSibling(tree.getFileName() + ".extracted");
    }

    /**
     * Extracts next to the final place and renames into it, so a tree is never seen half-written:
     * an interrupted run leaves only a scratch directory that the next run removes.
     */
    private static void extract(Path tarball, Path tree, String stamp) {
        Path scratch = tree.resolveSibling("." + tree.getFileName() + ".partial");
        Path old = tree.resolveSibling("." + tree.getFileName() + ".old");
        try {
            Files.deleteIfExists(markerOf(tree));
            CacheFiles.removeTree(scratch);
            CacheFiles.removeTree(old);
            Files.createDirectories(scratch);
            CommandRun.run(List.of("tar", "-xJf", tarball.toAbsolutePath().toString(), "-C", scratch.toString(),
                            "--no-same-owner"),
                    System.getenv(), EXTRACT_TIMEOUT).requireSuccess();
            Path top = singleTopDirectory(scratch, tarball);
            if (Files.exists(tree)) {
                Files.move(tree, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(top, tree, StandardCopyOption.ATOMIC_MOVE);
            CacheFiles.removeTree(scratch);
            CacheFiles.removeTree(old);
            CacheFiles.writeAtomically(markerOf(tree), stamp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + tarball + " into " + tree, e);
        }
    }

    private static Path singleTopDirectory(Path scratch, Path tarball) throws IOException {
        List<Path> tops = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(scratch, Files::isDirectory)) {
            entries.forEach(tops::add);
        }
        if (tops.size() != 1) {
            fail(tarball + " should hold one top directory, found " + tops);
        }
        return tops.get(0);
    }
}
