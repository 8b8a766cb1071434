package kforge.app.cli;

import java.util.concurrent.Callable;

import kforge.runner.git.KernelTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** kforge tree tags: every tag with the commit it names. */
@Command(name = "tags", mixinStandardHelpOptions = true,
        description = "List the tags with their commits.")
final class TreeTagsCommand implements Callable<Integer> {
    @Mixin
    TreeDirectoryOption where = new TreeDirectoryOption();

    @Override
    public Integer call() {
        try (KernelTree tree = where.open()) {
            TreeRefsTable.print(tree.tags(), System.out);
            return 0;
        }
    }
}
