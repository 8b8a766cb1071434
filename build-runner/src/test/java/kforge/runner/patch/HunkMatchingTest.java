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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.diag.KconfigException;

/**
 * How hunks meet files: offsets yes, fuzz no, -pN stripping, files created and deleted, and the last line
 * without its newline. Each result is compared with what GNU patch (-F0) makes of the same patch, when it
 * is installed.
 */
class HunkMatchingTest {
    @TempDir
    Path dir;

    /** Applies text as the only patch of a series on tree, and the same with patch on a copy. */
    private ApplyOutcome applyBoth(Path tree, String name, String text, int strip) {
        Path oracle = dir.resolve("oracle-" + name);
        PatchFixture.copyTree(tree, oracle);
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(write(dir, name, text)).setStrip(strip).call();
        ApplyOutcome outcome = series.apply().call().get(0);
        if (PatchFixture.installed("patch")) {
            PatchFixture.runOk(oracle, write(dir, name + ".oracle", text), "patch", "-p" + strip, "-F0", "-s",
                    "--no-backup-if-mismatch");
            assertEquals(PatchFixture.snapshot(oracle), PatchFixture.snapshot(tree), "kforge and patch -p" + strip);
        }
        return outcome;
    }

    @Test
    void aHunkThatMovedAppliesAtItsOffsetAndSaysSo() {
        Path tree = dir.resolve("tree");
        write(tree, "drivers/x.c", "new 1\nnew 2\nnew 3\n" + PatchFixture.numbered("line", 30));
        String patch = """
                --- a/drivers/x.c
                +++ b/drivers/x.c
                @@ -7,7 +7,7 @@
                 line 7
                 line 8
                 line 9
                -line 10
                +line ten
                 line 11
                 line 12
                 line 13
                @@ -20,7 +20,8 @@
                 line 20
                 line 21
                 line 22
                +line 22.5
                 line 23
                 line 24
                 line 25
                 line 26
                """;
        ApplyOutcome outcome = applyBoth(tree, "offset.patch", patch, 1);
        assertEquals(List.of("drivers/x.c: hunk #1 succeeded at 10 (offset 3 lines)",
                "drivers/x.c: hunk #2 succeeded at 23 (offset 3 lines)"), outcome.notes());
        assertTrue(read(tree, "drivers/x.c").contains("line 9\nline ten\nline 11\n"));
    }

    @Test
    void contextThatDiffersIsAConflictNotFuzz() {
        Path tree = dir.resolve("tree");
        write(tree, "x.c", PatchFixture.numbered("line", 20).replace("line 8\n", "line 8 edited\n"));
        String patch = """
                --- a/x.c
                +++ b/x.c
                @@ -7,7 +7,7 @@
                 line 7
                 line 8
                 line 9
                -line 10
                +line ten
                 line 11
                 line 12
                 line 13
                """;
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(write(dir, "fuzzy.patch", patch)).call();
        Map<String, String> before = PatchFixture.snapshot(tree);

        PatchConflictException e = assertThrows(PatchConflictException.class, () -> series.apply().call());

        assertTrue(e.getMessage().contains("no fuzz"), e.getMessage());
        assertEquals(before, PatchFixture.snapshot(tree));
        if (PatchFixture.installed("patch")) {
            // patch's default fuzz would take it; kforge behaves like patch -F0.
            PatchFixture.Result fuzzy = PatchFixture.run(tree, write(dir, "p", patch), "patch", "-p1", "--dry-run");
            assertTrue(fuzzy.output().contains("with fuzz"), fuzzy.output());
            assertEquals(1, PatchFixture.run(tree, dir.resolve("p"), "patch", "-p1", "-F0", "--dry-run").exit());
        }
    }

    @Test
    void stripLevelsZeroAndTwo() throws Exception {
        Path tree = dir.resolve("tree");
        write(tree, "drivers/x.c", PatchFixture.numbered("x", 5));
        write(tree, "drivers/y.c", PatchFixture.numbered("y", 5));
        applyBoth(tree, "p0.patch", """
                --- drivers/x.c.orig
                +++ drivers/x.c
                @@ -1,5 +1,5 @@
                 x 1
                 x 2
                -x 3
                +x three
                 x 4
                 x 5
                """, 0);
        assertTrue(read(tree, "drivers/x.c").contains("x three"));
        applyBoth(tree, "p2.patch", """
                --- work/linux-6.1.orig/drivers/y.c
                +++ work/linux-6.1/drivers/y.c
                @@ -1,5 +1,5 @@
                 y 1
                 y 2
                -y 3
                +y three
                 y 4
                 y 5
                """, 2);
        assertTrue(read(tree, "drivers/y.c").contains("y three"));
        assertEquals("p0.patch -p0\np2.patch -p2\n", read(tree, "patches/series"));

        // The series file's options are quilt's; a -p1 reading of the -p2 patch finds no such file.
        Files.writeString(tree.resolve("patches/series"), "p0.patch -p0\np2.patch -p1 # wrong level\n");
        PatchSeries series = PatchSeries.open(tree);
        series.unapply().call();
        PatchConflictException e = assertThrows(PatchConflictException.class, () -> series.apply().call());
        assertEquals("linux-6.1/drivers/y.c", e.file());
    }

