package kforge.runner.patch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A file or a patch as lines, for matching hunks line by line. Bytes map one to one onto chars (ISO-8859-1),
 * so any encoding, CRs included, survives the round trip exactly; whether the last line had its newline is
 * kept apart because "\ No newline at end of file" makes it part of what a hunk must match.
 */
final class LineText {
    final List<String> lines;
    final boolean missingFinalNewline;

    LineText(List<String> lines, boolean missingFinalNewline) {
        this.lines = lines;
        this.missingFinalNewline = missingFinalNewline && !lines.isEmpty();
    }

    static LineText of(byte[] bytes) {
        return of(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    static LineText of(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            if (newline < 0) {
                lines.add(text.substring(start));
                return new LineText(lines, true);
            }
            lines.add(text.substring(start, newline));
            start = newline + 1;
        }
        return new LineText(lines, false);
    }

    byte[] bytes() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            text.append(lines.get(i));
            if (i < lines.size() - 1 || !missingFinalNewline) {
                text.append('\n');
            }
        }
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
