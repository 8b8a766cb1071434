package kforge.runner.tree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import kforge.kconfig.cache.CacheRoot;
import kforge.kconfig.diag.KconfigException;
import kforge.runner.process.HelperCommand;

/**
 * A kernel source tarball as Debian's linux-source packages install it ({@code /usr/src/linux-source-6.1.tar.xz}),
 * and the tree it extracts to: {@code <cache root>/trees/linux-source-6.1}.
 *
 * <p>The layout, the scratch and lock names and the completion marker are those of the test fixture
 * {@code kforge.kconfig.testing.ReferenceTree}, so a tree the tests extracted counts as extracted here and
 * the other way round. Keep the two in step.
 *
 * <p>An extracted tree must stay pristine: build in it only with O=, or later O= builds refuse to run.
 */
public final class KernelSourceArchive {
    private static final Path INSTALLED_DIRECTORY = Path.of("/usr/src");
    private static final Pattern FILE_NAME = Pattern.compile("(linux-source-(.+?))\\.tar(?:\\.xz|\\.gz|\\.bz2)?");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");
    private static final Comparator<KernelSourceArchive> BY_VERSION =
            Comparator.<KernelSourceArchive, String>comparing(archive -> archive.version, KernelSourceArchive::compareVersions)
                    .thenComparing(archive -> archive.tarball.getFileName().toString());

    private final Path tarball;
    private final String name;
    private final String version;
    private final String tarProgram;

    KernelSourceArchive(Path tarball, String tarProgram) {
        Matcher matcher = FILE_NAME.matcher(tarball.getFileName().toString());
        if (!matcher.matches()) {
            throw new KconfigException(tarball + " is not a kernel source tarball: its name should look like "
                    + "linux-source-<version>.tar.xz (or .tar.gz, .tar.bz2, .tar)");
        }
        this.tarball = tarball;
        this.name = matcher.group(1);
        this.version = matcher.group(2);
        this.tarProgram = tarProgram;
    }

    /** A tarball the user picked; its name must follow Debian's linux-source-&lt;version&gt;.tar.* pattern. */
    public static KernelSourceArchive of(Path tarball) {
        return new KernelSourceArchive(tarball, "tar");
    }

    /** The tarballs the installed linux-source packages put into /usr/src, oldest version first. */
    public static List<KernelSourceArchive> findInstalled() {
        return find(INSTALLED_DIRECTORY);
    }