    @Test
    void filesCreatedAndDeletedTheDiffNaurWayAndTheGitWay() {
        Path tree = dir.resolve("tree");
        write(tree, "old/only.txt", "one\ntwo\n");
        write(tree, "gone.txt", "bye\n");
        write(tree, "keep.txt", "keep\n");
        applyBoth(tree, "naur.patch", """
                diff -Naur a/new/dir/made.txt b/new/dir/made.txt
                --- a/new/dir/made.txt\t1970-01-01 00:00:00.000000000 +0000
                +++ b/new/dir/made.txt\t2024-05-01 12:00:00.000000000 +0200
                @@ -0,0 +1,2 @@
                +made
                +here
                diff -Naur a/old/only.txt b/old/only.txt
                --- a/old/only.txt\t2024-05-01 12:00:00.000000000 +0200
                +++ b/old/only.txt\t1970-01-01 01:00:00.000000000 +0100
                @@ -1,2 +0,0 @@
                -one
                -two
                """, 1);
        assertEquals("made\nhere\n", read(tree, "new/dir/made.txt"));
        assertFalse(Files.exists(tree.resolve("old")), "the emptied directory goes too, as with patch");
        applyBoth(tree, "git.patch", """
                diff --git a/gone.txt b/gone.txt
                deleted file mode 100644
                index 1234567..0000000
                --- a/gone.txt
                +++ /dev/null
                @@ -1 +0,0 @@
                -bye
                diff --git a/tools/run.sh b/tools/run.sh
                new file mode 100755
                index 0000000..89abcde
                --- /dev/null
                +++ b/tools/run.sh
                @@ -0,0 +1 @@
                +#!/bin/sh
                diff --git a/tools/empty b/tools/empty
                new file mode 100644
                index 0000000..e69de29
                """, 1);
        assertEquals("", read(tree, "tools/empty"));
        assertFalse(Files.exists(tree.resolve("gone.txt")));
        assertTrue(Files.isExecutable(tree.resolve("tools/run.sh")));
    }

    @Test
    void creatingAFileThatExistsIsAConflict() {
        Path tree = dir.resolve("tree");
        write(tree, "there.txt", "already\n");
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(write(dir, "create.patch", """
                --- /dev/null
                +++ b/there.txt
                @@ -0,0 +1 @@
                +new
                """)).call();
        PatchConflictException e = assertThrows(PatchConflictException.class, () -> series.apply().call());
        assertEquals("patches/create.patch: there.txt: the patch creates this file, but it already exists",
                e.getMessage());
    }

    @Test
    void noNewlineAtEndOfFileInAllThreeDirections() throws Exception {
        Path tree = dir.resolve("tree");
        write(tree, "keeps.txt", "a\nb\nlast");
        write(tree, "gains.txt", "a\nb\nlast");
        write(tree, "loses.txt", "a\nb\nlast\n");
        applyBoth(tree, "newlines.patch", """
                diff --git a/keeps.txt b/keeps.txt
                --- a/keeps.txt
                +++ b/keeps.txt
                @@ -1,3 +1,3 @@
                 a
                 b
                -last
                \\ No newline at end of file
                +last changed
                \\ No newline at end of file
                diff --git a/gains.txt b/gains.txt
                --- a/gains.txt
                +++ b/gains.txt
                @@ -1,3 +1,3 @@
                 a
                 b
                -last
                \\ No newline at end of file
                +last
                diff --git a/loses.txt b/loses.txt
                --- a/loses.txt
                +++ b/loses.txt
                @@ -1,3 +1,3 @@
                 a
                 b
                -last
                +last
                \\ No newline at end of file
                """, 1);
        assertEquals("a\nb\nlast changed", read(tree, "keeps.txt"));
        assertEquals("a\nb\nlast\n", read(tree, "gains.txt"));
        assertEquals("a\nb\nlast", read(tree, "loses.txt"));
    }

    @Test
    void aNewlineTheHunkDoesNotExpectIsAConflict() {
        Path tree = dir.resolve("tree");
        write(tree, "f.txt", "a\nb\nlast\n");
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(write(dir, "n.patch", """
                --- a/f.txt
                +++ b/f.txt
                @@ -2,2 +2,2 @@
                 b
                -last
                \\ No newline at end of file
                +LAST
                """)).call();
        PatchConflictException e = assertThrows(PatchConflictException.class, () -> series.apply().call());
        assertTrue(e.getMessage().contains("No newline at end of file"), e.getMessage());
    }

