package kforge.app.cli;

import java.util.concurrent.Callable;

import kforge.app.gui.model.DiffConfig;
import kforge.runner.git.ConfigPlace;
import kforge.runner.git.KernelTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * kforge config diff REV1 REV2: how a board's saved defconfig changed between two commits, in the lines of
 * the kernel's scripts/diffconfig (-removed, " changed old -> new", +added).
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare a board's saved defconfig at two commits (from kforge config log,"
        + " or any branch, tag or revision), printed as scripts/diffconfig does. With a configs branch, write"
        + " --branch=NAME (or --branch after the revisions), so the branch is not taken for REV1.")
final class ConfigCommitDiffCommand implements Callable<Integer> {
    @Mixin
    ConfigCommitOptions where = new ConfigCommitOptions();

    @Parameters(index = "0", paramLabel = "REV1", description = "The older revision.")
    String older;

    @Parameters(index = "1", paramLabel = "REV2", description = "The newer revision.")
    String newer;

    @Override
    public Integer call() {
        ConfigPlace place = where.place();
        try (KernelTree tree = where.open()) {
            String before = tree.configAt(place, older);
            String after = tree.configAt(place, newer);
            for (DiffConfig.Row row : DiffConfig.compare(before, after)) {
                System.out.println(row.diffconfigLine());
            }
            return 0;
        }
    }
}
