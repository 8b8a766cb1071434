package kforge.runner.record;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import kforge.kconfig.env.KernelVersion;

/** Which source a build used: the tree's path, its kernel version, and its git HEAD when it is a work tree. */
public final class TreeIdentity {

    private TreeIdentity() {
    }

    public static BuildRecord.Tree of(Path tree) {
        Path absolute = tree.toAbsolutePath().normalize();
        String version = KernelVersion.read(absolute.resolve("Makefile")).kernelVersion();
        return new BuildRecord.Tree(absolute.toString(), version, gitHead(absolute));
    }

    /** The commit checked out, and when it was committed. */
    public record Head(String id, Instant commitTime) {
    }

    /** HEAD's commit id, or null when the tree is not in a git repository (a tarball) or has no commit yet. */
    static String gitHead(Path tree) {
        return head(tree).map(Head::id).orElse(null);
    }

    /** HEAD's commit, or empty when the tree is not in a git repository (a tarball) or has no commit yet. */
    public static Optional<Head> head(Path tree) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(tree.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repository = builder.build(); RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve("HEAD");
            if (head == null) {
                return Optional.empty();
            }
            RevCommit commit = walk.parseCommit(head);
            return Optional.of(new Head(head.name(), Instant.ofEpochSecond(commit.getCommitTime())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
