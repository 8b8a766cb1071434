package kforge.runner.patch;

/**
 * A patch on the applied stack, and how it went on: into the work tree only, or as a commit (and tag).
 *
 * @param commit the commit it became, or null when it was applied to the work tree only
 * @param tag    the tag kforge made on that commit (a kernel release, v6.1.1), or null
 */
public record AppliedPatch(String name, int strip, boolean reversed, String commit, String tag) {
    public boolean committed() {
        return commit != null;
    }

    /** "work tree", "commit 1a2b3c4d5e6f", "commit 1a2b3c4d5e6f, tag v6.1.1" */
    public String describe() {
        if (commit == null) {
            return "work tree";
        }
        return "commit " + GitTree.abbreviate(commit) + (tag != null ? ", tag " + tag : "");
    }
}
