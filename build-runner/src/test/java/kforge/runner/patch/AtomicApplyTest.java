package kforge.runner.patch;

import static kforge.runner.patch.PatchFixture.read;
import static kforge.runner.patch.PatchFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A patch that fails changes nothing, even when some of its files would have applied; earlier ones stay. */
class AtomicApplyTest {
    static final String FIRST = """
            --- a/c.c
            +++ b/c.c
            @@ -1,3 +1,3 @@
            -c 1
            +c 1 first
             c 2
             c 3
            """;

    static final String TWO_FILES = """
            Touches a.c, which applies, then b.c, which does not.

            --- a/a.c
            +++ b/a.c
            @@ -2,7 +2,7 @@
             a 2
             a 3
             a 4
            -a 5
            +a 5 second
             a 6
             a 7
             a 8
            --- a/b.c
            +++ b/b.c
            @@ -2,7 +2,7 @@
             b 2
             b 3
             b 4
            -b 5
            +b 5 second
             b 6
             b 7
             b 8
            """;

    static final String THIRD = """
            --- a/c.c
            +++ b/c.c
            @@ -1,3 +1,3 @@
             c 1 first
            -c 2
            +c 2 third
             c 3
            """;

    @TempDir
    Path dir;

    @Test
    void aFailingPatchInTheMiddleChangesNothingAndNamesPatchFileAndHunk() {
        Path tree = dir.resolve("tree");
        write(tree, "a.c", PatchFixture.numbered("a", 10));
        write(tree, "b.c", PatchFixture.numbered("b", 10).replace("b 5\n", "b 5 changed locally\n"));
        write(tree, "c.c", PatchFixture.numbered("c", 3));
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(write(dir, "0001-first.patch", FIRST)).call();
        series.add().setFile(write(dir, "0002-two-files.patch", TWO_FILES)).call();
        series.add().setFile(write(dir, "0003-third.patch", THIRD)).call();
        List<String> heard = new ArrayList<>();

        PatchConflictException e = assertThrows(PatchConflictException.class, () -> series.apply().setAll(true)
                .setListener(outcome -> heard.add(outcome.patch().name())).call());

        assertEquals("patches/0002-two-files.patch", e.patch());
        assertEquals("b.c", e.file());
        assertEquals(1, e.hunkNumber());
        assertEquals("@@ -2,7 +2,7 @@", e.hunkHeader());
        assertTrue(e.getMessage().startsWith("patches/0002-two-files.patch: b.c: hunk #1 (@@ -2,7 +2,7 @@) does not"
                + " apply: "), e.getMessage());
        assertTrue(e.getMessage().contains("at line 5 the patch expects 'b 5' but the file has 'b 5 changed locally'"),
                e.getMessage());
        assertEquals(List.of("0001-first.patch"), heard);
        assertEquals(List.of("0001-first.patch"), series.applied().stream().map(AppliedPatch::name).toList());
        Map<String, String> expected = Map.of(
                "a.c", PatchFixture.numbered("a", 10),
                "b.c", PatchFixture.numbered("b", 10).replace("b 5\n", "b 5 changed locally\n"),
                "c.c", "c 1 first\nc 2\nc 3\n");
        assertEquals(expected, PatchFixture.snapshot(tree), "0001 stays, 0002 changed nothing, 0003 not tried");
        assertNoTemporaryFiles(tree);

        Assumptions.assumeTrue(PatchFixture.installed("patch"), "patch is the oracle");
        PatchFixture.Result oracle = PatchFixture.run(tree, write(dir, "p2", TWO_FILES), "patch", "-p1", "-F0",
                "--dry-run");
        assertEquals(1, oracle.exit(), oracle.output());
        assertTrue(oracle.output().contains("Hunk #1 FAILED at 2."), oracle.output());
    }

    @Test
    void aWriteThatFailsMidwayIsTakenBack() throws IOException {
        Path tree = dir.resolve("tree");
        write(tree, "x.txt", "old\n");
        write(tree, "busy/inside.txt", "keeps busy/ from being deleted\n");
        Map<String, String> before = PatchFixture.snapshot(tree);
        List<FileChange> changes = List.of(
                new FileChange("n/m/new.txt", null, bytes("new\n"), false, false),
                new FileChange("x.txt", bytes("old\n"), bytes("new\n"), false, true),
                new FileChange("busy", bytes(""), null, false, false));

        assertThrows(IOException.class, () -> TreeWriter.write(tree, changes));

        assertEquals(before, PatchFixture.snapshot(tree));
        assertFalse(Files.isExecutable(tree.resolve("x.txt")));
        assertNoTemporaryFiles(tree);
    }

    @Test
    void writtenFilesCanBeTakenBackWhenALaterStepFails() throws IOException {
        Path tree = dir.resolve("tree");
        write(tree, "x.txt", "old\n");
        write(tree, "gone/y.txt", "y\n");
        Map<String, String> before = PatchFixture.snapshot(tree);
        TreeWriter.Written written = TreeWriter.write(tree, List.of(
                new FileChange("x.txt", bytes("old\n"), bytes("new\n"), false, false),
                new FileChange("gone/y.txt", bytes("y\n"), null, false, false),
                new FileChange("n/new.txt", null, bytes("new\n"), false, true)));
        assertEquals("new\n", read(tree, "x.txt"));
        assertFalse(Files.exists(tree.resolve("gone")), "a directory emptied by a deletion goes, as with patch");

        written.rollback();

        assertEquals(before, PatchFixture.snapshot(tree));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static void assertNoTemporaryFiles(Path tree) {
        try (Stream<Path> walk = Files.walk(tree)) {
            List<Path> left = walk.filter(p -> p.getFileName().toString().contains(".kforge-")).toList();
            assertEquals(List.of(), left);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
