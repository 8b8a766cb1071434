package kforge.runner.diag;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises the errors and warnings in a kernel build's output, one line at a time, so a build can show
 * them as they happen rather than leave the user to scroll through thousands of "CC" lines. Only the
 * tools whose messages decide a kernel build are understood: gcc (with cc1, as and collect2, and clang,
 * which prints the same format), the linker, and make. Lines must be read with LC_ALL=C: translated
 * severity words are not recognised.
 * <p>
 * Holds no state, so one instance can serve any number of threads.
 */
public final class DiagnosticParser {
    /** Colours and hyperlinks, for when a user forces -fdiagnostics-color=always into the build. */
    private static final Pattern TERMINAL_ESCAPES =
            Pattern.compile("\u001B\\[[\\d;]*[A-Za-z]|\u001B]8;[^\u0007\u001B]*(?:\u0007|\u001B\\\\)");

    /**
     * The diagnostic a line reports, or empty for the many lines that report none, including those that
     * only give context to a neighbouring diagnostic (gcc's "In function", ld's "in function", the source
     * echo under a gcc message). make's lines are tried first and the linker's next, because both can look
     * like gcc's.
     */
    public Optional<Diagnostic> parse(String line) {
        Objects.requireNonNull(line, "line");
        String text = TERMINAL_ESCAPES.matcher(line).replaceAll("").stripTrailing();
        if (MakeLines.claims(text)) {
            return MakeLines.parse(text);
        }
        if (LinkerLines.claims(text)) {
            return LinkerLines.parse(text);
        }
        return CompilerLines.parse(text);
    }
}
