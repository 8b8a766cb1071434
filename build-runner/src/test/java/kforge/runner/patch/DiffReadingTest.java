package kforge.runner.patch;

import static kforge.runner.patch.PatchFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.diag.KconfigException;

/**
 * The differential fuzzer's findings against GNU patch (PatchFuzzTest), each as the smallest patch that
 * showed it. Where kforge now does what patch does, the expected files are patch 2.7.6's, and patch is run
 * too when installed; where kforge is stricter by design, the test holds the message that says why.
 */
class DiffReadingTest {
    @TempDir
    Path dir;
    /** Each tree() starts a new round: its tree, the oracle's copy and the patch file. */
    private int round;

    private Path tree(String... pathsAndContents) {
        round++;
        Path tree = dir.resolve("tree" + round);
        for (int k = 0; k < pathsAndContents.length; k += 2) {
            write(tree, pathsAndContents[k], pathsAndContents[k + 1].getBytes(StandardCharsets.ISO_8859_1));
        }
        write(tree, ".keep", "");
        return tree;
    }

    /** Applies the patch with kforge, and with GNU patch on a copy when installed: the same files, or both fail. */
    private Map<String, String> apply(Path tree, String patch) {
        Path oracle = dir.resolve("oracle" + round);
        PatchFixture.copyTree(tree, oracle);
        Path file = write(dir.resolve("patch" + round), "fix.patch", patch.getBytes(StandardCharsets.ISO_8859_1));
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(file).call();
        series.apply().call();
        Map<String, String> files = PatchFixture.snapshot(tree);
        if (PatchFixture.installed("patch")) {
            PatchFixture.runOk(oracle, null, "patch", "-p1", "-f", "-N", "--no-backup-if-mismatch", "-r", "-", "-i",
                    file.toString());
            assertEquals(PatchFixture.snapshot(oracle), files, "kforge and GNU patch");
        }
        return files;
    }

    /** kforge's refusal; when patch refuses it too, patch is checked to (gnuRefuses). */
    private String refuse(Path tree, String patch, boolean gnuRefuses) {
        Path oracle = dir.resolve("oracle" + round);
        PatchFixture.copyTree(tree, oracle);
        Path file = write(dir.resolve("patch" + round), "fix.patch", patch.getBytes(StandardCharsets.ISO_8859_1));
        PatchSeries series = PatchSeries.open(tree);
        KconfigException e = assertThrows(KconfigException.class, () -> {
            series.add().setFile(file).call();
            series.apply().call();
        });
        if (gnuRefuses && PatchFixture.installed("patch")) {
            PatchFixture.Result r = PatchFixture.run(oracle, null, "patch", "-p1", "-f", "-N",
                    "--no-backup-if-mismatch", "-r", "-", "-i", file.toString());
            assertNotEquals(0, r.exit(), "GNU patch refuses it too:\n" + r.output());
        }
        return e.getMessage().replace(file.toString(), "fix.patch");
    }

    private static Map<String, String> files(String... pathsAndContents) {
        Map<String, String> files = new TreeMap<>();
        files.put(".keep", "");
        for (int k = 0; k < pathsAndContents.length; k += 2) {
            files.put(pathsAndContents[k], pathsAndContents[k + 1]);
        }
        return files;
    }

    @Test
    void aNoNewlineMarkerInTheMiddleOfAHunkIsRefused() {
        Path tree = tree("f", "a\nb\nc");
        assertEquals("fix.patch:5: '\\ No newline at end of file' in the middle of hunk #1 (@@ -1,3 +1,1 @@): only"
                + " the last old or new line may lack its newline", refuse(tree, """
                --- a/f
                +++ b/f
                @@ -1,3 +1,1 @@
                -a
                \\ No newline at end of file
                -b
                -c
                +C
                """, true));
    }

