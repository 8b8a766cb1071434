package kforge.app.cli;

import java.nio.file.Path;

import kforge.runner.board.BoardProfile;
import kforge.runner.board.BoardProfiles;
import kforge.runner.git.ConfigPlace;
import kforge.runner.git.KernelTree;
import kforge.runner.git.KernelTrees;
import kforge.kconfig.env.ArchNames;
import picocli.CommandLine.Option;

/**
 * Which board's saved defconfig, in which tree and where in it, for kforge config commit, log and diff:
 * arch/$SRCARCH/configs/&lt;board&gt;_defconfig on the checked-out branch, or &lt;board&gt;/defconfig on a
 * configs branch (--branch).
 */
final class ConfigCommitOptions {
    @Option(names = "--board", required = true, paramLabel = "NAME", description = "Board profile: s3c2410, mini2440,"
            + " versatilepb, x86_64-pc, uml, or one in ~/.config/kforge/boards. It gives ARCH and names the file.")
    String board;

    @Option(names = "--tree", required = true, paramLabel = "DIR", description = "Kernel tree in git.")
    Path tree;

    @Option(names = "--arch", paramLabel = "ARCH", description = "Override the profile's ARCH (it picks"
            + " arch/$SRCARCH/configs).")
    String arch;

    @Option(names = "--branch", arity = "0..1", fallbackValue = ConfigPlace.DEFAULT_BRANCH, paramLabel = "NAME",
            description = "Keep the defconfig as <board>/defconfig on this branch (alone: ${FALLBACK-VALUE}),"
                    + " not in the checked-out branch's arch/$SRCARCH/configs; nothing checked out is touched.")
    String branch;

    BoardProfile profile() {
        return BoardProfiles.withUserProfiles(BoardProfiles.userDirectory(System.getenv())).get(board);
    }

    /** ARCH: --arch, else the board profile's. */
    String arch() {
        return arch != null ? arch : profile().arch();
    }

    /** On a configs branch no architecture is needed, so the board need not be a known profile there. */
    ConfigPlace place() {
        return branch != null
                ? ConfigPlace.onBranch(branch, board) : ConfigPlace.inTree(ArchNames.srcArch(arch()), board);
    }

    KernelTree open() {
        return KernelTrees.open(tree.toAbsolutePath().normalize());
    }
}
