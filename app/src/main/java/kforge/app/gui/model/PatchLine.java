package kforge.app.gui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a patch as the diff viewer shows it, with what it is, so the view can colour it by a style
 * class alone. Lines are told apart by following the hunks' line counts, as patch does, rather than by
 * their first character: a description's "---" or a mail signature's "-- " is not a removed line.
 */
public record PatchLine(String text, Kind kind) {
    public enum Kind { DESCRIPTION, FILE, HUNK, CONTEXT, ADDED, REMOVED, NOTE }

    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,(\\d+))? \\+\\d+(?:,(\\d+))? @@.*");

    /** "patch-added", "patch-hunk", ...: the style class themes colour. */
    public String styleClass() {
        return "patch-" + kind.name().toLowerCase(Locale.ROOT);
    }

    /** The patch's text, line by line, classified. */
    static List<PatchLine> classify(String text) {
        List<PatchLine> lines = new ArrayList<>();
        int oldLeft = 0;
        int newLeft = 0;
        boolean seenDiff = false;
        for (String raw : split(text)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (oldLeft > 0 || newLeft > 0) {
                Kind kind = inHunk(line);
                if (kind == Kind.ADDED || kind == Kind.CONTEXT) {
                    newLeft--;
                }
                if (kind == Kind.REMOVED || kind == Kind.CONTEXT) {
                    oldLeft--;
                }
                lines.add(new PatchLine(line, kind));
                continue;
            }
            Matcher hunk = HUNK.matcher(line);
            if (hunk.matches()) {
                oldLeft = count(hunk.group(1));
                newLeft = count(hunk.group(2));
                seenDiff = true;
                lines.add(new PatchLine(line, Kind.HUNK));
            } else if (line.startsWith("\\")) {
                lines.add(new PatchLine(line, Kind.NOTE));
            } else if (isFileHeader(line, seenDiff)) {
                seenDiff = true;
                lines.add(new PatchLine(line, Kind.FILE));
            } else {
                lines.add(new PatchLine(line, Kind.DESCRIPTION));
            }
        }
        return lines;
    }

    private static Kind inHunk(String line) {
        if (line.startsWith("+")) {
            return Kind.ADDED;
        }
        if (line.startsWith("-")) {
            return Kind.REMOVED;
        }
        if (line.startsWith("\\")) {
            return Kind.NOTE;
        }
        return Kind.CONTEXT;  // " text", or an empty line some mailers leave of a blank context line
    }

    /** The lines before a hunk that name its file; git's extended headers only once a diff has begun. */
    private static boolean isFileHeader(String line, boolean seenDiff) {
        if (line.startsWith("diff ") || line.startsWith("--- ") || line.startsWith("+++ ")
                || line.startsWith("Index: ")) {
            return true;
        }
        return seenDiff && (line.startsWith("index ") || line.startsWith("new file mode ")
                || line.startsWith("deleted file mode ") || line.startsWith("old mode ")
                || line.startsWith("new mode ") || line.startsWith("similarity index ")
                || line.startsWith("rename from ") || line.startsWith("rename to ")
                || line.startsWith("copy from ") || line.startsWith("copy to ")
                || line.startsWith("Binary files "));
    }

    private static int count(String group) {
        return group == null ? 1 : Integer.parseInt(group);
    }

    private static List<String> split(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
