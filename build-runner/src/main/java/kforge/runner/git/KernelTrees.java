package kforge.runner.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import kforge.kconfig.diag.KconfigException;

/**
 * Where kernel trees in git come from: an existing work tree, a clone, or a source tarball. Each entry point
 * returns a command object to configure and {@code call()}, as JGit's porcelain does.
 */
public final class KernelTrees {
    private KernelTrees() {
    }

    /**
     * The git tree whose top directory is {@code directory}. It is not searched for upwards, so a tree
     * nested in another repository is never mistaken for that repository.
     */
    public static KernelTree open(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new KconfigException(directory + ": no such directory");
        }
        if (!Files.exists(directory.resolve(Constants.DOT_GIT))) {
            throw new KconfigException(directory + " is not a git tree (it has no .git); make one with"
                    + " 'kforge tree import TARBALL DIR' or 'kforge tree clone URL DIR'");
        }
        try {
            // .git may also be a file naming the repository, as in a submodule.
            Repository repository = new FileRepositoryBuilder().setWorkTree(directory.toFile()).setMustExist(true)
                    .build();
            return new KernelTree(Git.wrap(repository), true);
        } catch (IOException e) {
            throw new KconfigException("cannot open the git tree " + directory + ": " + e.getMessage());
        }
    }

    /** A clone of the repository at a URL (https, ssh, git, file) or a local path. */
    public static CloneTreeCommand cloneFrom(String urlOrPath) {
        return new CloneTreeCommand(urlOrPath);
    }

    /** A new repository holding a kernel source tarball's files as its first commit, tagged with the version. */
    public static ImportTarballCommand importTarball(Path tarball) {
        return new ImportTarballCommand(tarball);
    }
}
