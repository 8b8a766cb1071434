package kforge.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

import kforge.runner.git.KernelTree;
import kforge.runner.git.KernelTrees;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** kforge tree clone URL DIR: a kernel repository cloned without needing the git program. */
@Command(name = "clone", mixinStandardHelpOptions = true,
        description = "Clone a kernel repository (a URL or a local path) into a new directory;"
        + " progress on stderr, Ctrl-C cancels and removes the directory.")
final class TreeCloneCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "URL", description = "https://, ssh://, git://, file:// or a local path.")
    String source;

    @Parameters(index = "1", paramLabel = "DIR", description = "The new tree; must not exist or be empty.")
    Path directory;

    @Option(names = {"-b", "--branch"}, paramLabel = "NAME", description = "Check out this branch or tag instead of"
            + " the remote's default branch.")
    String branch;

    @Option(names = "--depth", paramLabel = "N", description = "Fetch only the last N commits (a kernel's whole"
            + " history is several GB).")
    int depth;

    @Override
    public Integer call() {
        TreeProgress progress = new TreeProgress(System.err);
        try (KernelTree tree = progress.cancellableByInterrupt(() -> KernelTrees.cloneFrom(source)
                .setDirectory(directory).setBranch(branch).setDepth(depth).setProgress(progress).call())) {
            System.out.println("Cloned " + source + " into " + directory + ": " + tree.head().describe());
            return 0;
        } catch (CancellationException e) {
            System.err.println("kforge: " + e.getMessage());
            return TreeImportCommand.CANCELLED;
        }
    }
}
