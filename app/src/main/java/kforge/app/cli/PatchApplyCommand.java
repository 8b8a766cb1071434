package kforge.app.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import kforge.runner.patch.ApplyOutcome;
import kforge.runner.patch.ApplyPatchCommand;
import kforge.runner.patch.PatchSeries;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * kforge patch apply: the next patch, all of them, or up to one (quilt push, push -a, push NAME). Each patch
 * is reported as it goes on, so when one fails the ones before it have been named.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply the next patch of the series, --all of them, or those up to NAME."
        + " A patch that does not apply changes nothing; the series stops there.")
public final class PatchApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PatchTreeOptions options = new PatchTreeOptions();

    @Option(names = {"-a", "--all"}, description = "Apply every patch not applied yet.")
    boolean all;

    @Option(names = "--commit", description = "In a git tree, commit plain diffs too (mails and kernel.org"
            + " release patches are always committed).")
    boolean commit;

    @Option(names = "--abort", description = "Take back an apply or unapply that was interrupted (kforge killed,"
            + " the machine down): the tree, the index, HEAD and the applied list as they were before it.")
    boolean abort;

    @Option(names = "--continue", description = "Finish an apply or unapply that was interrupted, from its"
            + " journal, then go on with --all or NAME if given.")
    boolean resume;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Apply the patches up to and including NAME.")
    String name;

    @Override
    public Integer call() {
        if (all && name != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --all or NAME, not both");
        }
        if (abort && (resume || all || name != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--abort takes no other option or NAME");
        }
        PatchSeries series = options.open();
        if (abort || resume) {
            Optional<String> interrupted = series.recover().setAbort(abort).call();
            if (interrupted.isEmpty()) {
                System.out.println("Nothing to " + (abort ? "abort" : "continue") + ": no patch operation was"
                        + " interrupted in " + series.tree());
            } else {
                System.out.println((abort ? "Took back " : "Finished ") + interrupted.get());
            }
            if (abort || (!all && name == null)) {
                return 0;
            }
        }
        ApplyPatchCommand apply = series.apply().setAll(all).setCommit(commit).setListener(PatchApplyCommand::print);
        if (name != null) {
            apply.setUpTo(name);
        }
        List<ApplyOutcome> applied = apply.call();
        if (applied.isEmpty()) {
            System.out.println(series.entries().isEmpty() ? "No patches in " + series.seriesFile()
                    : "Nothing to apply: every patch in " + series.seriesFile() + " is applied");
        }
        return 0;
    }

    private static void print(ApplyOutcome outcome) {
        System.out.println("Applied " + outcome.patch().name() + " (" + outcome.patch().describe() + ")");
        outcome.notes().forEach(note -> System.out.println("  " + note));
    }
}
