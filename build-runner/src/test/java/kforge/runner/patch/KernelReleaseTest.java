package kforge.runner.patch;

import static kforge.runner.patch.PatchFixture.read;
import static kforge.runner.patch.PatchFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.diag.KconfigException;

/**
 * kernel.org's incremental patches on a tree imported from a tarball: patch-6.1.1.xz makes the commit
 * "Linux 6.1.1" tagged v6.1.1, the version read from the patched Makefile.
 */
class KernelReleaseTest {
    static final String MAKEFILE = """
            # SPDX-License-Identifier: GPL-2.0
            VERSION = 6
            PATCHLEVEL = 1
            SUBLEVEL = %s
            EXTRAVERSION =
            NAME = Hurr durr I'ma ninja sloth

            # *DOCUMENTATION*
            """;

    @TempDir
    Path dir;

    private Path tree;

    @BeforeEach
    void linux61() throws Exception {
        Assumptions.assumeTrue(PatchFixture.installed("xz"), "kforge reads .xz through the xz program");
        tree = dir.resolve("linux-6.1");
        write(tree, "Makefile", MAKEFILE.formatted("0"));
        write(tree, "kernel/sched/core.c", PatchFixture.numbered("sched", 12));
        try (Git git = PatchFixture.commitAll(tree, "Linux 6.1")) {
            git.tag().setName("v6.1").setMessage("Linux 6.1").setAnnotated(true).setSigned(false).call();
        }
    }

    static String release(String from, String to, String schedLine) {
        return """
                diff --git a/Makefile b/Makefile
                index 1234567..89abcde 100644
                --- a/Makefile
                +++ b/Makefile
                @@ -1,7 +1,7 @@
                 # SPDX-License-Identifier: GPL-2.0
                 VERSION = 6
                 PATCHLEVEL = 1
                -SUBLEVEL = %s
                +SUBLEVEL = %s
                 EXTRAVERSION =
                 NAME = Hurr durr I'ma ninja sloth
                \s
                diff --git a/kernel/sched/core.c b/kernel/sched/core.c
                index 1234567..89abcde 100644
                --- a/kernel/sched/core.c
                +++ b/kernel/sched/core.c
                @@ -4,6 +4,7 @@
                 sched 4
                 sched 5
                 sched 6
                +%s
                 sched 7
                 sched 8
                 sched 9
                """.formatted(from, to, schedLine);
    }

    private Path xz(String name, String text) {
        return write(dir, name, PatchFixture.program(dir, text.getBytes(StandardCharsets.UTF_8), "xz", "-c"));
    }

    @Test
    void aStablePatchBecomesACommitTaggedWithTheNewVersion() throws Exception {
        Path oracle = dir.resolve("oracle");
        PatchFixture.copyTree(tree, oracle);
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(xz("patch-6.1.1.xz", release("0", "1", "stable fix 1"))).call();

        AppliedPatch applied = series.apply().call().get(0).patch();

        assertEquals("v6.1.1", applied.tag());
        assertTrue(read(tree, "Makefile").contains("SUBLEVEL = 1\n"));
        try (Git git = Git.open(tree.toFile())) {
            Repository repo = git.getRepository();
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertEquals(applied.commit(), head.getName());
            assertEquals("Linux 6.1.1\n", head.getFullMessage());
            Ref tag = repo.getRefDatabase().peel(repo.exactRef("refs/tags/v6.1.1"));
            assertEquals(head.getId(), tag.getPeeledObjectId(), "an annotated tag on the new commit");
            assertTrue(git.status().call().isClean() || git.status().call().getUncommittedChanges().isEmpty());
        }
        if (PatchFixture.installed("patch")) {
            PatchFixture.runOk(oracle, write(dir, "oracle.patch", release("0", "1", "stable fix 1")), "patch", "-p1",
                    "-F0", "-s");
            assertEquals(PatchFixture.snapshot(oracle), PatchFixture.snapshot(tree));
        }
    }

