package kforge.runner.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.runner.compress.TestCompression;
import kforge.kconfig.diag.KconfigException;

class ImportTarballCommandTest {
    @TempDir
    Path temp;

    @Test
    void aGzipTarballBecomesOneCommitTaggedWithTheMakefilesVersion() throws Exception {
        Path tarball = TestTarball.kernel("linux-6.1.7").writeTo(temp.resolve("linux-6.1.7.tar.gz"));
        Path tree = temp.resolve("tree");
        RecordingMonitor progress = new RecordingMonitor();

        ImportedTree imported = KernelTrees.importTarball(tarball).setDirectory(tree).setProgress(progress).call();

        assertEquals("6.1.7-kf", imported.kernelVersion());
        assertEquals("v6.1.7-kf", imported.tag());
        assertEquals("master", imported.branch());
        assertEquals(8, imported.files());
        assertEquals(List.of("Importing linux-6.1.7.tar.gz (KiB)", "Committing 8 files"), progress.tasks);
        try (Git git = Git.open(tree.toFile())) {
            Repository repository = git.getRepository();
            assertEquals("refs/heads/master", repository.getFullBranch());
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit commit = walk.parseCommit(repository.resolve(Constants.HEAD));
                assertEquals(imported.commitId(), commit.name());
                assertEquals(0, commit.getParentCount());
                assertEquals("Linux 6.1.7-kf", commit.getShortMessage());
                assertEquals("kforge", commit.getAuthorIdent().getName());
                assertEquals("kforge@localhost", commit.getCommitterIdent().getEmailAddress());
                Ref tag = repository.exactRef("refs/tags/v6.1.7-kf");
                RevTag annotated = walk.parseTag(tag.getObjectId());
                assertEquals(commit, annotated.getObject());
                assertEquals(Map.of(
                        "Makefile", FileMode.REGULAR_FILE,
                        "README", FileMode.REGULAR_FILE,
                        "arch/arm/Kconfig", FileMode.REGULAR_FILE,
                        "arch/arm/configs/versatile_defconfig", FileMode.REGULAR_FILE,
                        "arch/x86/Kconfig", FileMode.REGULAR_FILE,
                        "include/dt-bindings/input", FileMode.SYMLINK,
                        "init/main.c", FileMode.REGULAR_FILE,
                        "scripts/setlocalversion", FileMode.EXECUTABLE_FILE), modes(repository, commit));
                assertEquals("../../arch/arm/Kconfig", blobText(repository, commit, "include/dt-bindings/input"));
                assertEquals("int main(void) { return 0; }\n", blobText(repository, commit, "init/main.c"));
            }
        }
        assertEquals("int main(void) { return 0; }\n", Files.readString(tree.resolve("init/main.c")));
        assertTrue(Files.isExecutable(tree.resolve("scripts/setlocalversion")));
        assertFalse(Files.isExecutable(tree.resolve("README")));
        assertTrue(Files.isSymbolicLink(tree.resolve("include/dt-bindings/input")));
        assertEquals(Path.of("../../arch/arm/Kconfig"),
                Files.readSymbolicLink(tree.resolve("include/dt-bindings/input")));
        assertEquals("config ARM\n\tdef_bool y\n", Files.readString(tree.resolve("include/dt-bindings/input")));
        assertFalse(Files.exists(tree.resolve("linux-6.1.7")));
        try (KernelTree opened = KernelTrees.open(tree)) {
            assertTrue(opened.status().isClean(), opened.status().toString());
            assertEquals(new TreeHead("master", imported.commitId()), opened.head());
            assertEquals(List.of("v6.1.7-kf"), opened.tags().stream().map(TreeRef::name).toList());
        }
    }

    @Test
    void theGitProgramReadsTheImportAsCleanAndSound() throws Exception {
        assumeTrue(GitProgram.installed(), "git is not installed");
        Path tarball = TestTarball.kernel("linux-6.1.7").writeTo(temp.resolve("linux-6.1.7.tar.gz"));
        Path tree = temp.resolve("tree");

        KernelTrees.importTarball(tarball).setDirectory(tree).call();

        GitProgram.run(tree, "fsck", "--strict", "--no-dangling");
        assertEquals("", GitProgram.run(tree, "status", "--porcelain"));
        assertEquals("v6.1.7-kf\n", GitProgram.run(tree, "describe", "--exact-match", "HEAD"));
        assertTrue(GitProgram.run(tree, "ls-files", "-s", "scripts/setlocalversion").startsWith("100755 "));
        assertTrue(GitProgram.run(tree, "ls-files", "-s", "include/dt-bindings/input").startsWith("120000 "));
    }

    @Test
    void anXzTarballLikeDebiansImportsThroughTheXzProgram() throws Exception {
        assumeTrue(TestCompression.xzInstalled(), "xz is not installed");
        Path tarball = TestTarball.kernel("linux-source-6.1").writeTo(temp.resolve("linux-source-6.1.tar.xz"));
        Path tree = temp.resolve("tree");

        ImportedTree imported = KernelTrees.importTarball(tarball).setDirectory(tree).call();

        assertEquals("v6.1.7-kf", imported.tag());
        assertEquals("Linux kernel\n", Files.readString(tree.resolve("README")));
        assertTrue(Files.isExecutable(tree.resolve("scripts/setlocalversion")));
    }

    @Test
    void aBzip2TarballWithAHardLinkImportsTheLinkAsACopy() throws Exception {
        Path tarball = TestTarball.kernel("linux-6.1.7").hardLink("COPYING", "README")
                .writeTo(temp.resolve("linux-6.1.7.tar.bz2"));
        Path tree = temp.resolve("tree");

        ImportedTree imported = KernelTrees.importTarball(tarball).setDirectory(tree).call();

        assertEquals(9, imported.files());
        assertEquals("Linux kernel\n", Files.readString(tree.resolve("COPYING")));
        try (KernelTree opened = KernelTrees.open(tree)) {
            assertTrue(opened.status().isClean());
        }
    }

    @Test
    void aKernelOrgTarballWithGitArchivesPaxHeaderImports() throws Exception {
        Path tarball = TestTarball.kernel("linux-6.1.7").gitArchiveHeader("0123456789abcdef0123456789abcdef01234567")
                .writeTo(temp.resolve("linux-6.1.7.tar.gz"));
        Path tree = temp.resolve("tree");

        ImportedTree imported = KernelTrees.importTarball(tarball).setDirectory(tree).call();

        assertEquals(8, imported.files());
        assertFalse(Files.exists(tree.resolve("pax_global_header")));
    }

    @Test
    void theAuthorAndBranchCanBeChosen() throws Exception {
        Path tarball = TestTarball.kernel("linux-6.1.7").writeTo(temp.resolve("linux-6.1.7.tar"));
        Path tree = temp.resolve("tree");

        KernelTrees.importTarball(tarball).setDirectory(tree).setBranch("stable")
                .setAuthor(new PersonIdent("Ada", "ada@example.org")).call();

        try (Git git = Git.open(tree.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit commit = walk.parseCommit(git.getRepository().resolve("refs/heads/stable"));
            assertEquals("Ada", commit.getAuthorIdent().getName());
            assertEquals("ada@example.org", commit.getCommitterIdent().getEmailAddress());
            assertEquals("refs/heads/stable", git.getRepository().getFullBranch());
        }
    }

    @Test
    void aNonEmptyDirectoryIsRefusedAndLeftAlone() throws Exception {
        Path tarball = TestTarball.kernel("linux-6.1.7").writeTo(temp.resolve("linux-6.1.7.tar.gz"));
        Path tree = Files.createDirectories(temp.resolve("tree"));
        Files.writeString(tree.resolve("notes.txt"), "mine");

        KconfigException fault = assertThrows(KconfigException.class,
                () -> KernelTrees.importTarball(tarball).setDirectory(tree).call());

        assertTrue(fault.getMessage().contains(tree + " already exists"), fault.getMessage());
        assertEquals("mine", Files.readString(tree.resolve("notes.txt")));
        assertFalse(Files.exists(tree.resolve(".git")));
    }

    @Test
    void aTarballWithTwoTopDirectoriesIsRefusedAndLeavesNothing() throws Exception {
        Path tarball = TestTarball.withTop("").file("linux-6.1/Makefile", "VERSION = 6\n")
                .file("extra/README", "x\n").writeTo(temp.resolve("linux-6.1.tar.gz"));
        Path tree = temp.resolve("tree");

        KconfigException fault = assertThrows(KconfigException.class,
                () -> KernelTrees.importTarball(tarball).setDirectory(tree).call());

        assertTrue(fault.getMessage().contains("more than one top directory (linux-6.1/ and extra)"),
                fault.getMessage());
        assertFalse(Files.exists(tree));
    }

    @Test
    void aTarballWithoutATopMakefileIsNotAKernel() throws Exception {
        Path tarball = TestTarball.withTop("busybox-1.36").file("README", "x\n")
                .writeTo(temp.resolve("busybox.tar.gz"));
        Path tree = Files.createDirectories(temp.resolve("tree"));

        KconfigException fault = assertThrows(KconfigException.class,
                () -> KernelTrees.importTarball(tarball).setDirectory(tree).call());

        assertEquals("busybox.tar.gz has no top Makefile: not a kernel source tarball", fault.getMessage());
        assertTrue(Files.isDirectory(tree), "an empty directory the user gave stays");
        try (var left = Files.list(tree)) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aFileBelowASymlinkIsRefused() throws Exception {
        Path tarball = TestTarball.kernel("linux-6.1.7").symlink("escape", "/tmp").file("escape/owned", "x\n")
                .writeTo(temp.resolve("linux-6.1.7.tar.gz"));
        Path tree = temp.resolve("tree");

        KconfigException fault = assertThrows(KconfigException.class,
                () -> KernelTrees.importTarball(tarball).setDirectory(tree).call());

        assertTrue(fault.getMessage().contains("below the symlink escape"), fault.getMessage());
        assertFalse(Files.exists(Path.of("/tmp/owned")));
        assertFalse(Files.exists(tree));
    }

    @Test
    void aGitDirectoryInTheTarballIsRefused() throws Exception {
        Path tarball = TestTarball.kernel("linux-6.1.7").file(".git/config", "[core]\n")
                .writeTo(temp.resolve("linux-6.1.7.tar.gz"));
        Path tree = temp.resolve("tree");

        KconfigException fault = assertThrows(KconfigException.class,
                () -> KernelTrees.importTarball(tarball).setDirectory(tree).call());

        assertTrue(fault.getMessage().contains("linux-6.1.7/.git/config, a path git cannot hold safely"),
                fault.getMessage());
        assertFalse(Files.exists(tree));
    }

    @Test
    void aCorruptTarballIsReportedByName() throws Exception {
        Path tarball = Files.write(temp.resolve("linux-6.1.tar.gz"), new byte[] {0x1F, (byte) 0x8B, 8, 0, 1, 2, 3});
        Path tree = temp.resolve("tree");

        KconfigException fault = assertThrows(KconfigException.class,
                () -> KernelTrees.importTarball(tarball).setDirectory(tree).call());

        assertTrue(fault.getMessage().startsWith("cannot import " + tarball + " into " + tree), fault.getMessage());
        assertFalse(Files.exists(tree));
    }

    @Test
    void aCorruptXzTarballIsReportedByNameWithXzsMessage() throws Exception {
        assumeTrue(TestCompression.xzInstalled(), "xz is not installed");
        byte[] good = Files.readAllBytes(TestTarball.kernel("linux-6.1").writeTo(temp.resolve("good.tar.xz")));
        Path tarball = Files.write(temp.resolve("linux-6.1.tar.xz"), java.util.Arrays.copyOf(good, 200));
        Path tree = temp.resolve("tree");

        KconfigException fault = assertThrows(KconfigException.class,
                () -> KernelTrees.importTarball(tarball).setDirectory(tree).call());

        assertTrue(fault.getMessage().startsWith("cannot read " + tarball + ": xz exited with status 1: xz: "),
                fault.getMessage());
        assertFalse(Files.exists(tree));
    }

    @Test
    void aMissingTarballIsNamed() {
        Path tarball = temp.resolve("linux-9.9.tar.xz");

        KconfigException fault = assertThrows(KconfigException.class,
                () -> KernelTrees.importTarball(tarball).setDirectory(temp.resolve("tree")).call());

        assertEquals(tarball + ": no such file", fault.getMessage());
    }

    @Test
    void cancellingStopsTheImportAndRemovesTheTree() throws Exception {
        TestTarball big = TestTarball.kernel("linux-6.1.7");
        for (int i = 0; i < 200; i++) {
            big.file("drivers/misc/file" + i + ".c", "int x" + i + ";\n".repeat(1000));
        }
        Path tarball = big.writeTo(temp.resolve("linux-6.1.7.tar.gz"));
        Path tree = temp.resolve("tree");
        RecordingMonitor progress = new RecordingMonitor(monitor -> !monitor.tasks.isEmpty());

        assertThrows(CancellationException.class,
                () -> KernelTrees.importTarball(tarball).setDirectory(tree).setProgress(progress).call());

        assertFalse(Files.exists(tree));
    }

    private static Map<String, FileMode> modes(Repository repository, RevCommit commit) throws Exception {
        Map<String, FileMode> modes = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                modes.put(walk.getPathString(), walk.getFileMode(0));
            }
        }
        return modes;
    }

    private static String blobText(Repository repository, RevCommit commit, String path) throws Exception {
        try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
            ObjectId blob = walk.getObjectId(0);
            return new String(repository.open(blob).getBytes(), StandardCharsets.UTF_8);
        }
    }
}
