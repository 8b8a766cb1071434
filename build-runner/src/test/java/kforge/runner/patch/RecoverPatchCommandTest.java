package kforge.runner.patch;

import static kforge.runner.patch.PatchFixture.read;
import static kforge.runner.patch.PatchFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.diag.KconfigException;

/**
 * An apply interrupted at its worst moment in a git tree: the mail's commit made, the applied list not yet
 * written. The state is made by applying the mail and then taking back the record and putting the journal
 * back as the apply had written it, which is exactly what a kill at that instant leaves.
 * PatchApplyKillTest (app) kills real processes on a plain tree.
 */
class RecoverPatchCommandTest {
    @TempDir
    Path dir;

    private Path tree;
    private PatchSeries series;
    private Map<String, String> before;
    private String headBefore;

    private void interruptAfterTheCommit() throws Exception {
        tree = SeriesApplyTest.baseTree(dir.resolve("linux"));
        PatchFixture.commitAll(tree, "Linux 6.1").close();
        before = PatchFixture.snapshot(tree);
        series = PatchSeries.open(tree);
        series.add().setFile(write(Files.createDirectories(dir.resolve("in")), "0001-readme.patch",
                SeriesApplyTest.MAIL)).call();
        try (GitTree git = GitTree.open(tree)) {
            headBefore = git.head();
        }
        byte[] readme = read(tree, "README").getBytes(StandardCharsets.UTF_8);
        AppliedPatch applied = series.apply().call().get(0).patch();
        assertTrue(applied.committed());
        series.state().pop(applied);
        PatchJournal.begin(tree, PatchJournal.Operation.APPLY, new SeriesEntry("0001-readme.patch", 1, false),
                false, null, null, headBefore, List.of(
                        new FileChange("README", readme, null, false, false),
                        new FileChange("scripts/check.sh", null, null, false, false)));
    }

    @Test
    void anotherApplyIsRefusedUntilTheInterruptedOneIsEnded() throws Exception {
        interruptAfterTheCommit();
        KconfigException refused = assertThrows(KconfigException.class, () -> series.apply().call());
        assertTrue(refused.getMessage().contains("applying 0001-readme.patch was interrupted; run 'kforge patch"
                + " apply --continue'"), refused.getMessage());
        assertThrows(KconfigException.class, () -> series.unapply().call());
        assertEquals(Optional.of("applying 0001-readme.patch"), series.interruptedOperation());
    }

    @Test
    void abortPutsTheFilesHeadAndIndexBack() throws Exception {
        interruptAfterTheCommit();
        assertEquals(Optional.of("applying 0001-readme.patch"), series.recover().setAbort(true).call());
        assertEquals(before, PatchFixture.snapshot(tree));
        assertEquals(List.of(), series.applied());
        assertFalse(Files.exists(tree.resolve(PatchJournal.DIRECTORY)));
        try (Git git = Git.open(tree.toFile())) {
            assertEquals(headBefore, git.getRepository().resolve("HEAD").name());
            assertEquals(java.util.Set.of(), git.status().call().getUncommittedChanges(), "the index and files are as HEAD");
        }
        assertEquals(Optional.empty(), series.recover().call(), "nothing is left to recover");
    }

    @Test
    void continueEndsWithThePatchAppliedAndCommittedOnce() throws Exception {
        interruptAfterTheCommit();
        assertEquals(Optional.of("applying 0001-readme.patch"), series.recover().call());
        List<AppliedPatch> applied = series.applied();
        assertEquals(1, applied.size());
        assertEquals("Linux kernel\nwith patches\n", read(tree, "README"));
        try (Git git = Git.open(tree.toFile())) {
            var head = git.log().setMaxCount(1).call().iterator().next();
            assertEquals(applied.get(0).commit(), head.getName());
            assertEquals(headBefore, head.getParent(0).getName(), "one commit on top, not two");
            assertEquals(java.util.Set.of(), git.status().call().getUncommittedChanges());
        }
        assertFalse(Files.exists(tree.resolve(PatchJournal.DIRECTORY)));
    }

    @Test
    void aJournalThatNeverGotItsJournalFileIsAnOperationThatNeverBegan() throws Exception {
        tree = SeriesApplyTest.baseTree(dir.resolve("linux"));
        series = PatchSeries.open(tree);
        Files.createDirectories(tree.resolve(PatchJournal.DIRECTORY).resolve("before"));
        write(tree.resolve(PatchJournal.DIRECTORY), "before/0", "half written");
        assertEquals(Optional.empty(), series.recover().setAbort(true).call());
        assertFalse(Files.exists(tree.resolve(PatchJournal.DIRECTORY)));
    }

    @Test
    void aDamagedJournalNamesItsFileAndLine() throws Exception {
        tree = SeriesApplyTest.baseTree(dir.resolve("linux"));
        series = PatchSeries.open(tree);
        write(tree.resolve(PatchJournal.DIRECTORY), "journal", "operation\tapply\npatch\tx.patch\t-p1\nfile\tnot-a-number\n");
        KconfigException damaged = assertThrows(KconfigException.class, () -> series.recover().call());
        assertTrue(damaged.getMessage().contains("journal:3"), damaged.getMessage());
    }
}
