package kforge.app.cli;

import picocli.CommandLine.Command;

/**
 * kforge tree: kernel source trees in git, in git's words (clone, checkout, status, branches, tags), plus
 * import for a source tarball. Without a subcommand picocli says one is missing and shows the list.
 */
@Command(name = "tree", mixinStandardHelpOptions = true,
        description = "Kernel trees in git: clone, import a source tarball, check out, status.",
        subcommands = {TreeCloneCommand.class, TreeImportCommand.class, TreeCheckoutCommand.class,
            TreeStatusCommand.class, TreeBranchesCommand.class, TreeTagsCommand.class})
public final class TreeCommand {
}
