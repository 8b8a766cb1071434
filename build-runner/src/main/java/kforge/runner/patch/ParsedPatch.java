package kforge.runner.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * A patch file read: its diffs, and where they came from.
 *
 * @param mail        the mail it is, or null for a plain diff
 * @param description a plain diff's text above its first diff (quilt's patch header), or ""
 */
record ParsedPatch(List<FileDiff> files, MailMessage mail, String description) {
    /** The patch that takes this one back: every diff reversed, last file first. */
    ParsedPatch reversed() {
        List<FileDiff> back = new ArrayList<>();
        for (int k = files.size() - 1; k >= 0; k--) {
            back.add(files.get(k).reversed());
        }
        return new ParsedPatch(List.copyOf(back), mail, description);
    }
}
