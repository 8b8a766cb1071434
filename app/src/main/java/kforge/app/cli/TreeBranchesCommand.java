package kforge.app.cli;

import java.util.concurrent.Callable;

import kforge.runner.git.KernelTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** kforge tree branches: local then remote-tracking branches, the checked-out one marked. */
@Command(name = "branches", mixinStandardHelpOptions = true,
        description = "List the branches (local, then remote-tracking); * marks the"
        + " checked-out one.")
final class TreeBranchesCommand implements Callable<Integer> {
    @Mixin
    TreeDirectoryOption where = new TreeDirectoryOption();

    @Override
    public Integer call() {
        try (KernelTree tree = where.open()) {
            TreeRefsTable.print(tree.branches(), System.out);
            return 0;
        }
    }
}