    @Test
    void aSecondNoNewlineMarkerIsRefusedInsideAHunkAndIsTextAfterIt() {
        assertEquals("fix.patch:7: '\\ No newline at end of file' twice in a row in hunk #1 (@@ -1,2 +1,2 @@)",
                refuse(tree("f", "a\nb"), """
                --- a/f
                +++ b/f
                @@ -1,2 +1,2 @@
                 a
                -b
                \\ No newline at end of file
                \\ No newline at end of file
                +B
                """, true));
        assertEquals(files("f", "a\nB"), apply(tree("f", "a\nb\n"), """
                --- a/f
                +++ b/f
                @@ -1,2 +1,2 @@
                 a
                -b
                +B
                \\ No newline at end of file
                \\ No newline at end of file
                """));
    }

    @Test
    void aTabLedLineIsContextWhoseSpaceAMailerAte() {
        assertEquals(files("f", "a\n\tb\nC\n"), apply(tree("f", "a\n\tb\nc\n"),
                "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n\tb\n-c\n+C\n"));
    }

    @Test
    void aCarriageReturnOnThePlusLineTakesOneFromEveryHunkLineAsPatchDoes() {
        String body = "@@ -1,3 +1,3 @@\r\n a\r\n-b\r\n+B\r\n c\r\n";
        assertEquals(files("f", "a\nB\nc\n"), apply(tree("f", "a\nb\nc\n"), "--- a/f\r\n+++ b/f\r\n" + body));
        // Only on the --- line: the file's own CRs are content, kept.
        assertEquals(files("f", "a\nB\r\nc\n"), apply(tree("f", "a\nb\nc\n"),
                "--- a/f\r\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\r\n c\n"));
    }

    @Test
    void aPatchThatEndsInTheMiddleOfAHunkLineIsRefused() {
        assertEquals("fix.patch:6: the patch ends in the middle of a line of hunk #1 (@@ -1,2 +1,2 @@): is it cut"
                + " off?", refuse(tree("f", "a\nb\n"), "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+B", true));
    }

    @Test
    void aNulInAFileNameIsAClearError() {
        // patch cuts the name at the NUL and patches a.c: kforge will not patch another file than the one named.
        assertEquals("fix.patch:2: the file name line 'b/a.c?x' holds a NUL byte",
                refuse(tree("a.c", "a\n"), "--- a/a.c\n+++ b/a.c\0x\n@@ -1 +1 @@\n-a\n+b\n", false));
        assertEquals("fix.patch:1: the file names in 'diff --git a/a?.c b/a.c' hold a NUL byte",
                refuse(tree("a.c", "a\n"), "diff --git a/a\0.c b/a.c\nold mode 100644\nnew mode 100755\n", false));
        // Also where the rename lines name the files (kforge renamed a.c; patch refuses).
        assertEquals("fix.patch:1: the file names in 'diff --git a/a.c b?/z.c' hold a NUL byte",
                refuse(tree("a.c", "a\n"), "diff --git a/a.c b\0/z.c\nsimilarity index 90%\nrename from a.c\n"
                        + "rename to z.c\n", true));
    }

    @Test
    void devNullOnASideWithLinesIsAContradictionNotAGuess() {
        // patch takes either as a change to the file the other line names.
        assertEquals("fix.patch:1: '--- /dev/null' says the file is new, but hunk #1 (@@ -1 +1 @@) has old lines",
                refuse(tree("f", "a\n"), "--- /dev/null\n+++ b/f\n@@ -1 +1 @@\n-a\n+b\n", false));
        assertEquals("fix.patch:2: '+++ /dev/null' says the file is deleted, but hunk #1 (@@ -1 +1 @@) has new"
                + " lines", refuse(tree("f", "a\n"), "--- a/f\n+++ /dev/null\n@@ -1 +1 @@\n-a\n+b\n", false));
        // patch goes by the first hunk, /dev/null or not: it found no f to change here, and it emptied f there.
        assertEquals("fix.patch:1: '--- /dev/null' says the file is new, but hunk #1 (@@ -3,0 +4,2 @@) does not"
                + " start at line 0", refuse(tree(), "--- /dev/null\n+++ b/f\n@@ -3,0 +4,2 @@\n+a\n+b\n", true));
        assertEquals("fix.patch:2: '+++ /dev/null' says the file is deleted, but hunk #1 (@@ -9,3 +8,0 @@) does"
                + " not start at line 0", refuse(tree("f", "a\nb\nc\n"),
                "--- a/f\n+++ /dev/null\n@@ -9,3 +8,0 @@\n-a\n-b\n-c\n", false));
    }

