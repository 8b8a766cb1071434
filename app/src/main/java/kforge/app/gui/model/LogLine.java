package kforge.app.gui.model;

import kforge.runner.diag.Diagnostic;

/**
 * One line of the build log. The diagnostic it reports, if any, is parsed where the line is read (off the
 * UI thread), so the log can mark it and open its file without parsing again while it scrolls.
 *
 * @param stderr     whether make or a tool printed it on stderr
 * @param diagnostic what the line reports, or null for the many lines that report nothing
 */
public record LogLine(String text, boolean stderr, Diagnostic diagnostic) {

    /** A line kforge itself adds (the make command, a target's result), never a diagnostic. */
    static LogLine note(String text) {
        return new LogLine(text, false, null);
    }
}
