package kforge.runner.git;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/** A small kernel tree in git, made the way users make one: imported from a tarball. */
final class SmallTree {
    static final PersonIdent TESTER = new PersonIdent("Tester", "tester@example.org");

    private SmallTree() {
    }

    /** Imports {@link TestTarball#kernel} into temp/tree; its commit is tagged v6.1.7-kf on master. */
    static Path imported(Path temp) throws Exception {
        Path tarball = TestTarball.kernel("linux-6.1.7").writeTo(temp.resolve("linux-6.1.7.tar.gz"));
        Path tree = temp.resolve("tree");
        KernelTrees.importTarball(tarball).setDirectory(tree).call();
        return tree;
    }

    /** Adds a commit changing one file on a new branch, and checks out master again (with JGit alone). */
    static void branchWithChange(Path tree, String branch, String path, String content) throws Exception {
        try (Git git = Git.open(tree.toFile())) {
            git.checkout().setCreateBranch(true).setName(branch).call();
            Files.writeString(tree.resolve(path), content);
            git.add().addFilepattern(path).call();
            git.commit().setMessage("change " + path).setAuthor(TESTER).setCommitter(TESTER).call();
            git.checkout().setName("master").call();
        }
    }
}