    @Test
    void gitRenamesAndModeChangesMatchGitApply() throws Exception {
        Path tree = dir.resolve("tree");
        write(tree, "scripts/old-name.sh", "#!/bin/sh\necho one\necho two\n");
        write(tree, "scripts/tool.sh", "#!/bin/sh\n");
        String patch = """
                diff --git a/scripts/old-name.sh b/scripts/new-name.sh
                similarity index 80%
                rename from scripts/old-name.sh
                rename to scripts/new-name.sh
                index 1111111..2222222
                --- a/scripts/old-name.sh
                +++ b/scripts/new-name.sh
                @@ -1,3 +1,3 @@
                 #!/bin/sh
                 echo one
                -echo two
                +echo 2
                diff --git a/scripts/tool.sh b/scripts/tool.sh
                old mode 100644
                new mode 100755
                """;
        Path oracle = dir.resolve("oracle");
        PatchFixture.copyTree(tree, oracle);
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(write(dir, "rename.patch", patch)).call();
        series.apply().call();
        assertEquals("#!/bin/sh\necho one\necho 2\n", read(tree, "scripts/new-name.sh"));
        assertFalse(Files.exists(tree.resolve("scripts/old-name.sh")));
        assertTrue(Files.isExecutable(tree.resolve("scripts/tool.sh")));
        if (PatchFixture.installed("git")) {
            PatchFixture.runOk(oracle, null, "git", "apply", write(dir, "rename.oracle", patch).toString());
            assertEquals(PatchFixture.snapshot(oracle), PatchFixture.snapshot(tree));
        }
        series.unapply().call();
        assertEquals("#!/bin/sh\necho one\necho two\n", read(tree, "scripts/old-name.sh"));
        assertFalse(Files.isExecutable(tree.resolve("scripts/tool.sh")));
    }

    @Test
    void aMalformedPatchIsNamedByFileAndLine() {
        Path tree = dir.resolve("tree");
        PatchSeries series = PatchSeries.open(tree);
        KconfigException counts = assertThrows(KconfigException.class, () -> series.add().setFile(write(dir,
                "bad-counts.patch", """
                Some description.
                --- a/x.c
                +++ b/x.c
                @@ -1,3 +1,3 @@
                 one
                -two
                -zwei
                +TWO
                 three
                """)).call());
        assertEquals(dir.resolve("bad-counts.patch") + ":9: hunk #1 (@@ -1,3 +1,3 @@) has more old lines than its @@"
                + " line counts", counts.getMessage());
        KconfigException stray = assertThrows(KconfigException.class, () -> series.add().setFile(write(dir,
                "bad-line.patch", "--- a/x.c\n+++ b/x.c\n@@ -1,3 +1,3 @@\n one\n*two\n three\n")).call());
        assertTrue(stray.getMessage().startsWith(dir.resolve("bad-line.patch") + ":5: unexpected line in hunk #1"),
                stray.getMessage());
        KconfigException empty = assertThrows(KconfigException.class, () -> series.add().setFile(write(dir,
                "notes.txt", "just some text\n")).call());
        assertTrue(empty.getMessage().contains("no diff found"), empty.getMessage());
        KconfigException escape = assertThrows(KconfigException.class, () -> series.add().setFile(write(dir,
                "escape.patch", "--- a/../x.c\n+++ b/../x.c\n@@ -1 +1 @@\n-a\n+b\n")).call());
        assertTrue(escape.getMessage().contains(":1: refusing the path 'a/../x.c': it leaves the tree"),
                escape.getMessage());
        assertFalse(Files.exists(tree.resolve("patches/series")), "nothing was added");
    }

    @Test
    void aGzipPatchIsToldByItsContentNotItsName() throws Exception {
        Path tree = dir.resolve("tree");
        write(tree, "f.txt", "one\ntwo\nthree\n");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write("--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n".getBytes(StandardCharsets.UTF_8));
        }
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(write(dir, "fix.patch", bytes.toByteArray())).call();
        series.apply().call();
        assertEquals("one\n2\nthree\n", read(tree, "f.txt"));
    }

    @Test
    void aReversedSeriesEntryTakesAChangeOut() throws Exception {
        Path tree = dir.resolve("tree");
        write(tree, "f.txt", "one\nTWO\nthree\n");
        Files.createDirectories(tree.resolve("patches"));
        write(tree, "patches/upper.patch", "--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n");
        Files.writeString(tree.resolve("patches/series"), "# quilt style\nupper.patch -R\n", StandardCharsets.UTF_8);
        PatchSeries series = PatchSeries.open(tree);
        series.apply().call();
        assertEquals("one\ntwo\nthree\n", read(tree, "f.txt"));
        series.unapply().call();
        assertEquals("one\nTWO\nthree\n", read(tree, "f.txt"));
    }
}
