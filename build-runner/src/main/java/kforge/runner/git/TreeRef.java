package kforge.runner.git;

/**
 * A branch or tag, with the commit it names.
 *
 * @param name the short name: "master", "v6.1.158", "origin/master"
 * @param subject the first line of the commit's message
 * @param current whether it is the checked-out branch
 */
public record TreeRef(String name, String commitId, String subject, boolean current) {
    public String shortId() {
        return CommitIds.abbreviate(commitId);
    }
}
