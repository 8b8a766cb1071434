package kforge.app.cli;

import java.util.List;
import java.util.concurrent.Callable;

import kforge.runner.patch.PatchSeries;
import kforge.runner.patch.PatchStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * kforge patch list: the series with each patch's state, checked now against the tree, so a file edited by
 * hand since its patch went on shows as "changed" with the hunk that no longer matches.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the series: applied, changed since applied (it would no longer"
        + " unapply cleanly), or unapplied.")
public final class PatchListCommand implements Callable<Integer> {
    @Mixin
    PatchTreeOptions options = new PatchTreeOptions();

    @Override
    public Integer call() {
        PatchSeries series = options.open();
        series.interruptedOperation().ifPresent(what -> System.out.println("Interrupted: " + what
                + "; finish it with 'kforge patch apply --continue' or take it back with --abort"));
        List<PatchStatus> statuses = series.status().call();
        if (statuses.isEmpty()) {
            System.out.println("No patches in " + series.seriesFile());
            return 0;
        }
        int width = statuses.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (PatchStatus status : statuses) {
            StringBuilder line = new StringBuilder(
                    String.format("%-9s  %-" + width + "s", label(status), status.name()));
            if (status.applied() != null) {
                line.append("  (").append(status.applied().describe()).append(')');
            }
            if (!status.inSeries()) {
                line.append("  not in the series file");
            }
            if (!status.detail().isEmpty()) {
                line.append("\n           ").append(status.detail());
            }
            System.out.println(line.toString().stripTrailing());
        }
        return 0;
    }

    private static String label(PatchStatus status) {
        return switch (status.state()) {
            case APPLIED -> "applied";
            case CHANGED -> "changed";
            case UNAPPLIED -> "unapplied";
        };
    }
}
