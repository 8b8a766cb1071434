package kforge.runner.patch;

import kforge.kconfig.diag.KconfigException;

/**
 * A patch that does not fit the tree: which patch, which file, which hunk. Thrown before anything of that
 * patch is written, so the tree is as it was.
 */
public final class PatchConflictException extends KconfigException {
    private final String patch;
    private final String file;
    private final int hunk;
    private final String hunkHeader;

    PatchConflictException(String patch, String file, Hunk hunk, String reason, boolean reverse) {
        super(patch + ": " + file + ": " + (hunk == null ? ""
                : "hunk #" + hunk.number() + " (" + hunk.header() + ") does not "
                        + (reverse ? "reverse-apply" : "apply") + ": ") + reason);
        this.patch = patch;
        this.file = file;
        this.hunk = hunk == null ? 0 : hunk.number();
        this.hunkHeader = hunk == null ? null : hunk.header();
    }

    public String patch() {
        return patch;
    }

    /** The file as the tree names it (after -pN). */
    public String file() {
        return file;
    }

    /** The hunk's number within its file (as patch counts them), or 0 when the whole file is the problem. */
    public int hunkNumber() {
        return hunk;
    }

    /** The hunk's @@ line as the patch writes it, or null. */
    public String hunkHeader() {
        return hunkHeader;
    }
}
