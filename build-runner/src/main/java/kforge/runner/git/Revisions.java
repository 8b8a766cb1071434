package kforge.runner.git;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

import kforge.kconfig.diag.KconfigException;

/** What users type to name a commit, resolved with messages that say which name failed. */
final class Revisions {
    private Revisions() {
    }

    /** The commit a revision names (a tag is peeled to its commit). */
    static ObjectId resolveCommit(Repository repository, String revision, Path directory) {
        ObjectId id;
        try {
            id = repository.resolve(revision + "^{commit}");
        } catch (AmbiguousObjectException e) {
            throw new KconfigException("'" + revision + "' is ambiguous in " + directory
                    + ": several objects start with it; give more digits");
        } catch (IncorrectObjectTypeException | RevisionSyntaxException e) {
            throw new KconfigException("'" + revision + "' does not name a commit in " + directory);
        } catch (IOException e) {
            throw GitFailure.of("resolve '" + revision + "' in " + directory, e);
        }
        if (id == null) {
            throw new KconfigException("unknown revision '" + revision + "' in " + directory
                    + ": not a branch, tag or commit id");
        }
        return id;
    }
}
