package kforge.app.cli;

import java.util.concurrent.Callable;

import kforge.runner.git.KernelTree;
import kforge.runner.git.TreeHead;
import kforge.kconfig.diag.KconfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** kforge tree checkout [-b NEW] NAME: git checkout, but never with uncommitted changes in the way. */
@Command(name = "checkout", mixinStandardHelpOptions = true,
        description = "Switch to a branch, tag or commit, or create a work branch with -b."
        + " Refuses, naming the files, while the tree has uncommitted changes that switching would touch.")
final class TreeCheckoutCommand implements Callable<Integer> {
    @Option(names = "-b", paramLabel = "NEW", description = "Create branch NEW at NAME (default: the checked-out"
            + " commit) and switch to it.")
    String newBranch;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Branch, tag or commit.")
    String name;

    @Mixin
    TreeDirectoryOption where = new TreeDirectoryOption();

    @Override
    public Integer call() {
        if (newBranch == null && name == null) {
            throw new KconfigException("kforge tree checkout: give the branch, tag or commit to check out,"
                    + " or -b NEW to create a branch");
        }
        try (KernelTree tree = where.open()) {
            TreeHead head = newBranch != null
                    ? tree.checkout().setCreateBranch(true).setName(newBranch).setStartPoint(name).call()
                    : tree.checkout().setName(name).call();
            if (head.isDetached()) {
                System.out.println("HEAD is now " + head.describe() + " (" + name + "); to commit on it, create"
                        + " a work branch: kforge tree checkout -b NAME");
            } else {
                System.out.println("On " + head.describe());
            }
            return 0;
        }
    }
}
