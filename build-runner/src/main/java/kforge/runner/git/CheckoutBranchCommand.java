package kforge.runner.git;

import java.io.IOException;

import org.eclipse.jgit.api.errors.CheckoutConflictException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

import kforge.kconfig.diag.KconfigException;

/**
 * Switches the tree to a branch, or to a tag or commit (HEAD then is detached), or creates a work branch and
 * switches to it, as {@code git checkout [-b NEW] NAME} does.
 *
 * <p>Unlike git, it refuses whenever the work tree has uncommitted changes and the files would change,
 * naming the changed files, rather than carrying the changes over: a kernel tree's edits are easily
 * mixed into the wrong branch. Creating a branch at the checked-out commit changes no file, so changes go
 * along then. Untracked files stay; one that the target would overwrite makes the checkout fail unchanged.
 */
public final class CheckoutBranchCommand {
    private final KernelTree tree;
    private String name;
    private boolean createBranch;
    private String startPoint;

    CheckoutBranchCommand(KernelTree tree) {
        this.tree = tree;
    }

    /** The branch, tag or commit to check out; with {@link #setCreateBranch}, the new branch's name. */
    public CheckoutBranchCommand setName(String name) {
        this.name = name;
        return this;
    }

    public CheckoutBranchCommand setCreateBranch(boolean createBranch) {
        this.createBranch = createBranch;
        return this;
    }

    /** Where a new branch starts: a branch, tag or commit; by default the checked-out commit. */
    public CheckoutBranchCommand setStartPoint(String startPoint) {
        this.startPoint = startPoint;
        return this;
    }

    /** What is checked out afterwards. */
    public TreeHead call() {
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("setName was not called");
        }
        try {
            return createBranch ? createAndSwitch() : switchTo();
        } catch (IOException e) {
            throw GitFailure.of("check out " + name + " in " + tree.directory(), e);
        }
    }

    private TreeHead createAndSwitch() throws IOException {
        Repository repository = tree.repository();
        if (!Repository.isValidRefName(Constants.R_HEADS + name)) {
            throw new KconfigException("'" + name + "' is not a valid branch name");
        }
        if (repository.exactRef(Constants.R_HEADS + name) != null) {
            throw new KconfigException("a branch named '" + name + "' already exists in " + tree.directory());
        }
        String start = startPoint != null ? startPoint : Constants.HEAD;
        ObjectId target = Revisions.resolveCommit(repository, start, tree.directory());
        refuseIfFilesWouldChange(target, "create " + name + " from " + start);
        try {
            tree.git().checkout().setCreateBranch(true).setName(name).setStartPoint(target.name()).call();
        } catch (CheckoutConflictException e) {
            throw wouldOverwrite(e);
        } catch (GitAPIException e) {
            throw GitFailure.of("create branch " + name + " in " + tree.directory(), e);
        }
        return tree.head();
    }

    private TreeHead switchTo() throws IOException {
        Repository repository = tree.repository();
        Ref branch = repository.exactRef(Constants.R_HEADS + name);
        ObjectId target = branch != null
                ? branch.getObjectId() : Revisions.resolveCommit(repository, name, tree.directory());
        if (branch != null && branch.getName().equals(repository.getFullBranch())) {
            return tree.head();
        }
        refuseIfFilesWouldChange(target, "check out " + name);
        try {
            // A commit id (not the tag's name) makes JGit detach HEAD for tags and remote branches alike.
            tree.git().checkout().setName(branch != null ? branch.getName() : target.name()).call();
        } catch (CheckoutConflictException e) {
            throw wouldOverwrite(e);
        } catch (GitAPIException e) {
            throw GitFailure.of("check out " + name + " in " + tree.directory(), e);
        }
        return tree.head();
    }

    private void refuseIfFilesWouldChange(ObjectId target, String what) {
        String head = tree.head().commitId();
        if (head != null && head.equals(target.name())) {
            return;
        }
        WorkTreeStatus status = tree.status();
        if (status.hasUncommittedChanges()) {
            int count = status.uncommitted().size();
            throw new KconfigException("cannot " + what + ": " + tree.directory() + " has uncommitted changes in "
                    + count + (count == 1 ? " file: " : " files: ") + status.namedUncommitted()
                    + ". Commit them or set them aside first; nothing was changed.");
        }
    }

    private KconfigException wouldOverwrite(CheckoutConflictException e) {
        return new KconfigException("cannot check out " + name + " in " + tree.directory() + ": it would overwrite "
                + WorkTreeStatus.named(e.getConflictingPaths().stream().sorted().toList())
                + ", which are not committed; move them away first. Nothing was changed.");
    }
}
