package kforge.runner.patch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jgit.api.AddCommand;
import org.eclipse.jgit.api.CommitCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.RmCommand;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import kforge.kconfig.diag.KconfigException;

/**
 * The git side of a patch, through JGit so no git program is needed: committing what a patch wrote as
 * git am does (only the patch's files are staged, so unrelated work in the tree stays out of the commit),
 * tagging a kernel release, and taking back a top commit.
 */
final class GitTree implements AutoCloseable {
    private final Git git;

    private GitTree(Git git) {
        this.git = git;
    }

    /** The repository whose work tree is exactly tree, or null: a tree nested deeper in a repository is not one. */
    static GitTree open(Path tree) {
        if (!Files.exists(tree.resolve(Constants.DOT_GIT))) {
            return null;
        }
        try {
            return new GitTree(Git.open(tree.toFile()));
        } catch (IOException e) {
            throw new KconfigException(tree + ": cannot open its git repository: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        git.close();
    }

    /**
     * Refuses, as git am does, when the index holds staged changes (they would end up in the commit) or a file
     * the patch touches differs from HEAD (the commit would take those changes along, or lose them).
     */
    void requireClean(String patch, List<FileChange> changes, String why) {
        Status status = status();
        Set<String> staged = new TreeSet<>(status.getAdded());
        staged.addAll(status.getChanged());
        staged.addAll(status.getRemoved());
        if (!staged.isEmpty()) {
            throw new KconfigException(patch + ": the git index has staged changes (" + list(staged) + "); " + why
                    + " needs a clean index: commit or unstage them first");
        }
        Set<String> dirty = new TreeSet<>();
        for (FileChange change : changes) {
            String path = change.path();
            // An untracked file that is there already would go into the commit whole, not just the patch's part.
            boolean untrackedContent = change.before() != null && status.getUntracked().contains(path);
            if (untrackedContent || status.getModified().contains(path) || status.getMissing().contains(path)
                    || status.getConflicting().contains(path)) {
                dirty.add(path);
            }
        }
        if (!dirty.isEmpty()) {
            throw new KconfigException(patch + ": " + list(dirty) + (dirty.size() == 1 ? " has" : " have")
                    + " changes not committed to git; " + why + " needs " + (dirty.size() == 1 ? "it" : "them")
                    + " as HEAD has " + (dirty.size() == 1 ? "it" : "them") + ": commit or discard the changes first");
        }
    }

    private Status status() {
        try {
            return git.status().call();
        } catch (GitAPIException e) {
            throw new KconfigException("git status failed: " + e.getMessage());
        }
    }

    private static String list(Set<String> paths) {
        List<String> shown = new ArrayList<>(paths).subList(0, Math.min(paths.size(), 5));
        return String.join(", ", shown) + (paths.size() > shown.size() ? ", ..." : "");
    }

    /**
     * Stages exactly the files the patch changed and commits them.
     *
     * @param author null for the configured user, as a commit of one's own work
     * @return the commit's id
     */
    String commit(String patch, List<FileChange> changes, PersonIdent author, String message) {
        List<String> present = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (FileChange change : changes) {
            (change.after() == null ? deleted : present).add(change.path());
        }
        try {
            if (!present.isEmpty()) {
                AddCommand add = git.add();
                present.forEach(add::addFilepattern);
                add.call();
            }
            if (!deleted.isEmpty()) {
                RmCommand rm = git.rm().setCached(true);
                deleted.forEach(rm::addFilepattern);
                rm.call();
            }
            // git am runs no pre-commit hook and does not sign unless asked; neither does kforge.
            CommitCommand commit = git.commit().setMessage(message).setNoVerify(true).setSign(Boolean.FALSE);
            if (author != null) {
                commit.setAuthor(author);
            }
            return commit.call().getId().name();
        } catch (GitAPIException | RuntimeException e) {
            unstage(changes);
            throw new KconfigException(patch + ": git commit failed: " + e.getMessage());
        }
    }

    private void unstage(List<FileChange> changes) {
        try {
            ResetCommand reset = git.reset();
            changes.forEach(change -> reset.addPath(change.path()));
            reset.call();
        } catch (GitAPIException | RuntimeException e) {
            // the commit failure is what the user needs to hear about
        }
    }

    boolean tagExists(String tag) {
        try {
            return git.getRepository().exactRef(Constants.R_TAGS + tag) != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An annotated tag, like kernel.org's, so git describe finds it. */
    void tag(String patch, String tag, String commit, String message) {
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            git.tag().setName(tag).setObjectId(walk.parseCommit(ObjectId.fromString(commit))).setAnnotated(true)
                    .setMessage(message).setSigned(false).call();
        } catch (GitAPIException | IOException e) {
            throw new KconfigException(patch + ": cannot tag " + tag + ": " + e.getMessage());
        }
    }

    String head() {
        try {
            ObjectId head = git.getRepository().resolve(Constants.HEAD);
            return head == null ? null : head.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the commit is HEAD or one of its ancestors. */
    boolean inHistory(String commit) {
        Repository repo = git.getRepository();
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId head = repo.resolve(Constants.HEAD);
            ObjectId id = ObjectId.fromString(commit);
            if (head == null || !repo.getObjectDatabase().has(id)) {
                return false;
            }
            return walk.isMergedInto(walk.parseCommit(id), walk.parseCommit(head));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The parent of the top commit, refusing unless the top commit is the one the patch made: anything
     * else means history moved on, and rewriting it is the user's call, not kforge's.
     */
    String parentOfTop(String patch, String commit) {
        String head = head();
        if (!commit.equals(head)) {
            throw new KconfigException(patch + " was applied as commit " + abbreviate(commit) + ", but HEAD is "
                    + (head == null ? "unborn" : abbreviate(head)) + ": kforge only takes back its own top commit;"
                    + " use git revert or git rebase yourself");
        }
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit top = walk.parseCommit(ObjectId.fromString(commit));
            if (top.getParentCount() != 1) {
                throw new KconfigException(patch + ": commit " + abbreviate(commit) + " has "
                        + top.getParentCount() + " parents; kforge takes back only a commit with one");
            }
            return top.getParent(0).name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * HEAD back to parent, the patch's files in the index as parent has them; the work tree was already
     * written. Other files, staged or not, are left alone, unlike git reset --hard.
     */
    void dropTop(String patch, String parent, List<FileChange> changes, String tag, String commit) {
        try {
            git.reset().setMode(ResetCommand.ResetType.SOFT).setRef(parent).call();
            ResetCommand paths = git.reset().setRef(parent);
            changes.forEach(change -> paths.addPath(change.path()));
            if (!changes.isEmpty()) {
                paths.call();
            }
            if (tag != null) {
                Ref ref = git.getRepository().exactRef(Constants.R_TAGS + tag);
                if (ref != null) {
                    Ref peeled = git.getRepository().getRefDatabase().peel(ref);
                    ObjectId target = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId()
                            : ref.getObjectId();
                    if (target.name().equals(commit)) {
                        git.tagDelete().setTags(Constants.R_TAGS + tag).call();
                    }
                }
            }
        } catch (GitAPIException | IOException e) {
            throw new KconfigException(patch + ": git reset failed: " + e.getMessage());
        }
    }

    /**
     * HEAD and the patch's index entries back on {@code commit}, from wherever an interrupted operation left
     * them (a commit made, files staged, HEAD moved to a parent). With {@code dropTags}, tags on the commit
     * being left behind go too: an interrupted apply made them.
     */
    void moveHeadBack(String operation, String commit, List<FileChange> changes, boolean dropTags) {
        String current = head();
        try {
            if (dropTags && current != null && !current.equals(commit)) {
                for (Ref tag : git.tagList().call()) {
                    Ref peeled = git.getRepository().getRefDatabase().peel(tag);
                    ObjectId target = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId()
                            : tag.getObjectId();
                    if (target.name().equals(current)) {
                        git.tagDelete().setTags(tag.getName()).call();
                    }
                }
            }
            git.reset().setMode(ResetCommand.ResetType.SOFT).setRef(commit).call();
            ResetCommand paths = git.reset().setRef(commit);
            changes.forEach(change -> paths.addPath(change.path()));
            if (!changes.isEmpty()) {
                paths.call();
            }
        } catch (GitAPIException | IOException | RuntimeException e) {
            throw new KconfigException(operation + ": cannot put HEAD back on " + abbreviate(commit) + ": "
                    + e.getMessage());
        }
    }

    /** Puts HEAD and the patch's index entries back on commit after a failure halfway through {@link #dropTop}. */
    void restoreHead(String commit, List<FileChange> changes) {
        try {
            git.reset().setMode(ResetCommand.ResetType.SOFT).setRef(commit).call();
            ResetCommand paths = git.reset().setRef(commit);
            changes.forEach(change -> paths.addPath(change.path()));
            if (!changes.isEmpty()) {
                paths.call();
            }
        } catch (GitAPIException | RuntimeException e) {
            // nothing better to do; the original failure is reported
        }
    }

    static String abbreviate(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
