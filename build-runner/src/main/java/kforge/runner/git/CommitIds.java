package kforge.runner.git;

/** Commit ids as people read them. */
public final class CommitIds {
    /** The kernel's own convention for citing commits (Fixes: tags); unique in any kernel history so far. */
    public static final int ABBREVIATED_LENGTH = 12;

    private CommitIds() {
    }

    public static String abbreviate(String commitId) {
        return commitId.length() <= ABBREVIATED_LENGTH ? commitId : commitId.substring(0, ABBREVIATED_LENGTH);
    }
}
