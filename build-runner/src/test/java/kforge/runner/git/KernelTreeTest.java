package kforge.runner.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.diag.KconfigException;

class KernelTreeTest {
    @TempDir
    Path temp;

    @Test
    void statusNamesModifiedAddedRemovedAndUntrackedFiles() throws Exception {
        Path tree = SmallTree.imported(temp);
        Files.writeString(tree.resolve("init/main.c"), "int main(void) { return 1; }\n");
        Files.delete(tree.resolve("README"));
        Files.writeString(tree.resolve("init/new.c"), "staged\n");
        Files.writeString(tree.resolve("notes.txt"), "untracked\n");
        try (Git git = Git.open(tree.toFile())) {
            git.add().addFilepattern("init/new.c").call();
        }

        try (KernelTree opened = KernelTrees.open(tree)) {
            WorkTreeStatus status = opened.status();

            assertEquals(List.of("init/main.c"), status.modified());
            assertEquals(List.of("init/new.c"), status.added());
            assertEquals(List.of("README"), status.removed());
            assertEquals(List.of("notes.txt"), status.untracked());
            assertEquals(List.of(), status.conflicting());
            assertEquals(List.of("README", "init/main.c", "init/new.c"), status.uncommitted());
            assertTrue(status.hasUncommittedChanges());
        }
    }

    @Test
    void untrackedFilesAloneAreNotUncommittedChanges() throws Exception {
        Path tree = SmallTree.imported(temp);
        Files.writeString(tree.resolve("notes.txt"), "untracked\n");

        try (KernelTree opened = KernelTrees.open(tree)) {
            WorkTreeStatus status = opened.status();

            assertFalse(status.hasUncommittedChanges());
            assertFalse(status.isClean());
        }
    }

    @Test
    void branchesAndTagsAreListedWithTheirCommits() throws Exception {
        Path tree = SmallTree.imported(temp);
        SmallTree.branchWithChange(tree, "work", "README", "changed\n");

        try (KernelTree opened = KernelTrees.open(tree)) {
            List<TreeRef> branches = opened.branches();
            List<TreeRef> tags = opened.tags();

            assertEquals(List.of("master", "work"), branches.stream().map(TreeRef::name).toList());
            assertTrue(branches.get(0).current());
            assertFalse(branches.get(1).current());
            assertEquals("change README", branches.get(1).subject());
            assertEquals(List.of("v6.1.7-kf"), tags.stream().map(TreeRef::name).toList());
            assertEquals(branches.get(0).commitId(), tags.get(0).commitId());
            assertEquals("Linux 6.1.7-kf", tags.get(0).subject());
            assertEquals(12, tags.get(0).shortId().length());
        }
    }

    @Test
    void openingADirectoryWithoutGitSaysHowToMakeATree() throws Exception {
        Path plain = Files.createDirectories(temp.resolve("plain"));

        KconfigException fault = assertThrows(KconfigException.class, () -> KernelTrees.open(plain));

        assertTrue(fault.getMessage().startsWith(plain + " is not a git tree (it has no .git)"), fault.getMessage());
        assertThrows(KconfigException.class, () -> KernelTrees.open(temp.resolve("absent")));
    }

    @Test
    void aSubdirectoryOfATreeIsNotOpenedAsTheTree() throws Exception {
        Path tree = SmallTree.imported(temp);

        assertThrows(KconfigException.class, () -> KernelTrees.open(tree.resolve("init")));
    }
}
