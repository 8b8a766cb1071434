package kforge.runner.patch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.SourceLocation;

/**
 * File names as patches write them: -pN stripping as patch does it, git's C-style quoting, and the
 * timestamp diff -u puts after a tab, whose value 1970-01-01 (the epoch) is how diff -N marks a file that
 * does not exist on that side.
 */
final class PatchPaths {
    static final String DEV_NULL = "/dev/null";

    private static final Pattern SPACED_TIMESTAMP =
            Pattern.compile("^(.*?)\\s+(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)? [+-]\\d{4})\\s*$");
    private static final Pattern ISO_TIMESTAMP =
            Pattern.compile("(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)(?:\\.\\d+)? ([+-]\\d{4})");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxx");

    private PatchPaths() {
    }

    /** A name and the timestamp after it on a ---/+++ line (the text after "--- "). */
    record Named(String name, String timestamp) {
        boolean epoch() {
            if (timestamp == null) {
                return false;
            }
            if (timestamp.contains("Jan  1 00:00:00 1970") || timestamp.contains("Jan 1 00:00:00 1970")) {
                return true;
            }
            Matcher m = ISO_TIMESTAMP.matcher(timestamp);
            if (!m.find()) {
                return false;
            }
            try {
                return OffsetDateTime.parse(m.group(1) + m.group(2), TIMESTAMP).toEpochSecond() == 0;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }

    static Named headerName(String text, SourceLocation where) {
        String rest = stripCarriageReturn(text);
        if (rest.indexOf('\0') >= 0) {
            // patch would cut the line there: another name, or a timestamp that no longer says "no such file".
            throw new KconfigException(where, "the file name line '" + rest.replace('\0', '?') + "' holds a NUL byte");
        }
        if (rest.startsWith("\"")) {
            int end = closingQuote(rest, where);
            return new Named(unquote(rest.substring(0, end + 1), where), rest.substring(end + 1).strip());
        }
        int tab = rest.indexOf('\t');
        if (tab >= 0) {
            return new Named(rest.substring(0, tab), rest.substring(tab + 1).strip());
        }
        Matcher spaced = SPACED_TIMESTAMP.matcher(rest);
        if (spaced.matches()) {
            return new Named(spaced.group(1), spaced.group(2));
        }
        return new Named(rest.strip(), null);
    }

    /** The two names of "diff --git a/x b/x" (the text after "diff --git "), each stripped by strip. */
    static String[] gitHeaderNames(String text, int strip, SourceLocation where) {
        String rest = stripCarriageReturn(text);
        if (rest.indexOf('\0') >= 0) {
            throw new KconfigException(where, "the file names in 'diff --git " + rest.replace('\0', '?')
                    + "' hold a NUL byte");
        }
        if (rest.startsWith("\"")) {
            int end = closingQuote(rest, where);
            String first = unquote(rest.substring(0, end + 1), where);
            String second = rest.substring(end + 1).strip();
            second = second.startsWith("\"") ? unquote(second, where) : second;
            return new String[] {strip(first, strip, where), strip(second, strip, where)};
        }
        int quote = rest.indexOf(" \"");
        if (quote >= 0) {
            return new String[] {strip(rest.substring(0, quote), strip, where),
                strip(unquote(rest.substring(quote + 1), where), strip, where)};
        }
        // Unquoted names may hold spaces; the split is where both halves name the same file, as git does it.
        for (int space = rest.indexOf(' '); space >= 0; space = rest.indexOf(' ', space + 1)) {
            String first = strip(rest.substring(0, space), strip, null);
            String second = strip(rest.substring(space + 1), strip, null);
            if (first != null && first.equals(second)) {
                return new String[] {first, second};
            }
        }
        throw new KconfigException(where, "cannot tell the two file names apart in 'diff --git " + rest + "'");
    }

    /**
     * The name with its first strip components removed, as patch -pN does; null for /dev/null. Refuses
     * names that would leave the tree or touch .git, since a patch file comes from elsewhere.
     *
     * @param where null to return null instead of failing (when only probing)
     */
    static String strip(String name, int strip, SourceLocation where) {
        if (name.indexOf('\0') >= 0) {
            // patch would cut the name there and patch another file than the one written.
            return fail(where, "the file name '" + name.replace('\0', '?') + "' holds a NUL byte");
        }
        if (name.equals(DEV_NULL)) {
            return null;
        }
        String rest = name;
        for (int i = 0; i < strip; i++) {
            int slash = rest.indexOf('/');
            if (slash < 0) {
                return fail(where, "cannot strip " + strip + " leading director" + (strip == 1 ? "y" : "ies")
                        + " from '" + name + "' (-p" + strip + "); is the strip level right?");
            }
            rest = rest.substring(slash + 1);
            while (rest.startsWith("/")) {
                rest = rest.substring(1);
            }
        }
        if (rest.startsWith("/")) {
            return fail(where, "refusing the absolute path '" + name + "' (use -p1 or more)");
        }
        List<String> parts = new ArrayList<>();
        for (String part : rest.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                return fail(where, "refusing the path '" + name + "': it leaves the tree");
            }
            parts.add(part);
        }
        if (parts.isEmpty()) {
            return fail(where, "no file name left in '" + name + "' after -p" + strip);
        }
        if (parts.get(0).equals(".git") || parts.get(0).equals(".kforge")) {
            return fail(where, "refusing the path '" + name + "': it is inside " + parts.get(0));
        }
        // Patch text is handled as ISO-8859-1 so bytes pass through; file names are UTF-8 on disk.
        return new String(String.join("/", parts).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static String fail(SourceLocation where, String message) {
        if (where == null) {
            return null;
        }
        throw new KconfigException(where, message);
    }

    private static int closingQuote(String text, SourceLocation where) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        throw new KconfigException(where, "unterminated quoted file name: " + text);
    }

    /** git's quoting: C escapes, octal for bytes; the bytes come back as ISO-8859-1 chars like the rest. */
    static String unquote(String quoted, SourceLocation where) {
        if (!quoted.startsWith("\"") || !quoted.endsWith("\"") || quoted.length() < 2) {
            return quoted;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String body = quoted.substring(1, quoted.length() - 1);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                bytes.write(c);
                continue;
            }
            if (++i >= body.length()) {
                throw new KconfigException(where, "bad escape at the end of " + quoted);
            }
            char e = body.charAt(i);
            switch (e) {
                case 'n' -> bytes.write('\n');
                case 't' -> bytes.write('\t');
                case 'a' -> bytes.write(7);
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'r' -> bytes.write('\r');
                case 'v' -> bytes.write(11);
                case '"', '\\' -> bytes.write(e);
                default -> {
                    if (e < '0' || e > '7' || i + 2 >= body.length()) {
                        throw new KconfigException(where, "bad escape \\" + e + " in " + quoted);
                    }
                    bytes.write(Integer.parseInt(body.substring(i, i + 3), 8));
                    i += 2;
                }
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
