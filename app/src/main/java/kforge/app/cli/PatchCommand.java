package kforge.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * kforge patch: a quilt-style series of patches in the tree, applied without patch or git programs. Plain
 * diffs go to the work tree; git format-patch mails and kernel.org release patches become commits in a git
 * tree.
 */
@Command(name = "patch", mixinStandardHelpOptions = true,
        description = "Keep a series of patches (quilt's patches/series) and apply or unapply"
        + " them, each atomically.",
        subcommands = {PatchAddCommand.class, PatchApplyCommand.class, PatchUnapplyCommand.class,
            PatchListCommand.class})
public final class PatchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: add, apply, unapply or list");
    }
}
