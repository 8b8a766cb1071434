package kforge.runner.git;

import java.util.regex.Pattern;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

import kforge.kconfig.diag.KconfigException;

/**
 * Where a board's saved defconfig lives in a kernel tree's git. Either in the tree itself, as
 * {@code arch/<srcarch>/configs/<board>_defconfig} on the checked-out branch, where make's
 * {@code <board>_defconfig} target finds it; or on a branch of its own (by default "kforge-configs") as
 * {@code <board>/defconfig}, which keeps the user's branch and files untouched and holds all boards'
 * configs side by side.
 *
 * <p>Both places hold the same thing, savedefconfig's minimal output, so a history and a diff read the same
 * whichever place they come from.
 */
public final class ConfigPlace {
    /** The configs branch's name unless the user picks another. */
    public static final String DEFAULT_BRANCH = "kforge-configs";

    /** A board becomes a file or directory name: one plain path component. */
    private static final Pattern BOARD_NAME = Pattern.compile("[A-Za-z0-9_+-][A-Za-z0-9._+-]*");

    private final String board;
    private final String path;
    private final String branch;

    private ConfigPlace(String board, String path, String branch) {
        this.board = board;
        this.path = path;
        this.branch = branch;
    }

    /** arch/&lt;srcArch&gt;/configs/&lt;board&gt;_defconfig on whatever branch is checked out. */
    public static ConfigPlace inTree(String srcArch, String board) {
        requireName("architecture", srcArch);
        return new ConfigPlace(requireName("board", board), "arch/" + srcArch + "/configs/" + board + "_defconfig",
                null);
    }

    /** &lt;board&gt;/defconfig on the given configs branch. */
    public static ConfigPlace onBranch(String branch, String board) {
        if (branch == null || branch.isBlank() || !Repository.isValidRefName(Constants.R_HEADS + branch)) {
            throw new KconfigException("'" + branch + "' is not a valid branch name");
        }
        return new ConfigPlace(requireName("board", board), board + "/defconfig", branch);
    }

    private static String requireName(String what, String name) {
        if (name == null || !BOARD_NAME.matcher(name).matches()) {
            throw new KconfigException("'" + name + "' cannot be a " + what + " name in a path: use letters, digits"
                    + " and . _ + - only");
        }
        return name;
    }

    public String board() {
        return board;
    }

    /** The file's path from the top of the tree (or of the configs branch's tree). */
    public String path() {
        return path;
    }

    /** The configs branch, or null for the checked-out branch. */
    public String branch() {
        return branch;
    }

    public boolean isOnConfigsBranch() {
        return branch != null;
    }

    /** "arch/arm/configs/mini2440_defconfig" or "mini2440/defconfig on branch kforge-configs". */
    public String describe() {
        return branch == null ? path : path + " on branch " + branch;
    }

    @Override
    public String toString() {
        return describe();
    }
}
