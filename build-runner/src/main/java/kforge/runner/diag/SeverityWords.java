package kforge.runner.diag;

import java.util.Locale;

/**
 * The words tools put before a message to say how bad it is. gcc writes them in lower case, GNU as
 * capitalises them ("Error:") and ld shouts its notes ("NOTE:"), so they are compared without case.
 */
final class SeverityWords {
    /** For use inside a larger pattern; matches exactly the words {@link #severity} understands. */
    static final String PATTERN = "(?i:fatal error|internal compiler error|sorry, unimplemented|error|warning|note|info)";

    private SeverityWords() {
    }

    static Severity severity(String word) {
        switch (word.toLowerCase(Locale.ROOT)) {
            case "warning":
                return Severity.WARNING;
            case "note":
            case "info":
                return Severity.NOTE;
            default:
                return Severity.ERROR;
        }
    }
}
