package kforge.app.cli;

import java.nio.file.Path;

import kforge.runner.git.KernelTree;
import kforge.runner.git.KernelTrees;
import picocli.CommandLine.Option;

/** --tree DIR for the commands that work in an existing tree; like git, the current directory by default. */
final class TreeDirectoryOption {
    @Option(names = "--tree", paramLabel = "DIR", description = "The kernel tree in git (default: the current"
            + " directory, which must be the tree's top).")
    Path tree = Path.of(".");

    KernelTree open() {
        return KernelTrees.open(tree.toAbsolutePath().normalize());
    }
}
