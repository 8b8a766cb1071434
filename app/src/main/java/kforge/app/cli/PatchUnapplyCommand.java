package kforge.app.cli;

import java.util.concurrent.Callable;

import kforge.runner.patch.ApplyOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** kforge patch unapply: quilt pop, for the top patch only, so the stack always stays consistent. */
@Command(name = "unapply", mixinStandardHelpOptions = true,
        description = "Take the top applied patch off (a commit only while it is HEAD and its"
        + " files are unchanged).")
public final class PatchUnapplyCommand implements Callable<Integer> {
    @Mixin
    PatchTreeOptions options = new PatchTreeOptions();

    @Override
    public Integer call() {
        ApplyOutcome outcome = options.open().unapply().call();
        System.out.println("Unapplied " + outcome.patch().name() + " (was " + outcome.patch().describe() + ")");
        outcome.notes().forEach(note -> System.out.println("  " + note));
        return 0;
    }
}