    /** Every linux-source-*.tar{,.xz,.gz,.bz2} file in directory, oldest version first; none if it does not exist. */
    public static List<KernelSourceArchive> find(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<KernelSourceArchive> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "linux-source-*.tar*")) {
            for (Path entry : entries) {
                if (FILE_NAME.matcher(entry.getFileName().toString()).matches() && Files.isRegularFile(entry)) {
                    found.add(of(entry));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        found.sort(BY_VERSION);
        return List.copyOf(found);
    }

    /** Where kforge keeps extracted trees unless told otherwise: $KFORGE_CACHE, else ~/.cache/kforge. */
    public static Path defaultCacheRoot() {
        return CacheRoot.of(System.getenv());
    }

    public Path tarball() {
        return tarball;
    }

    /** The tarball's name without its extension, e.g. "linux-source-6.1"; also the name of its tree. */
    public String name() {
        return name;
    }

    /** Where {@link #extract} puts the tree; it may not exist yet. */
    public Path extractedTree(Path cacheRoot) {
        return cacheRoot.resolve("trees").resolve(name);
    }

    /** Whether this very tarball (same path, size and modification time) was extracted completely. */
    public boolean isExtracted(Path cacheRoot) {
        return isComplete(extractedTree(cacheRoot), stamp());
    }

    /**
     * The extracted tree, extracting it first unless it already is. Another process extracting the same
     * tarball is waited for rather than raced.
     *
     * @param progress told what is happening, one line at a time, on the calling thread
     * @throws KconfigException when tar is missing or fails, or the tarball is not laid out like a kernel source
     * @throws UncheckedIOException when the cache cannot be written
     * @throws CancellationException when the thread is interrupted; the next call cleans up after it
     */
    public Path extract(Path cacheRoot, Consumer<String> progress) {
        Path tree = extractedTree(cacheRoot);
        String stamp = stamp();
        if (isComplete(tree, stamp)) {
            progress.accept(name + " is already extracted in " + tree);
            return tree;
        }
        Runnable onWait = () -> progress.accept("Waiting for another kforge process to finish extracting " + name + " ...");
        return CacheLock.holding(tree.resolveSibling(name + ".lock"), onWait, () -> {
            // The other process may have finished the extraction while this one waited for the lock.
            if (isComplete(tree, stamp)) {
                progress.accept(name + " is already extracted in " + tree);
            } else {
                extractInto(tree, stamp, progress);
            }
            return tree;
        });
    }

    /** Size and modification time identify a tarball well enough: a package upgrade changes both. */
    private String stamp() {
        try {
            return "tarball=" + tarball.toAbsolutePath() + "\n"
                    + "size=" + Files.size(tarball) + "\n"
                    + "mtime=" + Files.getLastModifiedTime(tarball).toMillis() + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tarball + ": " + e.getMessage(), e);
        }
    }

    private static boolean isComplete(Path tree, String stamp) {
        return Files.isDirectory(tree) && stamp.equals(readOrEmpty(markerOf(tree)));
    }

    /** Beside the tree, not in it, so the tree holds exactly what the tarball holds. */
    private static Path markerOf(Path tree) {
        return tree.resolveSibling(tree.getFileName() + ".extracted");
    }

    /**
     * Extracts next to the final place and renames into it, so a tree is never seen half-written:
     * an interrupted run leaves only a scratch directory that the next run removes.
     */
    private void extractInto(Path tree, String stamp, Consumer<String> progress) {
        Path scratch = tree.resolveSibling("." + name + ".partial");
        Path old = tree.resolveSibling("." + name + ".old");
        progress.accept("Extracting " + tarball.getFileName() + " ...");
        try {
            Files.deleteIfExists(markerOf(tree));
            removeTree(scratch);
            removeTree(old);
            Files.createDirectories(scratch);
            Path top = unpackOrClean(scratch);
            if (Files.exists(tree)) {
                Files.move(tree, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(top, tree, StandardCopyOption.ATOMIC_MOVE);
            removeTree(scratch);
            removeTree(old);
            writeAtomically(markerOf(tree), stamp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + tarball + " into " + tree + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("extracting " + tarball + " was interrupted");
        }
        progress.accept("Extracted to " + tree);
    }

    /** The tarball's top directory inside scratch; on a fault of the tarball, scratch is removed again. */
    private Path unpackOrClean(Path scratch) throws IOException, InterruptedException {
        try {
            runTar(scratch);
            return singleTopDirectory(scratch);
        } catch (KconfigException e) {
            removeTree(scratch);
            throw e;
        }
    }

    private void runTar(Path scratch) throws InterruptedException {
        // -x without a compression option lets tar recognise xz, gzip and bzip2 by their contents.
        List<String> command = List.of(tarProgram, "-xf", tarball.toAbsolutePath().toString(),
                "-C", scratch.toString(), "--no-same-owner");
        HelperCommand.Result result;
        try {
            result = HelperCommand.run(command);
        } catch (IOException e) {
            throw fault("cannot run " + tarProgram + " (is it installed?): " + e.getMessage());
        }
        if (!result.succeeded()) {
            throw fault(tarProgram + " exited with status " + result.exitCode() + ":\n" + result.quotedOutput());
        }
    }

    private Path singleTopDirectory(Path scratch) throws IOException {
        List<Path> tops = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(scratch)) {
            entries.forEach(tops::add);
        }
        if (tops.size() != 1 || !Files.isDirectory(tops.get(0))) {
            throw fault("a kernel source tarball holds exactly one top directory, but this one holds "
                    + (tops.isEmpty() ? "nothing" : namesOf(tops)));
        }
        return tops.get(0);
    }

    private static String namesOf(List<Path> paths) {
        return paths.stream().map(path -> path.getFileName().toString()).sorted().collect(Collectors.joining(", "));
    }

    private KconfigException fault(String what) {
        return new KconfigException("cannot extract " + tarball + ": " + what);
    }

    /** rm -rf, which is much faster than walking a kernel tree from Java. */
    private static void removeTree(Path directory) throws IOException, InterruptedException {
        if (!Files.exists(directory)) {
            return;
        }
        HelperCommand.Result result = HelperCommand.run(List.of("rm", "-rf", "--", directory.toString()));
        if (!result.succeeded()) {
            throw new IOException("cannot remove " + directory + ": " + result.quotedOutput());
        }
    }

    /** Readers in other processes see the whole marker or none. */
    private static void writeAtomically(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Numeric parts compare as numbers, so 6.10 comes after 6.9; other parts compare as text. */
    static int compareVersions(String left, String right) {
        String[] leftParts = left.split("[.~+-]");
        String[] rightParts = right.split("[.~+-]");
        for (int i = 0; i < Math.min(leftParts.length, rightParts.length); i++) {
            int order = comparePart(leftParts[i], rightParts[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(leftParts.length, rightParts.length);
    }

    private static int comparePart(String left, String right) {
        if (NUMBER.matcher(left).matches() && NUMBER.matcher(right).matches()) {
            return Long.compare(Long.parseLong(left), Long.parseLong(right));
        }
        return left.compareTo(right);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KernelSourceArchive archive && tarball.equals(archive.tarball);
    }

    @Override
    public int hashCode() {
        return tarball.hashCode();
    }

    @Override
    public String toString() {
        return tarball.toString();
    }
}
