package kforge.app.cli;

import java.util.List;
import java.util.concurrent.Callable;

import kforge.runner.git.KernelTree;
import kforge.runner.git.WorkTreeStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** kforge tree status: the files changed against the checked-out commit, one per line with how. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "List the files changed against the checked-out commit: modified,"
        + " added, removed, conflict, untracked.")
final class TreeStatusCommand implements Callable<Integer> {
    @Mixin
    TreeDirectoryOption where = new TreeDirectoryOption();

    @Override
    public Integer call() {
        try (KernelTree tree = where.open()) {
            System.out.println("On " + tree.head().describe());
            WorkTreeStatus status = tree.status();
            print("modified", status.modified());
            print("added", status.added());
            print("removed", status.removed());
            print("conflict", status.conflicting());
            print("untracked", status.untracked());
            if (status.isClean()) {
                System.out.println("No changes.");
            }
            return 0;
        }
    }

    private static void print(String how, List<String> paths) {
        for (String path : paths) {
            System.out.printf("%-10s %s%n", how + ":", path);
        }
    }
}
