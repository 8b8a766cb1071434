package kforge.runner.patch;

import static kforge.runner.patch.PatchFixture.read;
import static kforge.runner.patch.PatchFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.diag.KconfigException;

/** Taking patches back byte for byte, and the status list noticing what was edited by hand since. */
class UnapplyAndStatusTest {
    @TempDir
    Path dir;

    private PatchSeries seriesOfThree(Path tree) throws Exception {
        SeriesApplyTest.baseTree(tree);
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(write(dir, "0001-init-cleanup.patch", SeriesApplyTest.PLAIN)).call();
        series.add().setFile(write(dir, "0002-foo-bar.patch.bz2", SeriesApplyTest.bzip2(SeriesApplyTest.GIT_DIFF)))
                .call();
        series.add().setFile(write(dir, "0003-readme.patch", SeriesApplyTest.MAIL)).call();
        return series;
    }

    private static List<String> states(PatchSeries series) {
        return series.status().call().stream().map(s -> s.name() + " " + s.state()).toList();
    }

    @Test
    void unapplyingEveryPatchRestoresTheTreeByteForByte() throws Exception {
        Path tree = dir.resolve("linux");
        PatchSeries series = seriesOfThree(tree);
        Map<String, String> pristine = PatchFixture.snapshot(tree);
        series.apply().setAll(true).call();
        Map<String, String> afterTwo = null;

        assertEquals(List.of("0001-init-cleanup.patch APPLIED", "0002-foo-bar.patch.bz2 APPLIED",
                "0003-readme.patch APPLIED"), states(series));
        assertEquals("0003-readme.patch", series.unapply().call().patch().name());
        afterTwo = PatchFixture.snapshot(tree);
        assertEquals(List.of("0001-init-cleanup.patch APPLIED", "0002-foo-bar.patch.bz2 APPLIED",
                "0003-readme.patch UNAPPLIED"), states(series));
        series.unapply().call();
        series.unapply().call();

        assertEquals(pristine, PatchFixture.snapshot(tree), "created files and their directories gone, deleted back");
        assertEquals(List.of(), series.applied());
        KconfigException none = assertThrows(KconfigException.class, () -> series.unapply().call());
        assertEquals("no patch is applied (patches/series)", none.getMessage());

        series.apply().setUpTo("0002-foo-bar.patch.bz2").call();
        assertEquals(afterTwo, PatchFixture.snapshot(tree), "quilt push NAME: everything up to NAME");
    }

    @Test
    void aHandEditShowsInTheListAndBlocksUnapplyWithoutChangingAnything() throws Exception {
        Path tree = dir.resolve("linux");
        PatchSeries series = seriesOfThree(tree);
        series.apply().setUpTo("0002-foo-bar.patch.bz2").call();
        Files.writeString(tree.resolve("init/main.c"), read(tree, "init/main.c").replace("init extra", "init EXTRA"));

        List<PatchStatus> statuses = series.status().call();

        assertEquals(PatchStatus.State.CHANGED, statuses.get(0).state());
        assertTrue(statuses.get(0).detail().startsWith("patches/0001-init-cleanup.patch: init/main.c: hunk #1"
                + " (@@ -3,7 +3,8 @@) does not reverse-apply: "), statuses.get(0).detail());
        assertEquals(PatchStatus.State.APPLIED, statuses.get(1).state(), "0002 does not touch init/main.c");
        assertEquals(PatchStatus.State.UNAPPLIED, statuses.get(2).state());

        // 0002 is on top and still comes off; then 0001 cannot.
        series.unapply().call();
        Map<String, String> before = PatchFixture.snapshot(tree);
        PatchConflictException e = assertThrows(PatchConflictException.class, () -> series.unapply().call());
        assertEquals("init/main.c", e.file());
        assertEquals(before, PatchFixture.snapshot(tree));
        assertEquals(1, series.applied().size());

        // Undoing the edit by hand makes it clean again.
        Files.writeString(tree.resolve("init/main.c"), read(tree, "init/main.c").replace("init EXTRA", "init extra"));
        assertEquals(PatchStatus.State.APPLIED, series.status().call().get(0).state());
    }

    @Test
    void stackedPatchesOnTheSameLinesAreCheckedTopFirst() throws Exception {
        Path tree = dir.resolve("tree");
        write(tree, "f.txt", "one\ntwo\nthree\n");
        PatchSeries series = PatchSeries.open(tree);
        String header = "--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,3 @@\n";
        series.add().setFile(write(dir, "a.patch", header + " one\n-two\n+2\n three\n")).call();
        series.add().setFile(write(dir, "b.patch", header + " one\n-2\n+II\n three\n")).call();
        series.apply().setAll(true).call();
        assertEquals(List.of("a.patch APPLIED", "b.patch APPLIED"), states(series),
                "a.patch alone would not reverse-apply on top of b.patch; as a stack it does");
    }

