package kforge.runner.diag;

import java.util.Objects;

/**
 * One error, warning or note a build tool printed.
 *
 * @param file     the path as the tool printed it (relative to wherever that tool ran, so not resolved
 *                 here), or null when the message names no file, e.g. "make: *** No rule to make target"
 * @param line     1-based, or 0 when the tool gave none
 * @param column   1-based, or 0 when the tool gave none
 * @param severity how bad it is
 * @param message  the text after the location and severity word, as the tool printed it (gcc's
 *                 "[-Wunused-variable]" tag stays: it names the option that turns the warning off)
 * @param tool     which program printed it
 */
public record Diagnostic(String file, int line, int column, Severity severity, String message, Tool tool) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(tool, "tool");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("negative line or column: " + line + ":" + column);
        }
        if ((file == null && line > 0) || (line == 0 && column > 0)) {
            throw new IllegalArgumentException("a column needs a line and a line needs a file: "
                    + file + ":" + line + ":" + column);
        }
    }

    /** "file:line:col", "file:line", "file" or "", the form editors and terminals already recognise. */
    public String location() {
        if (file == null) {
            return "";
        }
        if (line == 0) {
            return file;
        }
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
