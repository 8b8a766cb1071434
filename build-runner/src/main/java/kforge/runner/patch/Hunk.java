package kforge.runner.patch;

import java.util.List;

/**
 * One {@code @@ -a,b +c,d @@} block. Kept as the two sides it joins (context plus removed lines, context plus
 * added lines) because without fuzz applying a hunk is exactly: find the old side, put the new side there.
 *
 * @param number          1-based within its file, as patch counts them in "Hunk #2 FAILED"
 * @param header          the @@ line as written in the patch, for messages
 * @param line            the @@ line's line number in the patch file
 * @param oldNoNewline    the old side's last line had "\ No newline at end of file"
 * @param leadingContext  context lines before the first change: fewer than trailing means diff met the
 *                        start of the file, so the hunk may only apply there (and the other way round)
 */
record Hunk(int number, String header, int line, int oldStart, int oldCount, int newStart, int newCount,
        List<String> oldLines, List<String> newLines, boolean oldNoNewline, boolean newNoNewline,
        int leadingContext, int trailingContext) {

    Hunk reversed() {
        return new Hunk(number, header, line, newStart, newCount, oldStart, oldCount, newLines, oldLines,
                newNoNewline, oldNoNewline, leadingContext, trailingContext);
    }

    /** Where diff says the old side starts, 0-based; a hunk with no old lines inserts after line oldStart. */
    int expectedIndex() {
        return oldCount == 0 ? oldStart : oldStart - 1;
    }
}
