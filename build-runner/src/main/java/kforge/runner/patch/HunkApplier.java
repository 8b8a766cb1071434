package kforge.runner.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies one file's hunks to its text in memory. Every line of a hunk's old side (context included) must be
 * there, in order: there is no fuzz, because a hunk whose context changed is a patch for another version
 * of the file, and the kernel is too big to review what a fuzzy match did. The old side may have moved,
 * as patch allows ("succeeded at 45 (offset 3 lines)"): it is searched nearest first, never before the
 * previous hunk, and a hunk with less context at one end (diff met the start or end of the file) stays at
 * that end.
 */
final class HunkApplier {
    private final String patch;
    private final String file;
    private final boolean reverse;

    HunkApplier(String patch, String file, boolean reverse) {
        this.patch = patch;
        this.file = file;
        this.reverse = reverse;
    }

    LineText apply(LineText text, List<Hunk> hunks, List<String> notes) {
        List<String> lines = text.lines;
        List<String> out = new ArrayList<>(lines.size() + 16);
        boolean lastMissingNewline = false;
        int consumed = 0;
        int offset = 0;
        for (Hunk hunk : hunks) {
            int at = locate(text, hunk, hunk.expectedIndex() + offset, consumed);
            if (at < 0) {
                throw new PatchConflictException(patch, file, hunk, mismatch(text, hunk, hunk.expectedIndex() + offset),
                        reverse);
            }
            int moved = at - hunk.expectedIndex();
            if (moved != 0) {
                notes.add(file + ": hunk #" + hunk.number() + " succeeded at " + (hunk.newStart() + moved)
                        + " (offset " + moved + " line" + (Math.abs(moved) == 1 ? "" : "s") + ")");
            }
            offset = moved;
            for (int k = consumed; k < at; k++) {
                out.add(lines.get(k));
                lastMissingNewline = false;
            }
            out.addAll(hunk.newLines());
            if (!hunk.newLines().isEmpty()) {
                lastMissingNewline = hunk.newNoNewline();
            }
            consumed = at + hunk.oldCount();
        }
        for (int k = consumed; k < lines.size(); k++) {
            out.add(lines.get(k));
            lastMissingNewline = k == lines.size() - 1 && text.missingFinalNewline;
        }
        return new LineText(out, lastMissingNewline);
    }

    private static int locate(LineText text, Hunk hunk, int expected, int floor) {
        int size = text.lines.size();
        int highest = size - hunk.oldCount();
        if (highest < floor) {
            return -1;
        }
        if (hunk.leadingContext() < hunk.trailingContext() && hunk.oldStart() <= 1) {
            return floor == 0 && matches(text, hunk, 0) ? 0 : -1;
        }
        if (hunk.trailingContext() < hunk.leadingContext()) {
            return matches(text, hunk, highest) ? highest : -1;
        }
        if (hunk.oldCount() == 0) {
            // Nothing to match: it goes where it says, which must not be inside the hunk before it.
            return expected < floor ? -1 : Math.min(expected, size);
        }
        int start = Math.max(floor, Math.min(expected, highest));
        for (int distance = 0; start + distance <= highest || start - distance >= floor; distance++) {
            if (start + distance <= highest && matches(text, hunk, start + distance)) {
                return start + distance;
            }
            if (distance > 0 && start - distance >= floor && matches(text, hunk, start - distance)) {
                return start - distance;
            }
        }
        return -1;
    }

    private static boolean matches(LineText text, Hunk hunk, int at) {
        List<String> old = hunk.oldLines();
        for (int k = 0; k < old.size(); k++) {
            if (!text.lines.get(at + k).equals(old.get(k))) {
                return false;
            }
        }
        boolean atEnd = at + old.size() == text.lines.size();
        if (hunk.oldNoNewline()) {
            return atEnd && text.missingFinalNewline;
        }
        // The file's last line lacks its newline but the hunk's does not: the patch is for another file.
        return !(atEnd && !old.isEmpty() && text.missingFinalNewline);
    }

    /** Why the hunk does not fit where it was expected, naming the first line that differs. */
    private static String mismatch(LineText text, Hunk hunk, int expected) {
        List<String> old = hunk.oldLines();
        int size = text.lines.size();
        if (expected >= size && !old.isEmpty()) {
            return "the file has " + size + " lines, fewer than the hunk needs (no fuzz is allowed)";
        }
        int at = Math.max(0, Math.min(expected, size - 1));
        for (int k = 0; k < old.size(); k++) {
            if (at + k >= size) {
                return "the file ends at line " + size + ", before the hunk's line '" + shorten(old.get(k))
                        + "' (no fuzz is allowed)";
            }
            if (!text.lines.get(at + k).equals(old.get(k))) {
                return "context not found anywhere in the file; at line " + (at + k + 1) + " the patch expects '"
                        + shorten(old.get(k)) + "' but the file has '" + shorten(text.lines.get(at + k))
                        + "' (no fuzz is allowed)";
            }
        }
        if (hunk.oldNoNewline() != text.missingFinalNewline && at + old.size() == size) {
            return "the hunk and the file differ in whether the last line ends with a newline"
                    + " (\\ No newline at end of file)";
        }
        if (hunk.trailingContext() < hunk.leadingContext() && at + old.size() < size) {
            return "its context ends the file, but here the file goes on after line " + (at + old.size())
                    + " (no fuzz is allowed)";
        }
        if (hunk.leadingContext() < hunk.trailingContext() && at > 0) {
            return "its context starts the file, but here it is found at line " + (at + 1) + " (no fuzz is allowed)";
        }
        return "it would overlap the hunk before it (no fuzz is allowed)";
    }

    private static String shorten(String line) {
        String printable = EncodedWords.utf8(line);
        return printable.length() <= 72 ? printable : printable.substring(0, 69) + "...";
    }
}
