package kforge.app.gui.model;

import java.nio.file.Path;
import java.util.List;

import kforge.runner.board.BoardProfile;
import kforge.runner.wrapper.CompilerWrapper;

/**
 * A build as the panel stood when Start was pressed. The build thread works from this copy, never from
 * the properties, which the user may go on changing (and which belong to the UI thread).
 *
 * @param profileTargets the targets are the profile's own, so its artifacts must exist for a pass (as
 *                       "kforge build" without --targets)
 * @param configFile     the file to copy, for {@link ConfigSource#FILE}
 * @param editorText     the editor's configuration, for {@link ConfigSource#EDITOR}
 * @param fragments      merged over the board's defconfig (or allnoconfig), for {@link ConfigSource#BOARD_PROFILE}
 * @param sets           SYMBOL=VALUE settings merged after the fragments, as --set
 * @param fromAllnoconfig start from allnoconfig instead of the board's defconfig, as -n
 * @param boot           boot the build afterwards, as kforge boot
 */
record BuildPlan(BoardProfile board, Path tree, Path outDir, List<String> targets, boolean profileTargets, int jobs,
                 ConfigSource source, Path configFile, String editorText, boolean allowUnmet, List<Path> fragments,
                 List<String> sets, boolean fromAllnoconfig, CompilerWrapper wrapper, boolean boot) {

    BuildPlan {
        targets = List.copyOf(targets);
        fragments = List.copyOf(fragments);
        sets = List.copyOf(sets);
    }

    Path dotConfig() {
        return outDir.resolve(".config");
    }
}
