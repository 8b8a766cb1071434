package kforge.runner.git;

import java.time.ZonedDateTime;

import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * One saved state of a board's defconfig: the commit that saved it.
 *
 * @param time when it was authored, in the author's time zone
 * @param author "Name &lt;email&gt;"
 * @param subject the first line of the commit message
 */
public record ConfigRevision(String commitId, ZonedDateTime time, String author, String subject) {
    static ConfigRevision of(RevCommit commit) {
        PersonIdent who = commit.getAuthorIdent();
        return new ConfigRevision(commit.name(), who.getWhenAsInstant().atZone(who.getZoneId()),
                who.getName() + " <" + who.getEmailAddress() + ">", commit.getShortMessage());
    }

    public String shortId() {
        return CommitIds.abbreviate(commitId);
    }
}