    @Test
    void aGitDiffWithFileLinesButNoHunkIsCutOff() {
        // patch skips it (a rename it even takes as done); git never writes --- and +++ without a hunk.
        assertEquals("fix.patch:1: a git diff with '---' and '+++' lines but no hunks", refuse(tree("a.c", "a\n"),
                "diff --git a/a.c b/z.c\nsimilarity index 90%\nrename from a.c\nrename to z.c\n--- a/a.c\n+++ b/z.c\n",
                false));
    }

    @Test
    void aRenameWhoseFileLinesNameOtherFilesIsRefused() {
        assertEquals("fix.patch:1: the '---' and '+++' lines name other files than 'rename from a.c' and 'rename to"
                + " z.c'", refuse(tree("a.c", ""), "diff --git a/a.c b/z.c\nsimilarity index 90%\nrename from a.c\n"
                + "rename to z.c\n--- /dev/null\n+++ b/z.c\n@@ -0,0 +1 @@\n+x\n", false));
    }

    @Test
    void theEpochTellsANewOrDeletedFileOnlyWithTheFirstHunkAtZero() {
        String epoch = "\t1970-01-01 00:00:00.000000000 +0000\n";
        String real = "\t2020-01-01 00:00:00.000000000 +0000\n";
        // "@@ -6,0": not a new file, so a change to one that is not there.
        assertTrue(refuse(tree(), "--- a/f" + epoch + "+++ b/f" + real + "@@ -6,0 +7,2 @@\n+x\n+y\n", true)
                .endsWith("f: no such file"));
        assertEquals(files("f", "x\ny\n"), apply(tree(),
                "--- a/f" + epoch + "+++ b/f" + real + "@@ -0,0 +1,1 @@\n+x\n@@ -0,0 +1,1 @@\n+y\n"));
        // "+1,0": emptied, not deleted.
        assertEquals(files("f", ""), apply(tree("f", "a\nb\n"),
                "--- a/f" + real + "+++ b/f" + epoch + "@@ -1,2 +1,0 @@\n-a\n-b\n"));
    }

    @Test
    void aNewFileMayReplaceAnEmptyOne() {
        assertEquals(files("f", "x\ny\n"), apply(tree("f", ""), "--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+x\n+y\n"));
    }

    @Test
    void anInsertionBeforeTheHunkBeforeItIsRefused() {
        // patch: "misordered hunks! output would be garbled".
        assertTrue(refuse(tree("f", "1\n2\n3\n4\n5\n6\n"), "--- a/f\n+++ b/f\n@@ -4,0 +5 @@\n+x\n@@ -3,0 +5 @@\n+x\n",
                true).contains("hunk #2 (@@ -3,0 +5 @@) does not apply: it would overlap the hunk before it"));
    }
    @Test
    void aGitDiffWhoseFileLinesNameAnotherFileIsRefused() {
        // git apply: "inconsistent new filename"; patch creates the file the +++ line names.
        assertEquals("fix.patch:1: the '---' and '+++' lines name another file than 'diff --git b/x b/x'",
                refuse(tree(), "diff --git b/x b/x\nnew file mode 100644\n--- /dev/null\n+++ b/y\n@@ -0,0 +1 @@\n+a\n",
                        false));
    }
    @Test
    void aHunkWithNoLinesIsRefused() {
        // patch: "malformed patch"; git apply: "corrupt patch".
        assertEquals("fix.patch:3: hunk #1 (@@ -1,0 +1,0 @@) has no lines",
                refuse(tree("f", "a\n"), "--- a/f\n+++ b/f\n@@ -1,0 +1,0 @@\n", true));
        // patch: "The next patch would empty out the file f, which is already empty! Skipping patch."
        assertEquals("fix.patch:3: hunk #1 (@@ -0,0 +0,2 @@) starts a side at line 0 but has lines on it",
                refuse(tree("f", ""), "--- a/f\n+++ b/f\n@@ -0,0 +0,2 @@\n+a\n+b\n", true));
    }
}
