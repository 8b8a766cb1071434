package kforge.runner.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import kforge.kconfig.diag.KconfigException;

/**
 * Saves a board's defconfig (savedefconfig's output, made by the caller) as a commit of that one file.
 *
 * <p>In the tree, the commit goes onto the checked-out branch and the file into the work tree and index;
 * the user's other changes, staged or not, stay as they are and out of the commit. On a configs branch,
 * nothing checked out is touched at all.
 *
 * <p>The commit's author is the user's git identity when they have one configured, else kforge's, unless
 * {@link #setAuthor} names someone.
 */
public final class CommitConfigCommand {
    private final KernelTree tree;
    private ConfigPlace place;
    private String text;
    private String message;
    private PersonIdent author;

    CommitConfigCommand(KernelTree tree) {
        this.tree = tree;
    }

    public CommitConfigCommand setPlace(ConfigPlace place) {
        this.place = place;
        return this;
    }

    /** The defconfig's content, one char per byte (see savedefconfig's output read as ISO-8859-1). */
    public CommitConfigCommand setText(String text) {
        this.text = text;
        return this;
    }

    /** The commit message; by default "&lt;board&gt;: save defconfig". */
    public CommitConfigCommand setMessage(String message) {
        this.message = message;
        return this;
    }

    public CommitConfigCommand setAuthor(PersonIdent author) {
        this.author = author;
        return this;
    }

    /**
     * @throws KconfigException when there is nothing new to save, or saving would overwrite something the user
     *         has not committed (the file's own changes in the tree; the configs branch checked out)
     */
    public ConfigRevision call() {
        if (place == null || text == null) {
            throw new IllegalStateException("setPlace and setText must be called");
        }
        Repository repository = tree.repository();
        PersonIdent who = author != null ? author : GitIdentity.userOrKforge(repository);
        String subject = message != null && !message.isBlank() ? message : place.board() + ": save defconfig";
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId commit = place.isOnConfigsBranch()
                    ? commitOnConfigsBranch(walk, who, subject)
                    : commitInTree(walk, who, subject);
            return ConfigRevision.of(walk.parseCommit(commit));
        } catch (IOException e) {
            throw GitFailure.of("save " + place.describe() + " in " + tree.directory(), e);
        }
    }

    private ObjectId commitOnConfigsBranch(RevWalk walk, PersonIdent who, String subject) throws IOException {
        Repository repository = tree.repository();
        String refName = Constants.R_HEADS + place.branch();
        if (refName.equals(repository.getFullBranch())) {
            throw new KconfigException("cannot save on " + place.branch() + ": it is the branch checked out in "
                    + tree.directory() + ", whose files kforge leaves alone; check out another branch first");
        }
        ObjectId tip = repository.resolve(refName);
        RevCommit parent = tip == null ? null : walk.parseCommit(tip);
        requireChange(parent);
        byte[] content = ConfigFiles.encode(text);
        ObjectId commit = OneFileCommit.insert(repository, parent, place.path(), content, who, subject);
        BranchAdvance.to(repository, refName, parent, commit, who, "kforge config commit: " + subject);
        return commit;
    }

    private ObjectId commitInTree(RevWalk walk, PersonIdent who, String subject) throws IOException {
        Repository repository = tree.repository();
        TreeHead head = tree.head();
        if (head.isDetached()) {
            throw new KconfigException("cannot save " + place.path() + ": " + tree.directory() + " is "
                    + head.describe() + ", so the commit would be on no branch; create a work branch first"
                    + " (kforge tree checkout -b NAME)");
        }
        requireArchitectureDirectory();
        requireNoUncommittedChange();
        RevCommit parent = head.commitId() == null ? null : walk.parseCommit(ObjectId.fromString(head.commitId()));
        requireChange(parent);
        byte[] content = ConfigFiles.encode(text);
        ObjectId commit = OneFileCommit.insert(repository, parent, place.path(), content, who, subject);
        BranchAdvance.to(repository, Constants.R_HEADS + head.branch(), parent, commit, who,
                "kforge config commit: " + subject);
        checkOut(content, commit);
        return commit;
    }

    private void requireArchitectureDirectory() {
        Path archDirectory = tree.directory().resolve(place.path()).getParent().getParent();
        if (!Files.isDirectory(archDirectory)) {
            throw new KconfigException(tree.directory() + " has no " + tree.directory().relativize(archDirectory)
                    + ": is it a kernel tree, and is the architecture right?");
        }
    }

    /** The work tree's file is about to be replaced; only a committed (or absent) one may be. */
    private void requireNoUncommittedChange() {
        Status status;
        try {
            status = tree.git().status().addPath(place.path()).call();
        } catch (GitAPIException e) {
            throw GitFailure.of("read the status of " + place.path() + " in " + tree.directory(), e);
        }
        if (!status.getUncommittedChanges().isEmpty() || !status.getUntracked().isEmpty()) {
            throw new KconfigException("cannot save " + place.path() + " in " + tree.directory()
                    + ": the file has changes that are not committed, which saving would overwrite; commit or"
                    + " remove them first, or save on a configs branch instead");
        }
    }

    private void requireChange(RevCommit parent) throws IOException {
        if (parent == null) {
            return;
        }
        ObjectId current = ConfigFiles.blobAt(tree.repository(), parent, place.path());
        if (current != null && Arrays.equals(tree.repository().open(current).getBytes(), ConfigFiles.encode(text))) {
            throw new KconfigException("nothing to save: " + place.describe() + " already holds this defconfig"
                    + " (commit " + CommitIds.abbreviate(parent.name()) + ")");
        }
    }

    /** Brings the work tree and index up to the new commit for the one file it changed. */
    private void checkOut(byte[] content, ObjectId commit) throws IOException {
        Repository repository = tree.repository();
        Path file = tree.directory().resolve(place.path());
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        BasicFileAttributes written = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        ObjectId blob;
        try (RevWalk walk = new RevWalk(repository)) {
            blob = ConfigFiles.blobAt(repository, walk.parseCommit(commit), place.path());
        }
        DirCache index = repository.lockDirCache();
        try {
            DirCacheEditor editor = index.editor();
            editor.add(new DirCacheEditor.PathEdit(place.path()) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.REGULAR_FILE);
                    entry.setObjectId(blob);
                    entry.setLength(written.size());
                    entry.setLastModified(written.lastModifiedTime().toInstant());
                }
            });
            editor.commit();
        } finally {
            index.unlock();
        }
    }
}
