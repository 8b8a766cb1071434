package kforge.runner.make;

import java.util.List;

import kforge.runner.diag.Diagnostic;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.TargetResult;

/**
 * What a running build reports, as it happens. Calls come from the build's reader threads, one at a time;
 * a GUI hands them to its own thread.
 */
public interface BuildListener {

    default void targetStarted(String target, List<String> command) {
    }

    default void output(String line, boolean stderr) {
    }

    /** A warning or error seen for the first time in this build. */
    default void diagnostic(Diagnostic diagnostic) {
    }

    default void progress(BuildProgress progress) {
    }

    default void targetFinished(TargetResult result) {
    }

    default void finished(BuildRecord record) {
    }
}
