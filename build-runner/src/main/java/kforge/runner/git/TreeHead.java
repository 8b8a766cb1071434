package kforge.runner.git;

/**
 * What is checked out: a branch, or (detached) a commit alone, as after checking out a tag.
 *
 * @param branch the branch's short name, or null when HEAD is detached
 * @param commitId the full id of the checked-out commit, or null on a branch without commits yet
 */
public record TreeHead(String branch, String commitId) {
    public boolean isDetached() {
        return branch == null;
    }

    /** For messages: "branch master at 1a2b3c4d5e6f" or "detached at 1a2b3c4d5e6f". */
    public String describe() {
        String at = commitId == null ? "with no commits yet" : "at " + CommitIds.abbreviate(commitId);
        return isDetached() ? "detached " + at : "branch " + branch + " " + at;
    }
}