    @Test
    void aStablePatchForAnotherBaseIsRefusedAndAnIncrementalOneApplies() throws Exception {
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(xz("patch-6.1.1.xz", release("0", "1", "stable fix 1"))).call();
        series.add().setFile(xz("patch-6.1.2.xz", release("0", "2", "stable fix 2"))).call();
        series.apply().call();
        Map<String, String> before = PatchFixture.snapshot(tree);

        KconfigException wrongBase = assertThrows(KconfigException.class, () -> series.apply().call());
        assertEquals("patches/patch-6.1.2.xz: this patch is against Linux 6.1, but the tree's Makefile says 6.1.1"
                + " (stable patches all apply to the x.y release; use the incremental patch from incr/)",
                wrongBase.getMessage());
        assertEquals(before, PatchFixture.snapshot(tree));

        java.nio.file.Files.writeString(tree.resolve("patches/series"), "patch-6.1.1.xz\npatch-6.1.1-2.xz\n");
        String incremental = """
                --- a/Makefile
                +++ b/Makefile
                @@ -3,3 +3,3 @@
                 PATCHLEVEL = 1
                -SUBLEVEL = 1
                +SUBLEVEL = 2
                 EXTRAVERSION =
                """;
        java.nio.file.Files.write(tree.resolve("patches/patch-6.1.1-2.xz"),
                PatchFixture.program(dir, incremental.getBytes(StandardCharsets.UTF_8), "xz", "-c"));
        assertEquals("v6.1.2", series.apply().call().get(0).patch().tag());
    }

    @Test
    void unapplyingTheReleaseDropsItsCommitAndTag() throws Exception {
        Map<String, String> pristine = PatchFixture.snapshot(tree);
        String base;
        try (Git git = Git.open(tree.toFile())) {
            base = git.getRepository().resolve("HEAD").getName();
        }
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(xz("patch-6.1.1.xz", release("0", "1", "stable fix 1"))).call();
        series.apply().call();

        series.unapply().call();

        assertEquals(pristine, PatchFixture.snapshot(tree));
        try (Git git = Git.open(tree.toFile())) {
            assertEquals(base, git.getRepository().resolve("HEAD").getName());
            assertNull(git.getRepository().exactRef("refs/tags/v6.1.1"));
            assertTrue(git.status().call().getUncommittedChanges().isEmpty());
        }
    }

    @Test
    void aTagThatExistsAlreadyIsRefusedBeforeAnythingChanges() throws Exception {
        try (Git git = Git.open(tree.toFile())) {
            git.tag().setName("v6.1.1").setMessage("someone else's").setAnnotated(true).setSigned(false).call();
        }
        Map<String, String> before = PatchFixture.snapshot(tree);
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(xz("patch-6.1.1.xz", release("0", "1", "stable fix 1"))).call();
        KconfigException e = assertThrows(KconfigException.class, () -> series.apply().call());
        assertEquals("patches/patch-6.1.1.xz: the tree already has a tag v6.1.1", e.getMessage());
        assertEquals(before, PatchFixture.snapshot(tree));
    }

    @Test
    void aZeroSublevelIsLeftOutOfTheRelease() {
        assertEquals("6.2-rc1", KernelRelease.release("6.2.0-rc1"));
        assertEquals("6.2", KernelRelease.release("6.2.0"));
        assertEquals("6.1.10", KernelRelease.release("6.1.10"));
        assertEquals("6.10", KernelRelease.release("6.10.0"));
    }

    @Test
    void releaseNames() {
        assertEquals("6.1", KernelRelease.fromName("patch-6.1.1.xz").base());
        assertEquals("6.1.1", KernelRelease.fromName("patch-6.1.1-2.gz").base());
        assertNull(KernelRelease.fromName("patch-6.2-rc1.xz").base());
        assertNull(KernelRelease.fromName("0001-fix.patch"));
        assertNull(KernelRelease.fromName("patch-foo.diff"));
    }
}
