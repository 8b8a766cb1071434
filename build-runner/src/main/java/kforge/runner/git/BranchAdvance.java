package kforge.runner.git;

import java.io.IOException;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

import kforge.kconfig.diag.KconfigException;

/**
 * Moves a branch to a new commit only if it still is where it was read, so a commit made meanwhile by
 * another program (git, another kforge) is never dropped.
 */
final class BranchAdvance {
    private BranchAdvance() {
    }

    /**
     * @param expected the tip the new commit was built on, or null when the branch must not exist yet
     */
    static void to(Repository repository, String refName, ObjectId expected, ObjectId commit, PersonIdent who,
                   String reflogMessage) throws IOException {
        RefUpdate update = repository.updateRef(refName);
        update.setExpectedOldObjectId(expected == null ? ObjectId.zeroId() : expected);
        update.setNewObjectId(commit);
        update.setRefLogIdent(who);
        update.setRefLogMessage(reflogMessage, false);
        RefUpdate.Result result = update.update();
        switch (result) {
            case NEW:
            case FAST_FORWARD:
            case FORCED:
                return;
            case LOCK_FAILURE:
                throw new KconfigException("cannot update " + Repository.shortenRefName(refName) + " in "
                        + repository.getWorkTree() + ": it changed meanwhile (another git command?); try again");
            default:
                throw new KconfigException("cannot update " + Repository.shortenRefName(refName) + " in "
                        + repository.getWorkTree() + ": " + result);
        }
    }
}
