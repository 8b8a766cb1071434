package kforge.app.gui.model;

import java.nio.file.Path;
import java.util.List;

import kforge.runner.board.BoardProfile;

/**
 * A build as the panel stood when Start was pressed. The build thread works from this copy, never from
 * the properties, which the user may go on changing (and which belong to the UI thread).
 *
 * @param profileTargets the targets are the profile's own, so its artifacts must exist for a pass (as
 *                       "kforge build" without --targets)
 * @param configFile     the file to copy, for {@link ConfigSource#FILE}
 * @param editorText     the editor's configuration, for {@link ConfigSource#EDITOR}
 */
record BuildPlan(BoardProfile board, Path tree, Path outDir, List<String> targets, boolean profileTargets, int jobs,
                 ConfigSource source, Path configFile, String editorText, boolean allowUnmet) {

    BuildPlan {
        targets = List.copyOf(targets);
    }

    Path dotConfig() {
        return outDir.resolve(".config");
    }
}
