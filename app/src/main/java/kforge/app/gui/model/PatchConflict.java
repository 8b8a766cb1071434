package kforge.app.gui.model;

import kforge.runner.patch.PatchConflictException;

/**
 * Why a patch did not go on (or come off): the patch, the file and the hunk that failed, kept apart so
 * the panel can show where to look, and the whole message for the reason.
 *
 * @param hunkNumber the hunk's number within its file, or 0 when the whole file is the problem
 * @param hunkHeader the hunk's @@ line, or null
 * @param message    the full one-line explanation
 */
public record PatchConflict(String patch, String file, int hunkNumber, String hunkHeader, String message) {
    static PatchConflict of(PatchConflictException e) {
        return new PatchConflict(e.patch(), e.file(), e.hunkNumber(), e.hunkHeader(), e.getMessage());
    }

    /** "hunk #2 (@@ -10,3 +10,4 @@)", or "the whole file". */
    public String hunkText() {
        if (hunkNumber == 0) {
            return "the whole file";
        }
        return "hunk #" + hunkNumber + (hunkHeader == null ? "" : " (" + hunkHeader + ")");
    }

    /** A headline for the report: which patch stopped where. */
    public String headline() {
        return patch + " does not fit " + file + ": " + hunkText();
    }
}
