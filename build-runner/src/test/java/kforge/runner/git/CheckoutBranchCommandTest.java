package kforge.runner.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.diag.KconfigException;

class CheckoutBranchCommandTest {
    @TempDir
    Path temp;

    @Test
    void aCleanTreeSwitchesBranchesAndItsFilesFollow() throws Exception {
        Path tree = SmallTree.imported(temp);
        SmallTree.branchWithChange(tree, "work", "README", "changed\n");

        try (KernelTree opened = KernelTrees.open(tree)) {
            TreeHead head = opened.checkout().setName("work").call();

            assertEquals("work", head.branch());
            assertEquals("changed\n", Files.readString(tree.resolve("README")));
            opened.checkout().setName("master").call();
            assertEquals("Linux kernel\n", Files.readString(tree.resolve("README")));
            assertTrue(opened.status().isClean());
        }
    }

    @Test
    void uncommittedChangesMakeCheckoutRefuseAndStayPut() throws Exception {
        Path tree = SmallTree.imported(temp);
        SmallTree.branchWithChange(tree, "work", "README", "changed\n");
        Files.writeString(tree.resolve("init/main.c"), "my edit\n");

        try (KernelTree opened = KernelTrees.open(tree)) {
            KconfigException fault = assertThrows(KconfigException.class,
                    () -> opened.checkout().setName("work").call());

            assertEquals("cannot check out work: " + tree + " has uncommitted changes in 1 file: init/main.c."
                    + " Commit them or set them aside first; nothing was changed.", fault.getMessage());
            assertEquals("my edit\n", Files.readString(tree.resolve("init/main.c")));
            assertEquals("Linux kernel\n", Files.readString(tree.resolve("README")));
            assertEquals("master", opened.head().branch());
        }
    }

    @Test
    void aRefusalNamesTenFilesAndCountsTheRest() throws Exception {
        Path tree = SmallTree.imported(temp);
        SmallTree.branchWithChange(tree, "work", "README", "changed\n");
        for (int i = 0; i < 13; i++) {
            Path file = tree.resolve("drivers/f" + (char) ('a' + i) + ".c");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "new\n");
        }
        try (Git git = Git.open(tree.toFile())) {
            git.add().addFilepattern("drivers").call();
        }

        try (KernelTree opened = KernelTrees.open(tree)) {
            KconfigException fault = assertThrows(KconfigException.class,
                    () -> opened.checkout().setName("work").call());

            assertTrue(fault.getMessage().contains("uncommitted changes in 13 files: drivers/fa.c, drivers/fb.c,"),
                    fault.getMessage());
            assertTrue(fault.getMessage().contains("drivers/fj.c and 3 more."), fault.getMessage());
            assertEquals("master", opened.head().branch());
        }
    }

    @Test
    void aTagIsCheckedOutDetached() throws Exception {
        Path tree = SmallTree.imported(temp);
        SmallTree.branchWithChange(tree, "work", "README", "changed\n");

        try (KernelTree opened = KernelTrees.open(tree)) {
            opened.checkout().setName("work").call();
            TreeHead head = opened.checkout().setName("v6.1.7-kf").call();

            assertNull(head.branch());
            assertTrue(head.isDetached());
            assertEquals("Linux kernel\n", Files.readString(tree.resolve("README")));
        }
    }

    @Test
    void aWorkBranchIsCreatedFromATag() throws Exception {
        Path tree = SmallTree.imported(temp);
        SmallTree.branchWithChange(tree, "work", "README", "changed\n");

        try (KernelTree opened = KernelTrees.open(tree)) {
            opened.checkout().setName("work").call();
            TreeHead head = opened.checkout().setCreateBranch(true).setName("fix").setStartPoint("v6.1.7-kf").call();

            assertEquals("fix", head.branch());
            assertEquals(opened.tags().get(0).commitId(), head.commitId());
            assertEquals("Linux kernel\n", Files.readString(tree.resolve("README")));
        }
    }

    @Test
    void aWorkBranchAtTheCheckedOutCommitTakesUncommittedChangesAlong() throws Exception {
        Path tree = SmallTree.imported(temp);
        Files.writeString(tree.resolve("init/main.c"), "my edit\n");

        try (KernelTree opened = KernelTrees.open(tree)) {
            TreeHead head = opened.checkout().setCreateBranch(true).setName("fix").call();

            assertEquals("fix", head.branch());
            assertEquals("my edit\n", Files.readString(tree.resolve("init/main.c")));
            assertEquals(List.of("init/main.c"), opened.status().modified());
        }
    }

    @Test
    void aWorkBranchElsewhereIsRefusedOnADirtyTree() throws Exception {
        Path tree = SmallTree.imported(temp);
        SmallTree.branchWithChange(tree, "work", "README", "changed\n");
        Files.writeString(tree.resolve("init/main.c"), "my edit\n");

        try (KernelTree opened = KernelTrees.open(tree)) {
            KconfigException fault = assertThrows(KconfigException.class,
                    () -> opened.checkout().setCreateBranch(true).setName("fix").setStartPoint("work").call());

            assertTrue(fault.getMessage().startsWith("cannot create fix from work: "), fault.getMessage());
            assertEquals("master", opened.head().branch());
            assertTrue(opened.branches().stream().noneMatch(ref -> ref.name().equals("fix")));
        }
    }

    @Test
    void anUntrackedFileTheTargetWouldOverwriteStopsTheCheckout() throws Exception {
        Path tree = SmallTree.imported(temp);
        try (Git git = Git.open(tree.toFile())) {
            git.checkout().setCreateBranch(true).setName("work").call();
            Files.writeString(tree.resolve("NEWS"), "committed\n");
            git.add().addFilepattern("NEWS").call();
            git.commit().setMessage("news").setAuthor(SmallTree.TESTER).setCommitter(SmallTree.TESTER).call();
            git.checkout().setName("master").call();
        }
        Files.writeString(tree.resolve("NEWS"), "my own, untracked\n");

        try (KernelTree opened = KernelTrees.open(tree)) {
            KconfigException fault = assertThrows(KconfigException.class,
                    () -> opened.checkout().setName("work").call());

            assertTrue(fault.getMessage().contains("it would overwrite NEWS"), fault.getMessage());
            assertEquals("my own, untracked\n", Files.readString(tree.resolve("NEWS")));
            assertEquals("master", opened.head().branch());
        }
    }

    @Test
    void unknownNamesAndTakenBranchNamesAreRefused() throws Exception {
        Path tree = SmallTree.imported(temp);

        try (KernelTree opened = KernelTrees.open(tree)) {
            KconfigException unknown = assertThrows(KconfigException.class,
                    () -> opened.checkout().setName("v9.9").call());
            KconfigException taken = assertThrows(KconfigException.class,
                    () -> opened.checkout().setCreateBranch(true).setName("master").call());

            assertEquals("unknown revision 'v9.9' in " + tree + ": not a branch, tag or commit id",
                    unknown.getMessage());
            assertEquals("a branch named 'master' already exists in " + tree, taken.getMessage());
        }
    }
}
