package kforge.runner.patch;

import static kforge.runner.patch.PatchFixture.read;
import static kforge.runner.patch.PatchFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clean series of three, each kind once: a diff -Naur diff, a bzip2-compressed git diff, a git format-patch
 * mail. kforge's result must be what patch -p1 and git am make of the same patches on a copy of the tree.
 */
class SeriesApplyTest {
    static final String PLAIN = """
            Clean up init and add hello.

            diff -Naur linux-6.1.orig/init/hello.c linux-6.1/init/hello.c
            --- linux-6.1.orig/init/hello.c\t1970-01-01 00:00:00.000000000 +0000
            +++ linux-6.1/init/hello.c\t2023-01-02 10:00:00.000000000 +0100
            @@ -0,0 +1,2 @@
            +/* hello */
            +int hello;
            diff -Naur linux-6.1.orig/init/main.c linux-6.1/init/main.c
            --- linux-6.1.orig/init/main.c\t2022-12-11 22:15:00.000000000 +0000
            +++ linux-6.1/init/main.c\t2023-01-02 10:00:00.000000000 +0100
            @@ -3,7 +3,8 @@
             init line 3
             init line 4
             init line 5
            -init line 6
            +init line 6 (cleaned)
            +init extra
             init line 7
             init line 8
             init line 9
            """;

    static final String GIT_DIFF = """
            diff --git a/drivers/net/foo.c b/drivers/net/foo.c
            index 1111111..2222222 100644
            --- a/drivers/net/foo.c
            +++ b/drivers/net/foo.c
            @@ -18,7 +18,7 @@ foo 17
             foo 18
             foo 19
             foo 20
            -foo 21
            +foo 21 fixed
             foo 22
             foo 23
             foo 24
            diff --git a/drivers/net/bar.c b/drivers/net/bar.c
            deleted file mode 100644
            index 3333333..0000000
            --- a/drivers/net/bar.c
            +++ /dev/null
            @@ -1,12 +0,0 @@
            """ + PatchFixture.numbered("-bar", 12);

    static final String MAIL = """
            From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001
            From: =?UTF-8?q?J=C3=B6rg=20R=C3=B6del?= <joro@example.org>
            Date: Tue, 3 Jan 2023 14:05:06 +0100
            Subject: [PATCH 3/3] net: foo: add a check script whose subject is long enough
             to be folded
            MIME-Version: 1.0
            Content-Type: text/plain; charset=UTF-8
            Content-Transfer-Encoding: 8bit

            The README says nothing about patches. Jörg says it should.

            Signed-off-by: Jörg Rödel <joro@example.org>
            ---
             README          | 1 +
             scripts/check.sh | 2 ++
             2 files changed, 3 insertions(+)
             create mode 100755 scripts/check.sh

            diff --git a/README b/README
            index 5a1b2c3..6d4e5f6 100644
            --- a/README
            +++ b/README
            @@ -1 +1,2 @@
             Linux kernel
            +with patches
            diff --git a/scripts/check.sh b/scripts/check.sh
            new file mode 100755
            index 0000000..7a8b9c0
            --- /dev/null
            +++ b/scripts/check.sh
            @@ -0,0 +1,2 @@
            +#!/bin/sh
            +exit 0
            --\s
            2.39.5

            """;

    @TempDir
    Path dir;

    static Path baseTree(Path root) {
        write(root, "Makefile", "VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 0\nEXTRAVERSION =\n");
        write(root, "README", "Linux kernel\n");
        write(root, "init/main.c", PatchFixture.numbered("init line", 20));
        write(root, "drivers/net/foo.c", PatchFixture.numbered("foo", 30));
        write(root, "drivers/net/bar.c", PatchFixture.numbered("bar", 12));
        return root;
    }

