package kforge.runner.git;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.util.FS;

import kforge.kconfig.diag.KconfigException;

/**
 * Clones a kernel repository, from a URL or a local path, with JGit alone (no git program needed).
 * The progress monitor hears JGit's own tasks (counting, receiving, resolving, checking out) and its
 * {@link ProgressMonitor#isCancelled()} stops the clone; a stopped or failed clone leaves no directory behind.
 */
public final class CloneTreeCommand {
    private final String source;
    private Path directory;
    private ProgressMonitor progress = NullProgressMonitor.INSTANCE;
    private String branch;
    private int depth;

    CloneTreeCommand(String source) {
        this.source = source;
    }

    /** Where the clone goes; it must not exist or be empty. */
    public CloneTreeCommand setDirectory(Path directory) {
        this.directory = directory;
        return this;
    }

    public CloneTreeCommand setProgress(ProgressMonitor progress) {
        this.progress = progress;
        return this;
    }

    /** The branch or tag to check out instead of the remote's default branch. */
    public CloneTreeCommand setBranch(String branch) {
        this.branch = branch;
        return this;
    }

    /** Only this many recent commits (0: all); a kernel's full history is several gigabytes. */
    public CloneTreeCommand setDepth(int depth) {
        this.depth = depth;
        return this;
    }

    /**
     * @throws CancellationException when the progress monitor cancelled it
     * @throws KconfigException when the source cannot be cloned
     */
    public KernelTree call() {
        TargetDirectory target = TargetDirectory.claim(directory);
        CloneCommand clone = Git.cloneRepository().setURI(uri()).setDirectory(directory.toFile())
                .setProgressMonitor(progress);
        if (branch != null) {
            clone.setBranch(branch);
        }
        if (depth > 0) {
            clone.setDepth(depth);
        }
        Git git;
        try {
            git = clone.call();
        } catch (GitAPIException | JGitInternalException e) {
            target.restore();
            if (progress.isCancelled()) {
                throw cancelled();
            }
            throw GitFailure.of("clone " + source + " into " + directory, e);
        }
        if (progress.isCancelled()) {
            // JGit may notice only after its last step; the tree may still be incomplete.
            git.close();
            target.restore();
            throw cancelled();
        }
        return new KernelTree(git, false);  // a cloned Git closes its repository itself
    }

    /** A local path as JGit wants it (absolute), checked here so its error can say what is wrong. */
    private String uri() {
        Path local = localPath();
        if (local == null) {
            return source;
        }
        File gitDir = RepositoryCache.FileKey.resolve(local.toFile(), FS.DETECTED);
        if (gitDir == null) {
            throw new KconfigException("cannot clone " + source + ": it is not a git repository");
        }
        return local.toAbsolutePath().normalize().toString();
    }

    private Path localPath() {
        if (source.contains("://") || source.matches("[^/:]+:.*")) {
            return null;  // a URL, or scp-like [user@]host:path
        }
        Path path = Path.of(source);
        if (!Files.exists(path)) {
            throw new KconfigException("cannot clone " + source + ": no such directory (and not a URL)");
        }
        return path;
    }

    private CancellationException cancelled() {
        return new CancellationException("cloning " + source + " was cancelled; " + directory + " was removed");
    }
}
