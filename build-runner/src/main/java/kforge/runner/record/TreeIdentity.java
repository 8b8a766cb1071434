package kforge.runner.record;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
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

    /** HEAD's commit id, or null when the tree is not in a git repository (a tarball) or has no commit yet. */
    static String gitHead(Path tree) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(tree.toFile());
        if (builder.getGitDir() == null) {
            return null;
        }
        try (Repository repository = builder.build()) {
            ObjectId head = repository.resolve("HEAD");
            return head == null ? null : head.name();
        } catch (IOException e) {
            return null;
        }
    }
}
