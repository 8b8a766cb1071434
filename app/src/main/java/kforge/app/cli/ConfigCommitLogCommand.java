package kforge.app.cli;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import kforge.runner.git.ConfigPlace;
import kforge.runner.git.ConfigRevision;
import kforge.runner.git.KernelTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** kforge config log: the commits that saved a board's defconfig, one line each, to pick two for diff. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "List the commits that saved a board's defconfig, newest first: commit,"
        + " date, author, message. Give two commits to kforge config diff.")
final class ConfigCommitLogCommand implements Callable<Integer> {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xx");

    @Mixin
    ConfigCommitOptions where = new ConfigCommitOptions();

    @Override
    public Integer call() {
        ConfigPlace place = where.place();
        try (KernelTree tree = where.open()) {
            List<ConfigRevision> history = tree.configHistory().setPlace(place).call();
            if (history.isEmpty()) {
                System.err.println("No commit in " + tree.directory() + " has " + place.describe() + " yet.");
            }
            for (ConfigRevision revision : history) {
                System.out.println(revision.shortId() + "  " + DATE.format(revision.time()) + "  " + revision.author()
                        + "  " + revision.subject());
            }
            return 0;
        }
    }
}
