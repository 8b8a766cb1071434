package kforge.runner.diag;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GNU make's own messages. make names itself ("make[2]: ") when it speaks about the build, and names a
 * Makefile line instead when the Makefile itself is at fault or a $(warning) / $(error) fires.
 * <p>
 * A failed recipe, "make[2]: *** [scripts/Makefile.build:250: drivers/foo.o] Error 1", becomes an error
 * located at the rule (scripts/Makefile.build:250) with the message "drivers/foo.o: Error 1": the rule's
 * line is what a user can open, and the target is what failed. make's closing "  Stop." is dropped from
 * messages, because it says that make gave up, not what is wrong. Lines that only follow from an earlier
 * problem (waiting for other jobs, deleting a half-written target, old makes' "recipe for target failed")
 * and progress chatter (entering directories) are not diagnostics.
 */
final class MakeLines {
    private static final Pattern PREFIXED = Pattern.compile("(?:\\S*/)?g?make(?:\\[\\d+])?: (.*)");
    private static final Pattern LOCATED = Pattern.compile("([^:]+):(\\d+): (.*)");
    private static final Pattern MAKEFILE_NAME =
            Pattern.compile("GNUmakefile|[Mm]akefile(?:\\..+)?|Kbuild(?:\\..+)?|.+\\.mk");
    private static final Pattern FAILED_RECIPE = Pattern.compile("(?:\\*\\*\\* )?\\[(.+)] (.+)");
    private static final Pattern RULE_WITH_LINE = Pattern.compile("(.+?):(\\d+): (.+)");
    private static final Pattern RULE_WITHOUT_LINE = Pattern.compile("(.+?): (.+)");
    private static final Pattern STOP = Pattern.compile("\\s+Stop\\.$");
    private static final String SHOUT = "*** ";
    private static final String WARNING = "warning: ";

    private MakeLines() {
    }

    static boolean claims(String line) {
        if (PREFIXED.matcher(line).matches()) {
            return true;
        }
        Matcher m = LOCATED.matcher(line);
        return m.matches() && (m.group(3).startsWith(SHOUT) || isMakefile(m.group(1)));
    }

    static Optional<Diagnostic> parse(String line) {
        Matcher prefixed = PREFIXED.matcher(line);
        if (prefixed.matches()) {
            return spoken(prefixed.group(1));
        }
        Matcher located = LOCATED.matcher(line);
        if (located.matches()) {
            return inMakefile(located.group(1), Integer.parseInt(located.group(2)), located.group(3));
        }
        return Optional.empty();
    }

    private static Optional<Diagnostic> spoken(String text) {
        if (text.startsWith("*** Waiting for unfinished jobs") || text.startsWith("*** Deleting ")) {
            return Optional.empty();
        }
        Matcher recipe = FAILED_RECIPE.matcher(text);
        if (recipe.matches()) {
            return Optional.of(failedRecipe(recipe.group(1), recipe.group(2)));
        }
        if (text.startsWith(SHOUT)) {
            return Optional.of(make(null, 0, Severity.ERROR, withoutStop(text.substring(SHOUT.length()))));
        }
        if (text.startsWith(WARNING)) {
            return Optional.of(make(null, 0, Severity.WARNING, text.substring(WARNING.length())));
        }
        return Optional.empty();
    }

    /** The brackets hold "file:line: target" since make 4.0, "&lt;builtin&gt;: target" or just the target before. */
    private static Diagnostic failedRecipe(String rule, String status) {
        Severity severity = status.endsWith("(ignored)") ? Severity.NOTE : Severity.ERROR;
        Matcher withLine = RULE_WITH_LINE.matcher(rule);
        if (withLine.matches()) {
            return make(withLine.group(1), Integer.parseInt(withLine.group(2)), severity,
                    withLine.group(3) + ": " + status);
        }
        Matcher withoutLine = RULE_WITHOUT_LINE.matcher(rule);
        if (withoutLine.matches()) {
            return make(withoutLine.group(1), 0, severity, withoutLine.group(2) + ": " + status);
        }
        return make(null, 0, severity, rule + ": " + status);
    }

    /** make prints some warnings ("target given more than once") and every $(warning) without the word. */
    private static Optional<Diagnostic> inMakefile(String file, int line, String text) {
        if (text.startsWith(SHOUT)) {
            return Optional.of(make(file, line, Severity.ERROR, withoutStop(text.substring(SHOUT.length()))));
        }
        if (text.matches("recipe for target .* failed")) {
            return Optional.empty();
        }
        String message = text.startsWith(WARNING) ? text.substring(WARNING.length()) : text;
        return Optional.of(make(file, line, Severity.WARNING, message));
    }

    private static boolean isMakefile(String file) {
        return MAKEFILE_NAME.matcher(file.substring(file.lastIndexOf('/') + 1)).matches();
    }

    private static String withoutStop(String text) {
        return STOP.matcher(text).replaceFirst("");
    }

    private static Diagnostic make(String file, int line, Severity severity, String message) {
        return new Diagnostic(file, line, 0, severity, message, Tool.MAKE);
    }
}
