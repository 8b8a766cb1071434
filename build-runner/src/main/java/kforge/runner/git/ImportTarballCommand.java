package kforge.runner.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.env.KernelVersion;

/**
 * Makes a git tree from a kernel source tarball (linux-6.1.158.tar.xz, Debian's linux-source-6.1.tar.xz, .gz,
 * .bz2 or plain): the tarball's one top directory is stripped, its files become the first commit, and that
 * commit is tagged v&lt;KERNELVERSION&gt; as read from the top Makefile.
 *
 * <p>The tarball is read once: each file is written to the work tree and its blob inserted as it streams
 * past, and the index is built from those entries, so no file is read back and hashed again.
 *
 * <p>Progress is one task over the tarball's compressed bytes (in KiB), then a short one for the commit;
 * {@link ProgressMonitor#isCancelled()} is checked for each file. A cancelled or failed import leaves the
 * directory as it was (absent, or empty).
 */
public final class ImportTarballCommand {
    private static final String DEFAULT_BRANCH = "master";
    /** Objects written, index written, tagged. */
    private static final int COMMIT_STEPS = 3;

    private final Path tarball;
    private Path directory;
    private ProgressMonitor progress = NullProgressMonitor.INSTANCE;
    private PersonIdent author;
    private String branch = DEFAULT_BRANCH;

    ImportTarballCommand(Path tarball) {
        this.tarball = tarball;
    }

    /** The new tree's top; it must not exist or be empty. */
    public ImportTarballCommand setDirectory(Path directory) {
        this.directory = directory;
        return this;
    }

    public ImportTarballCommand setProgress(ProgressMonitor progress) {
        this.progress = progress;
        return this;
    }

    /** Author and committer of the commit and tagger of the tag; by default "kforge &lt;kforge@localhost&gt;". */
    public ImportTarballCommand setAuthor(PersonIdent author) {
        this.author = author;
        return this;
    }

    /** The branch the commit starts; "master" unless set, as on kernel.org. */
    public ImportTarballCommand setBranch(String branch) {
        this.branch = branch;
        return this;
    }

    /**
     * @throws KconfigException when the tarball cannot be read or is not one kernel tree in one top directory
     * @throws CancellationException when the progress monitor cancelled the import
     */
    public ImportedTree call() {
        if (!Files.isRegularFile(tarball)) {
            throw new KconfigException(tarball + ": no such file");
        }
        if (!Repository.isValidRefName(Constants.R_HEADS + branch)) {
            throw new KconfigException("'" + branch + "' is not a valid branch name");
        }
        TargetDirectory target = TargetDirectory.claim(directory);
        try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch(branch).call()) {
            return importInto(git.getRepository());
        } catch (GitAPIException e) {
            target.restore();
            throw GitFailure.of("create a git repository in " + directory, e);
        } catch (IOException e) {
            target.restore();
            throw GitFailure.of("import " + tarball + " into " + directory, e);
        } catch (RuntimeException e) {
            target.restore();
            throw e;
        }
    }

    private ImportedTree importInto(Repository repository) throws IOException, GitAPIException {
        PersonIdent who = author != null ? author : GitIdentity.kforge();
        String tarballName = tarball.getFileName().toString();
        try (ObjectInserter inserter = BulkInserter.open(repository)) {
            List<DirCacheEntry> entries;
            try (TarballTreeWriter writer = new TarballTreeWriter(directory, inserter, tarballName)) {
                readTarball(writer);
                entries = writer.entries();
            }
            String version = kernelVersion(tarballName);
            progress.beginTask("Committing " + entries.size() + " files", COMMIT_STEPS);
            ObjectId commit = commit(repository, inserter, entries, who,
                    "Linux " + version + "\n\nImported by kforge from " + tarballName + ".\n");
            BranchAdvance.to(repository, Constants.R_HEADS + branch, null, commit, who,
                    "kforge tree import: " + tarballName);
            String tag = tag(repository, commit, version, who, tarballName);
            progress.update(1);
            progress.endTask();
            return new ImportedTree(directory, branch, commit.name(), version, tag, entries.size());
        }
    }

    private void readTarball(TarballTreeWriter writer) throws IOException {
        try (TarballStream stream = TarballStream.open(tarball);
             TarArchiveInputStream tar = new TarArchiveInputStream(stream.tar())) {
            progress.beginTask("Importing " + tarball.getFileName() + " (KiB)", kib(stream.size()));
            int reported = 0;
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (progress.isCancelled()) {
                    throw new CancellationException("importing " + tarball + " was cancelled; " + directory
                            + " was removed");
                }
                // commons-compress reads a header whatever its checksum says; tar skips it and fails.
                if (!entry.isCheckSumOK()) {
                    throw new KconfigException(tarball + ": the tar header of " + entry.getName()
                            + " is damaged (its checksum does not match)");
                }
                writer.write(entry, tar);
                int read = kib(stream.consumed());
                if (read > reported) {
                    progress.update(read - reported);
                    reported = read;
                }
            }
            stream.finish();
            writer.finish();
            progress.update(kib(stream.size()) - reported);
            progress.endTask();
        }
        if (writer.topDirectory() == null) {
            throw new KconfigException(tarball + ": holds no files");
        }
    }

    private static int kib(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + 1023) / 1024);
    }

    private String kernelVersion(String tarballName) {
        Path makefile = directory.resolve("Makefile");
        if (!Files.isRegularFile(makefile)) {
            throw new KconfigException(tarballName + " has no top Makefile: not a kernel source tarball");
        }
        try {
            return KernelVersion.read(makefile).kernelVersion();
        } catch (KconfigException e) {
            // The Makefile is removed with the rest of the import, so the error names it inside the tarball.
            throw new KconfigException(tarballName + ": " + e.getMessage().replace(directory.toString() + "/", ""));
        }
    }

    /** Writes the index (with the files' stat data) and the commit of exactly its content. */
    private ObjectId commit(Repository repository, ObjectInserter inserter, List<DirCacheEntry> entries,
                                   PersonIdent who, String message) throws IOException {
        DirCache index = repository.lockDirCache();
        try {
            DirCacheBuilder builder = index.builder();
            entries.forEach(builder::add);
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            progress.update(1);
            index.write();
            index.commit();
            progress.update(1);
            return id;
        } finally {
            index.unlock();
        }
    }

    private static String tag(Repository repository, ObjectId commit, String version, PersonIdent who,
                              String tarballName) throws IOException, GitAPIException {
        String tag = "v" + version;
        if (!Repository.isValidRefName(Constants.R_TAGS + tag)) {
            throw new KconfigException(tarballName + ": its Makefile's version, '" + version
                    + "', cannot be a git tag name");
        }
        try (RevWalk walk = new RevWalk(repository)) {
            Git.wrap(repository).tag().setName(tag).setObjectId(walk.parseCommit(commit)).setAnnotated(true)
                    .setTagger(who).setMessage("Linux " + version + "\n").call();
        }
        return tag;
    }
}
