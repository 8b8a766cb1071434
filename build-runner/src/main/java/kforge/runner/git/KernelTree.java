package kforge.runner.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import kforge.kconfig.diag.KconfigException;

/**
 * A kernel source tree under git, opened: what is checked out and changed, its branches and tags, and the
 * commands that change it. Close it to release the repository's files.
 */
public final class KernelTree implements AutoCloseable {
    private final Git git;
    private final boolean closesRepository;

    /** @param closesRepository whether closing this tree must close git's repository, which git itself does not */
    KernelTree(Git git, boolean closesRepository) {
        this.git = git;
        this.closesRepository = closesRepository;
    }

    /** The top of the work tree. */
    public Path directory() {
        return repository().getWorkTree().toPath();
    }

    Repository repository() {
        return git.getRepository();
    }

    Git git() {
        return git;
    }

    public TreeHead head() {
        try {
            Ref head = repository().exactRef(Constants.HEAD);
            if (head == null) {
                throw new KconfigException(directory() + ": the git repository has no HEAD");
            }
            String branch = head.isSymbolic() ? Repository.shortenRefName(head.getTarget().getName()) : null;
            ObjectId commit = head.getObjectId();
            return new TreeHead(branch, commit == null ? null : commit.name());
        } catch (IOException e) {
            throw GitFailure.of("read HEAD in " + directory(), e);
        }
    }

    /** Local branches, then remote-tracking ones ("origin/master"), each group by name. */
    public List<TreeRef> branches() {
        List<TreeRef> all = new ArrayList<>(refs(Constants.R_HEADS));
        all.addAll(refs(Constants.R_REMOTES));
        return all;
    }

    public List<TreeRef> tags() {
        return refs(Constants.R_TAGS);
    }

    private List<TreeRef> refs(String prefix) {
        String current = currentBranchRef();
        List<TreeRef> found = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository())) {
            for (Ref ref : repository().getRefDatabase().getRefsByPrefix(prefix)) {
                if (ref.isSymbolic() || ref.getObjectId() == null) {
                    continue;  // origin/HEAD repeats another branch
                }
                RevCommit commit = walk.parseCommit(ref.getObjectId());
                found.add(new TreeRef(ref.getName().substring(prefix.length()), commit.name(),
                        commit.getShortMessage(), ref.getName().equals(current)));
            }
        } catch (IOException e) {
            throw GitFailure.of("list " + prefix + " in " + directory(), e);
        }
        found.sort(Comparator.comparing(TreeRef::name));
        return found;
    }

    private String currentBranchRef() {
        try {
            return repository().getFullBranch();
        } catch (IOException e) {
            throw GitFailure.of("read HEAD in " + directory(), e);
        }
    }

    /** The work tree against the checked-out commit. On a kernel tree this takes a few seconds. */
    public WorkTreeStatus status() {
        Status status;
        try {
            status = git.status().call();
        } catch (GitAPIException e) {
            throw GitFailure.of("read the status of " + directory(), e);
        }
        Set<String> modified = new TreeSet<>(status.getModified());
        modified.addAll(status.getChanged());
        modified.removeAll(status.getAdded());
        Set<String> removed = new TreeSet<>(status.getRemoved());
        removed.addAll(status.getMissing());
        return new WorkTreeStatus(List.copyOf(modified), sorted(status.getAdded()), List.copyOf(removed),
                sorted(status.getConflicting()), sorted(status.getUntracked()));
    }

    private static List<String> sorted(Set<String> paths) {
        return List.copyOf(new TreeSet<>(paths));
    }

    /** Switches to a branch, tag or commit, or creates a work branch; refuses to touch uncommitted changes. */
    public CheckoutBranchCommand checkout() {
        return new CheckoutBranchCommand(this);
    }

    /** Saves a board's defconfig as a commit, in the tree or on a configs branch. */
    public CommitConfigCommand commitConfig() {
        return new CommitConfigCommand(this);
    }

    /** The commits that changed a board's saved defconfig, newest first. */
    public ConfigHistoryCommand configHistory() {
        return new ConfigHistoryCommand(this);
    }

    /**
     * The saved defconfig as it was in a revision: a commit id (abbreviated or not), a branch, a tag or
     * any other git revision expression.
     */
    public String configAt(ConfigPlace place, String revision) {
        try (RevWalk walk = new RevWalk(repository())) {
            RevCommit commit = walk.parseCommit(Revisions.resolveCommit(repository(), revision, directory()));
            String text = ConfigFiles.read(repository(), commit, place.path());
            if (text == null) {
                throw new KconfigException(place.path() + " is not in " + revision + " (commit "
                        + CommitIds.abbreviate(commit.name()) + ") in " + directory());
            }
            return text;
        } catch (IOException e) {
            throw GitFailure.of("read " + place.path() + " at " + revision + " in " + directory(), e);
        }
    }

    @Override
    public void close() {
        git.close();
        if (closesRepository) {
            git.getRepository().close();
        }
    }
}