    @Test
    void aCommittedPatchComesOffOnlyWhileItsCommitIsHead() throws Exception {
        Path tree = dir.resolve("linux");
        SeriesApplyTest.baseTree(tree);
        PatchFixture.commitAll(tree, "Linux 6.1").close();
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(write(dir, "0003-readme.patch", SeriesApplyTest.MAIL)).call();
        Map<String, String> pristine = PatchFixture.snapshot(tree);
        ObjectId base;
        try (Git git = Git.open(tree.toFile())) {
            base = git.getRepository().resolve("HEAD");
        }
        AppliedPatch applied = series.apply().call().get(0).patch();
        assertTrue(applied.committed());

        // History moved on: refused, nothing changed.
        write(tree, "other.txt", "other\n");
        try (Git git = Git.open(tree.toFile())) {
            git.add().addFilepattern("other.txt").call();
            git.commit().setMessage("unrelated work").setSign(false).call();
        }
        KconfigException moved = assertThrows(KconfigException.class, () -> series.unapply().call());
        assertTrue(moved.getMessage().contains("was applied as commit " + applied.commit().substring(0, 12)
                + ", but HEAD is"), moved.getMessage());
        assertTrue(Files.exists(tree.resolve("scripts/check.sh")));
        try (Git git = Git.open(tree.toFile())) {
            git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef("HEAD~1").call();
        }
        Files.deleteIfExists(tree.resolve("other.txt"));

        // A file of the commit edited: refused.
        Files.writeString(tree.resolve("README"), "Linux kernel\nwith patches\nand an edit\n");
        KconfigException dirty = assertThrows(KconfigException.class, () -> series.unapply().call());
        assertTrue(dirty.getMessage().contains("README"), dirty.getMessage());
        Files.writeString(tree.resolve("README"), "Linux kernel\nwith patches\n");

        // Unrelated uncommitted work does not stand in the way and survives.
        write(tree, "init/main.c", "local work\n");
        series.unapply().call();
        try (Git git = Git.open(tree.toFile())) {
            assertEquals(base, git.getRepository().resolve("HEAD"));
            assertEquals(java.util.Set.of("init/main.c"), git.status().call().getModified());
            assertTrue(git.status().call().getAdded().isEmpty() && git.status().call().getRemoved().isEmpty());
        }
        assertEquals("local work\n", read(tree, "init/main.c"));
        write(tree, "init/main.c", PatchFixture.numbered("init line", 20));
        assertEquals(pristine, PatchFixture.snapshot(tree));
        assertFalse(Files.exists(tree.resolve("scripts")));
        assertNull(series.status().call().get(0).applied());
    }

    @Test
    void aMailIsRefusedLikeGitAmWhenItsFilesOrTheIndexAreDirty() throws Exception {
        Path tree = dir.resolve("linux");
        SeriesApplyTest.baseTree(tree);
        PatchFixture.commitAll(tree, "Linux 6.1").close();
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(write(dir, "0003-readme.patch", SeriesApplyTest.MAIL)).call();

        // README's content still takes the hunk, but its mode differs from HEAD: the commit would take it along.
        tree.resolve("README").toFile().setExecutable(true);
        Map<String, String> before = PatchFixture.snapshot(tree);
        KconfigException file = assertThrows(KconfigException.class, () -> series.apply().call());
        assertEquals("patches/0003-readme.patch: README has changes not committed to git; git am needs it as HEAD"
                + " has it: commit or discard the changes first", file.getMessage());
        assertEquals(before, PatchFixture.snapshot(tree));
        tree.resolve("README").toFile().setExecutable(false);

        write(tree, "init/main.c", "staged work\n");
        try (Git git = Git.open(tree.toFile())) {
            git.add().addFilepattern("init/main.c").call();
        }
        KconfigException index = assertThrows(KconfigException.class, () -> series.apply().call());
        assertTrue(index.getMessage().startsWith("patches/0003-readme.patch: the git index has staged changes"
                + " (init/main.c)"), index.getMessage());
        assertEquals(List.of(), series.applied());
    }

    @Test
    void aHunkTiedToTheEndOfTheFileSaysWhyItDoesNotApply() {
        Path tree = dir.resolve("linux");
        SeriesApplyTest.baseTree(tree);
        write(tree, "README", "Linux kernel\nlocal note\n");
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(write(dir, "0003-readme.patch", SeriesApplyTest.MAIL)).call();
        PatchConflictException e = assertThrows(PatchConflictException.class, () -> series.apply().call());
        assertEquals("patches/0003-readme.patch: README: hunk #1 (@@ -1 +1,2 @@) does not apply: its context ends"
                + " the file, but here the file goes on after line 1 (no fuzz is allowed)", e.getMessage());
    }
}
