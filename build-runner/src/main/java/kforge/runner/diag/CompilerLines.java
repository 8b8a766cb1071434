package kforge.runner.diag;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages in gcc's format, "file:line:col: severity: message", which cc1, GNU as (without a column) and
 * clang share; and the driver's own, "gcc: error: ...", "cc1: fatal error: ...", which name a program
 * instead of a file. Everything else gcc prints is there for a person reading the terminal: "In function"
 * and "In file included from" say where the next message comes from, and the source echo and caret lines
 * repeat what the location already says.
 */
final class CompilerLines {
    private static final Pattern LOCATED =
            Pattern.compile("(.+?):(\\d+):(?:(\\d+):)? (" + SeverityWords.PATTERN + "): (.*)");
    private static final Pattern UNLOCATED = Pattern.compile("([^\\s:]+): (" + SeverityWords.PATTERN + "): (.*)");
    private static final Pattern GCC_PROGRAM = Pattern.compile("(?:[\\w.+-]+-)?"
            + "(?:gcc|g\\+\\+|cc|c\\+\\+|cpp|cc1|cc1plus|collect2|lto1|lto-wrapper|as|clang|clang\\+\\+)"
            + "(?:-\\d+(?:\\.\\d+)*)?");
    /** Where gcc puts what has no file of its own: "&lt;command-line&gt;", "&lt;built-in&gt;", "{standard input}". */
    private static final Pattern PSEUDO_FILE = Pattern.compile("[<{].*[>}]");

    private CompilerLines() {
    }

    static Optional<Diagnostic> parse(String line) {
        Matcher located = LOCATED.matcher(line);
        if (located.matches()) {
            int column = located.group(3) == null ? 0 : Integer.parseInt(located.group(3));
            return Optional.of(new Diagnostic(located.group(1), Integer.parseInt(located.group(2)), column,
                    SeverityWords.severity(located.group(4)), located.group(5), Tool.GCC));
        }
        Matcher unlocated = UNLOCATED.matcher(line);
        if (unlocated.matches()) {
            return fromProgramOrFile(unlocated.group(1), SeverityWords.severity(unlocated.group(2)), unlocated.group(3));
        }
        return Optional.empty();
    }

    /**
     * "gcc: error:" names the program, "foo.h: warning:" a file. Any other name is some other program
     * (objcopy, sed) whose messages this parser does not know, so it is left alone.
     */
    private static Optional<Diagnostic> fromProgramOrFile(String name, Severity severity, String message) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (GCC_PROGRAM.matcher(base).matches()) {
            return Optional.of(new Diagnostic(null, 0, 0, severity, message, Tool.GCC));
        }
        if (base.contains(".") || name.contains("/") || PSEUDO_FILE.matcher(name).matches()) {
            return Optional.of(new Diagnostic(name, 0, 0, severity, message, Tool.GCC));
        }
        return Optional.empty();
    }
}
