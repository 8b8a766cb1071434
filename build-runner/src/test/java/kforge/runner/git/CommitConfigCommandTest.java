package kforge.runner.git;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.diag.KconfigException;

class CommitConfigCommandTest {
    private static final String FIRST = "CONFIG_ARCH_VERSATILE=y\nCONFIG_MODULES=y\n";
    private static final String SECOND = "CONFIG_ARCH_VERSATILE=y\nCONFIG_EXT4_FS=m\n";

    @TempDir
    Path temp;

    @Test
    void aDefconfigInTheTreeIsCommittedAloneAndTheUsersOtherChangesStay() throws Exception {
        Path tree = SmallTree.imported(temp);
        Files.writeString(tree.resolve("init/main.c"), "my edit\n");
        Files.writeString(tree.resolve("init/staged.c"), "staged\n");
        try (Git git = Git.open(tree.toFile())) {
            git.add().addFilepattern("init/staged.c").call();
        }
        ConfigPlace place = ConfigPlace.inTree("arm", "mini2440");

        try (KernelTree opened = KernelTrees.open(tree)) {
            String before = opened.head().commitId();
            ConfigRevision saved = opened.commitConfig().setPlace(place).setText(FIRST)
                    .setMessage("mini2440: first config").setAuthor(SmallTree.TESTER).call();

            assertEquals(FIRST, Files.readString(tree.resolve("arch/arm/configs/mini2440_defconfig")));
            assertEquals(saved.commitId(), opened.head().commitId());
            assertEquals("master", opened.head().branch());
            assertEquals("mini2440: first config", saved.subject());
            assertEquals("Tester <tester@example.org>", saved.author());
            assertEquals(Map.of("arch/arm/configs/mini2440_defconfig", DiffEntry.ChangeType.ADD),
                    changes(tree, before, saved.commitId()));
            WorkTreeStatus status = opened.status();
            assertEquals(List.of("init/main.c"), status.modified());
            assertEquals(List.of("init/staged.c"), status.added());
            assertEquals("my edit\n", Files.readString(tree.resolve("init/main.c")));
        }
    }

    @Test
    void theGitProgramSeesTheSavedDefconfigAsCommitted() throws Exception {
        assumeTrue(GitProgram.installed(), "git is not installed");
        Path tree = SmallTree.imported(temp);

        try (KernelTree opened = KernelTrees.open(tree)) {
            opened.commitConfig().setPlace(ConfigPlace.inTree("arm", "versatile")).setText(FIRST).call();
        }

        assertEquals("", GitProgram.run(tree, "status", "--porcelain"));
        assertEquals(FIRST, GitProgram.run(tree, "show", "HEAD:arch/arm/configs/versatile_defconfig"));
        GitProgram.run(tree, "fsck", "--strict", "--no-dangling");
    }

