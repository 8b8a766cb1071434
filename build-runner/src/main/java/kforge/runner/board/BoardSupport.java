package kforge.runner.board;

import java.nio.file.Files;
import java.nio.file.Path;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.dialect.KernelRelease;
import kforge.kconfig.env.KernelVersion;

/**
 * Whether a kernel tree has a board at all, asked before anything is written: a tree from after the board
 * left mainline, or one without the board's defconfig, is refused with what happened.
 */
public final class BoardSupport {

    private BoardSupport() {
    }

    /**
     * Refuses a tree that cannot have the board.
     *
     * @param needsDefconfig false when the .config starts from allnoconfig, which does not read the defconfig
     */
    public static void require(BoardProfile profile, Path tree, boolean needsDefconfig) {
        KernelVersion version = KernelVersion.read(tree.resolve("Makefile"));
        BoardProfile.Removal removed = profile.removed();
        if (removed != null && version.release().isAtLeast(KernelRelease.parse(removed.release()))) {
            throw new KconfigException(removed.why() + "; this tree is " + version.kernelVersion()
                    + " (board " + profile.name() + ")");
        }
        if (needsDefconfig && !Files.isRegularFile(tree.resolve(profile.defconfigPath()))) {
            throw new KconfigException("board " + profile.name() + " needs " + profile.defconfigPath()
                    + ", which this tree (Linux " + version.kernelVersion() + ") does not have");
        }
    }
}
