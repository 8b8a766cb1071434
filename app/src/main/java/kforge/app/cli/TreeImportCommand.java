package kforge.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

import kforge.runner.git.ImportedTree;
import kforge.runner.git.KernelTrees;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** kforge tree import TARBALL DIR: a kernel source tarball as a git tree, its one commit tagged v&lt;version&gt;. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Make a git tree from a kernel source tarball (.tar.xz, .tar.gz,"
        + " .tar.bz2, .tar; e.g. /usr/src/linux-source-6.1.tar.xz): its top directory stripped, one commit tagged"
        + " v<version> from the Makefile. Progress on stderr; Ctrl-C cancels and removes DIR.")
final class TreeImportCommand implements Callable<Integer> {
    /** What a shell reports for a program ended by SIGINT, so scripts see a cancel as one. */
    static final int CANCELLED = 130;

    @Parameters(index = "0", paramLabel = "TARBALL", description = "The kernel source tarball.")
    Path tarball;

    @Parameters(index = "1", paramLabel = "DIR", description = "The new tree; must not exist or be empty.")
    Path directory;

    @Option(names = {"-b", "--branch"}, paramLabel = "NAME", description = "The branch to commit on (default: master).")
    String branch = "master";

    @Override
    public Integer call() {
        TreeProgress progress = new TreeProgress(System.err);
        long start = System.nanoTime();
        try {
            ImportedTree imported = progress.cancellableByInterrupt(() -> KernelTrees.importTarball(tarball)
                    .setDirectory(directory).setBranch(branch).setProgress(progress).call());
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            System.out.println("Imported " + tarball.getFileName() + " into " + directory + " in " + seconds
                    + " s: Linux " + imported.kernelVersion() + ", " + imported.files() + " files, branch "
                    + imported.branch() + " at " + imported.shortId() + ", tagged " + imported.tag());
            return 0;
        } catch (CancellationException e) {
            System.err.println("kforge: " + e.getMessage());
            return CANCELLED;
        }
    }
}