    static byte[] bzip2(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void threeKindsOfPatchEqualPatchAndGitAm() throws Exception {
        Path tree = baseTree(dir.resolve("linux"));
        PatchFixture.commitAll(tree, "Linux 6.1").close();
        Path oracle = dir.resolve("oracle");
        PatchFixture.copyTree(tree, oracle);

        Path incoming = Files.createDirectories(dir.resolve("incoming"));
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(write(incoming, "0001-init-cleanup.patch", PLAIN)).call();
        series.add().setFile(write(incoming, "0002-foo-bar.patch.bz2", bzip2(GIT_DIFF))).call();
        series.add().setFile(write(incoming, "0003-readme.patch", MAIL)).call();
        assertEquals("0001-init-cleanup.patch\n0002-foo-bar.patch.bz2\n0003-readme.patch\n",
                read(tree, "patches/series"));

        List<ApplyOutcome> outcomes = series.apply().setAll(true).call();

        assertEquals(3, outcomes.size());
        assertFalse(outcomes.get(0).patch().committed(), "a plain diff goes to the work tree only");
        assertFalse(outcomes.get(1).patch().committed());
        assertTrue(outcomes.get(2).patch().committed(), "a mail becomes a commit");
        assertEquals("/* hello */\nint hello;\n", read(tree, "init/hello.c"));
        assertTrue(read(tree, "init/main.c").contains("init line 6 (cleaned)\ninit extra\ninit line 7\n"));
        assertTrue(read(tree, "drivers/net/foo.c").contains("foo 21 fixed\n"));
        assertFalse(Files.exists(tree.resolve("drivers/net/bar.c")));
        assertEquals("Linux kernel\nwith patches\n", read(tree, "README"));
        assertTrue(Files.isExecutable(tree.resolve("scripts/check.sh")));

        try (Git git = Git.open(tree.toFile())) {
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            PersonIdent author = head.getAuthorIdent();
            assertEquals("Jörg Rödel", author.getName());
            assertEquals("joro@example.org", author.getEmailAddress());
            assertEquals(Instant.parse("2023-01-03T13:05:06Z"), author.getWhenAsInstant());
            assertEquals(60, author.getTimeZoneOffset());
            assertEquals("net: foo: add a check script whose subject is long enough to be folded\n\n"
                    + "The README says nothing about patches. Jörg says it should.\n\n"
                    + "Signed-off-by: Jörg Rödel <joro@example.org>\n", head.getFullMessage());
            assertEquals(outcomes.get(2).patch().commit(), head.getName());
            // git am semantics: only the mail's files are in the commit; the plain diffs stay uncommitted.
            assertTrue(git.status().call().getModified().contains("init/main.c"));
            assertTrue(git.status().call().getUntracked().contains("init/hello.c"));
        }
        assertEquals(List.of("0001-init-cleanup.patch", "0002-foo-bar.patch.bz2", "0003-readme.patch"),
                series.applied().stream().map(AppliedPatch::name).toList());
        assertNull(series.applied().get(0).commit());

        Assumptions.assumeTrue(PatchFixture.installed("patch") && PatchFixture.installed("git"),
                "patch and git are the oracle");
        PatchFixture.runOk(oracle, write(dir, "p1", PLAIN), "patch", "-p1", "-F0", "-s");
        PatchFixture.runOk(oracle, write(dir, "p2", GIT_DIFF), "patch", "-p1", "-F0", "-s");
        PatchFixture.runOk(oracle, null, "git", "am", "-q", write(dir, "p3", MAIL).toString());
        assertEquals(PatchFixture.snapshot(oracle), PatchFixture.snapshot(tree));
        try (Git mine = Git.open(tree.toFile()); Git theirs = Git.open(oracle.toFile())) {
            RevCommit a = mine.log().setMaxCount(1).call().iterator().next();
            RevCommit b = theirs.log().setMaxCount(1).call().iterator().next();
            assertEquals(b.getTree().getName(), a.getTree().getName(), "the commit holds what git am's holds");
            assertEquals(b.getAuthorIdent(), a.getAuthorIdent());
            assertEquals(b.getFullMessage(), a.getFullMessage());
        }
    }

    @Test
    void stateSurvivesAFreshOpen() {
        Path tree = baseTree(dir.resolve("linux"));
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(write(dir, "0001-init-cleanup.patch", PLAIN)).call();
        series.add().setFile(write(dir, "0002-foo-bar.patch", GIT_DIFF)).call();
        assertEquals(1, series.apply().call().size(), "without --all, only the next patch");

        PatchSeries reopened = PatchSeries.open(tree);
        assertEquals(List.of("0001-init-cleanup.patch"), reopened.applied().stream().map(AppliedPatch::name).toList());
        List<ApplyOutcome> rest = reopened.apply().call();
        assertEquals("0002-foo-bar.patch", rest.get(0).patch().name());
        assertEquals(List.of(), reopened.apply().setAll(true).call(), "nothing left to apply");
        assertTrue(read(tree, ".kforge/patches/applied-patches").contains("0002-foo-bar.patch\t-p1\twork-tree"));
    }

    @Test
    void aMailOutsideGitGoesToTheWorkTreeOnly() {
        Path tree = baseTree(dir.resolve("linux"));
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(write(dir, "0003-readme.patch", MAIL)).call();
        ApplyOutcome outcome = series.apply().call().get(0);
        assertFalse(outcome.patch().committed());
        assertTrue(outcome.notes().get(0).contains("not a git repository"), outcome.notes().toString());
        assertEquals("Linux kernel\nwith patches\n", read(tree, "README"));
    }
}