    @Test
    void aDefconfigOnTheConfigsBranchLeavesHeadIndexAndFilesUntouched() throws Exception {
        Path tree = SmallTree.imported(temp);
        Files.writeString(tree.resolve("init/main.c"), "my edit\n");
        Path index = tree.resolve(".git/index");
        byte[] indexBefore = Files.readAllBytes(index);
        String headFileBefore = Files.readString(tree.resolve(".git/HEAD"));

        try (KernelTree opened = KernelTrees.open(tree)) {
            TreeHead headBefore = opened.head();
            WorkTreeStatus statusBefore = opened.status();
            ConfigRevision first = opened.commitConfig().setPlace(ConfigPlace.onBranch("kforge-configs", "mini2440"))
                    .setText(FIRST).setMessage("mini2440: first").call();
            opened.commitConfig().setPlace(ConfigPlace.onBranch("kforge-configs", "versatile"))
                    .setText(SECOND).setMessage("versatile: first").call();
            ConfigRevision second = opened.commitConfig()
                    .setPlace(ConfigPlace.onBranch("kforge-configs", "mini2440")).setText(SECOND)
                    .setMessage("mini2440: ext4").call();

            assertEquals(headBefore, opened.head());
            assertEquals(statusBefore, opened.status());
            assertArrayEquals(indexBefore, Files.readAllBytes(index));
            assertEquals(headFileBefore, Files.readString(tree.resolve(".git/HEAD")));
            assertEquals("my edit\n", Files.readString(tree.resolve("init/main.c")));
            assertTrue(Files.notExists(tree.resolve("mini2440")));
            Repository repository = opened.repository();
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit tip = walk.parseCommit(repository.resolve("refs/heads/kforge-configs"));
                assertEquals(second.commitId(), tip.name());
                assertEquals(Map.of("mini2440/defconfig", SECOND, "versatile/defconfig", SECOND),
                        files(repository, tip));
                RevCommit root = walk.parseCommit(repository.resolve(first.commitId()));
                assertEquals(0, root.getParentCount(), "the configs branch starts on its own, not on the kernel");
                assertEquals(Map.of("mini2440/defconfig", FIRST), files(repository, root));
            }
        }
    }

    @Test
    void theHistoryListsABoardsSavesNewestFirstAndTwoOfThemCanBeCompared() throws Exception {
        Path tree = SmallTree.imported(temp);
        ConfigPlace inTree = ConfigPlace.inTree("arm", "mini2440");
        ConfigPlace onBranch = ConfigPlace.onBranch(ConfigPlace.DEFAULT_BRANCH, "mini2440");

        try (KernelTree opened = KernelTrees.open(tree)) {
            for (ConfigPlace place : List.of(inTree, onBranch)) {
                ConfigRevision first = opened.commitConfig().setPlace(place).setText(FIRST).setMessage("first").call();
                ConfigPlace otherBoard = place.isOnConfigsBranch()
                        ? ConfigPlace.onBranch(place.branch(), "other") : ConfigPlace.inTree("arm", "other");
                opened.commitConfig().setPlace(otherBoard).setText(FIRST).setMessage("other").call();
                ConfigRevision second = opened.commitConfig().setPlace(place).setText(SECOND).setMessage("second")
                        .call();

                List<ConfigRevision> history = opened.configHistory().setPlace(place).call();

                assertEquals(List.of(second, first), history, place.describe());
                assertEquals(FIRST, opened.configAt(place, history.get(1).shortId()));
                assertEquals(SECOND, opened.configAt(place, history.get(0).commitId()));
            }
            assertEquals(SECOND, opened.configAt(onBranch, "kforge-configs"));
            assertEquals(FIRST, opened.configAt(onBranch, "kforge-configs~1"));
        }
    }

    @Test
    void aBoardWithNothingSavedHasAnEmptyHistory() throws Exception {
        Path tree = SmallTree.imported(temp);

        try (KernelTree opened = KernelTrees.open(tree)) {
            assertEquals(List.of(), opened.configHistory().setPlace(ConfigPlace.inTree("arm", "mini2440")).call());
            KconfigException noBranch = assertThrows(KconfigException.class, () -> opened.configHistory()
                    .setPlace(ConfigPlace.onBranch("kforge-configs", "mini2440")).call());
            assertEquals("there is no branch kforge-configs in " + tree + ": no config was saved on it yet",
                    noBranch.getMessage());
        }
    }

    @Test
    void readingARevisionWithoutTheFileOrAnUnknownOneIsExplained() throws Exception {
        Path tree = SmallTree.imported(temp);
        ConfigPlace place = ConfigPlace.inTree("arm", "mini2440");

        try (KernelTree opened = KernelTrees.open(tree)) {
            KconfigException missing = assertThrows(KconfigException.class, () -> opened.configAt(place, "v6.1.7-kf"));
            KconfigException unknown = assertThrows(KconfigException.class, () -> opened.configAt(place, "deadbeef"));

            assertTrue(missing.getMessage()
                    .startsWith("arch/arm/configs/mini2440_defconfig is not in v6.1.7-kf (commit "),
                    missing.getMessage());
            assertEquals("unknown revision 'deadbeef' in " + tree + ": not a branch, tag or commit id",
                    unknown.getMessage());
        }
    }

    @Test
    void savingTheSameDefconfigAgainIsNothingToSave() throws Exception {
        Path tree = SmallTree.imported(temp);
        ConfigPlace place = ConfigPlace.onBranch("kforge-configs", "mini2440");

        try (KernelTree opened = KernelTrees.open(tree)) {
            ConfigRevision saved = opened.commitConfig().setPlace(place).setText(FIRST).call();

            KconfigException fault = assertThrows(KconfigException.class,
                    () -> opened.commitConfig().setPlace(place).setText(FIRST).call());

            assertEquals("nothing to save: mini2440/defconfig on branch kforge-configs already holds this defconfig"
                    + " (commit " + saved.shortId() + ")", fault.getMessage());
        }
    }

    @Test
    void anUncommittedEditOfTheDefconfigIsNotOverwritten() throws Exception {
        Path tree = SmallTree.imported(temp);
        Path file = tree.resolve("arch/arm/configs/versatile_defconfig");
        Files.writeString(file, "CONFIG_MY_EDIT=y\n");

        try (KernelTree opened = KernelTrees.open(tree)) {
            String head = opened.head().commitId();
            KconfigException fault = assertThrows(KconfigException.class, () -> opened.commitConfig()
                    .setPlace(ConfigPlace.inTree("arm", "versatile")).setText(FIRST).call());

            assertTrue(fault.getMessage().startsWith("cannot save arch/arm/configs/versatile_defconfig in " + tree
                    + ": the file has changes that are not committed"), fault.getMessage());
            assertEquals("CONFIG_MY_EDIT=y\n", Files.readString(file));
            assertEquals(head, opened.head().commitId());
        }
    }

    @Test
    void aDetachedHeadOrACheckedOutConfigsBranchIsRefused() throws Exception {
        Path tree = SmallTree.imported(temp);

        try (KernelTree opened = KernelTrees.open(tree)) {
            opened.checkout().setName("v6.1.7-kf").call();
            KconfigException detached = assertThrows(KconfigException.class, () -> opened.commitConfig()
                    .setPlace(ConfigPlace.inTree("arm", "versatile")).setText(FIRST).call());
            assertTrue(detached.getMessage().contains("create a work branch first"), detached.getMessage());

            opened.checkout().setCreateBranch(true).setName("kforge-configs").call();
            KconfigException checkedOut = assertThrows(KconfigException.class, () -> opened.commitConfig()
                    .setPlace(ConfigPlace.onBranch("kforge-configs", "versatile")).setText(FIRST).call());
            assertTrue(checkedOut.getMessage().contains("it is the branch checked out"), checkedOut.getMessage());
        }
    }

    @Test
    void aTreeWithoutTheArchitectureIsNotTakenForAKernelOfIt() throws Exception {
        Path tree = SmallTree.imported(temp);

        try (KernelTree opened = KernelTrees.open(tree)) {
            KconfigException fault = assertThrows(KconfigException.class, () -> opened.commitConfig()
                    .setPlace(ConfigPlace.inTree("riscv", "board")).setText(FIRST).call());

            assertEquals(tree + " has no arch/riscv: is it a kernel tree, and is the architecture right?",
                    fault.getMessage());
        }
    }

    @Test
    void boardAndBranchNamesMustBeSafeInPaths() {
        assertThrows(KconfigException.class, () -> ConfigPlace.inTree("arm", "../escape"));
        assertThrows(KconfigException.class, () -> ConfigPlace.onBranch("kforge-configs", "a/b"));
        assertThrows(KconfigException.class, () -> ConfigPlace.onBranch("bad..name", "board"));
        assertEquals("arch/x86/configs/x86_64-pc_defconfig", ConfigPlace.inTree("x86", "x86_64-pc").path());
    }

    /** What changed between two commits: path to ADD, MODIFY or DELETE. */
    private static Map<String, DiffEntry.ChangeType> changes(Path tree, String from, String to) throws Exception {
        Map<String, DiffEntry.ChangeType> changes = new TreeMap<>();
        try (Git git = Git.open(tree.toFile()); RevWalk walk = new RevWalk(git.getRepository());
             ObjectReader reader = git.getRepository().newObjectReader()) {
            Repository repository = git.getRepository();
            CanonicalTreeParser before = new CanonicalTreeParser(null, reader,
                    walk.parseCommit(repository.resolve(from)).getTree());
            CanonicalTreeParser after = new CanonicalTreeParser(null, reader,
                    walk.parseCommit(repository.resolve(to)).getTree());
            for (DiffEntry diff : git.diff().setOldTree(before).setNewTree(after).call()) {
                boolean deleted = diff.getChangeType() == DiffEntry.ChangeType.DELETE;
                changes.put(deleted ? diff.getOldPath() : diff.getNewPath(), diff.getChangeType());
            }
        }
        return changes;
    }

    private static Map<String, String> files(Repository repository, RevCommit commit) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                files.put(walk.getPathString(), new String(repository.open(walk.getObjectId(0)).getBytes(),
                        StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
