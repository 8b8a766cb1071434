package kforge.runner.diag;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The linker's messages. ld names itself, under whatever path and cross prefix it was run
 * ("/usr/bin/ld: ", "arm-linux-gnueabi-ld.bfd: "), on the first line of a problem, but prints the line
 * that matters, "drivers/foo.c:12: undefined reference to `bar'", without its name and without a
 * severity word: an unnamed line counts as ld's only when its location is an object section
 * ("foo.o:(.text+0x10)") or its wording is one only ld uses. Without debug information ld knows no line,
 * so a section location becomes the file alone, line 0. "file.o: in function `x':" only says where the
 * next line comes from and is not a diagnostic.
 */
final class LinkerLines {
    private static final Pattern PREFIXED =
            Pattern.compile("(?:\\S*/)?(?:[\\w.+-]+-)?ld(?:\\.bfd|\\.gold|\\.lld)?:(?!\\d)\\s*(.*)");
    private static final Pattern IN_FUNCTION = Pattern.compile(".+: [Ii]n function .+:");
    private static final Pattern SECTION_LOCATED =
            Pattern.compile("(.+?):\\(([^()\\s]+\\+0x[0-9a-fA-F]+)\\): (.*)");
    private static final Pattern LINE_LOCATED = Pattern.compile("(.+?):(\\d+): (.*)");
    private static final Pattern LD_WORDING = Pattern.compile("(?:undefined reference to|more undefined references to"
            + "|multiple definition of|relocation truncated to fit|dangerous relocation)\\b.*");
    private static final Pattern SEVERITY_FIRST = Pattern.compile("(" + SeverityWords.PATTERN + "): (.*)");
    private static final Pattern FILE_THEN_SEVERITY =
            Pattern.compile("(\\S+): (" + SeverityWords.PATTERN + "): (.*)");

    private LinkerLines() {
    }

    static boolean claims(String line) {
        if (PREFIXED.matcher(line).matches() || SECTION_LOCATED.matcher(line).matches()) {
            return true;
        }
        Matcher m = LINE_LOCATED.matcher(line);
        return m.matches() && LD_WORDING.matcher(m.group(3)).matches();
    }

    static Optional<Diagnostic> parse(String line) {
        Matcher prefixed = PREFIXED.matcher(line);
        if (prefixed.matches()) {
            return spoken(prefixed.group(1));
        }
        return claims(line) ? located(line) : Optional.empty();
    }

    private static Optional<Diagnostic> spoken(String text) {
        if (IN_FUNCTION.matcher(text).matches() || text.equals("use the --help option for usage information")) {
            return Optional.empty();
        }
        Matcher severityFirst = SEVERITY_FIRST.matcher(text);
        if (severityFirst.matches()) {
            return Optional.of(ld(null, 0, SeverityWords.severity(severityFirst.group(1)), severityFirst.group(2)));
        }
        Optional<Diagnostic> located = located(text);
        if (located.isPresent()) {
            return located;
        }
        Matcher fileFirst = FILE_THEN_SEVERITY.matcher(text);
        if (fileFirst.matches()) {
            return Optional.of(ld(fileFirst.group(1), 0, SeverityWords.severity(fileFirst.group(2)), fileFirst.group(3)));
        }
        return Optional.of(ld(null, 0, Severity.ERROR, text));
    }

    private static Optional<Diagnostic> located(String text) {
        Matcher section = SECTION_LOCATED.matcher(text);
        if (section.matches()) {
            return Optional.of(withSeverityFromMessage(section.group(1), 0, section.group(3)));
        }
        Matcher line = LINE_LOCATED.matcher(text);
        if (line.matches()) {
            return Optional.of(withSeverityFromMessage(line.group(1), Integer.parseInt(line.group(2)), line.group(3)));
        }
        return Optional.empty();
    }

    /** ld leaves the severity word out of its errors, and puts "warning: " into the message otherwise. */
    private static Diagnostic withSeverityFromMessage(String file, int line, String message) {
        Matcher m = SEVERITY_FIRST.matcher(message);
        if (m.matches()) {
            return ld(file, line, SeverityWords.severity(m.group(1)), m.group(2));
        }
        return ld(file, line, Severity.ERROR, message);
    }

    private static Diagnostic ld(String file, int line, Severity severity, String message) {
        return new Diagnostic(file, line, 0, severity, message, Tool.LD);
    }
}
