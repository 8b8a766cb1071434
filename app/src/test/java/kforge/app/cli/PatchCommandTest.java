package kforge.app.cli;

import static kforge.app.cli.CliRun.kforge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** kforge patch add / apply / unapply / list, in process, as a user types them. */
class PatchCommandTest {
    private static final String FIX = """
            Fix the greeting.

            --- a/src/hello.c
            +++ b/src/hello.c
            @@ -1,5 +1,5 @@
             line 1
             line 2
            -line 3
            +line three
             line 4
             line 5
            """;

    private static final String P0 = """
            --- src/other.c.orig
            +++ src/other.c
            @@ -1,3 +1,3 @@
             a
            -b
            +B
             c
            """;

    private static final String BREAKS = """
            --- a/src/other.c
            +++ b/src/other.c
            @@ -1,3 +1,3 @@
             a
            -was never there
            +x
             c
            """;

    private static final String MAIL = """
            From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001
            From: =?UTF-8?q?Ren=C3=A9=20Hacker?= <rene@example.org>
            Date: Wed, 4 Jan 2023 09:30:00 -0500
            Subject: [PATCH] hello: say hello

            Long explanation.
            ---
            diff --git a/src/hello.c b/src/hello.c
            --- a/src/hello.c
            +++ b/src/hello.c
            @@ -3,3 +3,4 @@
             line 3
             line 4
             line 5
            +hello
            """;

    @TempDir
    Path dir;



    private Path tree() throws IOException {
        Path tree = dir.resolve("linux");
        Files.createDirectories(tree.resolve("src"));
        Files.writeString(tree.resolve("src/hello.c"), "line 1\nline 2\nline 3\nline 4\nline 5\n");
        Files.writeString(tree.resolve("src/other.c"), "a\nb\nc\n");
        return tree;
    }

    private Path patch(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static void assertNoStackTrace(CliRun r) {
        assertFalse(r.hasStackTrace(), r.err());
    }

    @Test
    void addApplyListUnapply() throws IOException {
        Path tree = tree();
        String t = tree.toString();
        CliRun add = kforge("patch", "add", patch("0001-fix.patch", FIX).toString(), "--tree", t);
        assertEquals(0, add.exit(), add.err());
        assertEquals("Added 0001-fix.patch to " + tree.toAbsolutePath().resolve("patches/series") + "\n", add.out());
        assertEquals(0, kforge("patch", "add", patch("0002-other.diff", P0).toString(), "-p0", "--tree", t).exit());
        assertEquals("0001-fix.patch\n0002-other.diff -p0\n", Files.readString(tree.resolve("patches/series")));

        assertEquals("unapplied  0001-fix.patch\nunapplied  0002-other.diff\n",
                kforge("patch", "list", "--tree", t).out());

        CliRun next = kforge("patch", "apply", "--tree", t);
        assertEquals("Applied 0001-fix.patch (work tree)\n", next.out());
        CliRun all = kforge("patch", "apply", "--all", "--tree", t);
        assertEquals("Applied 0002-other.diff (work tree)\n", all.out());
        assertEquals("a\nB\nc\n", Files.readString(tree.resolve("src/other.c")));
        assertTrue(kforge("patch", "apply", "--tree", t).out().startsWith("Nothing to apply"));
        assertEquals("applied    0001-fix.patch   (work tree)\napplied    0002-other.diff  (work tree)\n",
                kforge("patch", "list", "--tree", t).out());

        // A hand edit to the first patch's file: list says so, unapply of that patch is refused, nothing changes.
        Files.writeString(tree.resolve("src/hello.c"), "line 1\nline 2\nline three, edited\nline 4\nline 5\n");
        CliRun list = kforge("patch", "list", "--tree", t);
        assertTrue(list.out().startsWith("changed    0001-fix.patch   (work tree)\n           patches/0001-fix.patch:"
                + " src/hello.c: hunk #1 (@@ -1,5 +1,5 @@) does not reverse-apply: "), list.out());
        assertEquals(0, kforge("patch", "unapply", "--tree", t).exit(), "0002 is on top and unaffected");
        CliRun refused = kforge("patch", "unapply", "--tree", t);
        assertEquals(1, refused.exit());
        assertNoStackTrace(refused);
        assertTrue(refused.err().startsWith("patches/0001-fix.patch: src/hello.c: hunk #1 (@@ -1,5 +1,5 @@) does not"
                + " reverse-apply"), refused.err());
        assertEquals("line 1\nline 2\nline three, edited\nline 4\nline 5\n",
                Files.readString(tree.resolve("src/hello.c")));

        Files.writeString(tree.resolve("src/hello.c"), "line 1\nline 2\nline three\nline 4\nline 5\n");
        CliRun unapply = kforge("patch", "unapply", "--tree", t);
        assertEquals("Unapplied 0001-fix.patch (was work tree)\n", unapply.out());
        assertEquals("line 1\nline 2\nline 3\nline 4\nline 5\n", Files.readString(tree.resolve("src/hello.c")));
    }

    @Test
    void aConflictNamesPatchFileAndHunkAfterTheOnesThatWentOn() throws IOException {
        Path tree = tree();
        String t = tree.toString();
        kforge("patch", "add", patch("0001-fix.patch", FIX).toString(), "--tree", t);
        kforge("patch", "add", patch("0002-breaks.patch", BREAKS).toString(), "--tree", t);
        CliRun r = kforge("patch", "apply", "--all", "--tree", t);
        assertEquals(1, r.exit());
        assertNoStackTrace(r);
        assertEquals("Applied 0001-fix.patch (work tree)\n", r.out());
        assertEquals("patches/0002-breaks.patch: src/other.c: hunk #1 (@@ -1,3 +1,3 @@) does not apply: context not"
                + " found anywhere in the file; at line 2 the patch expects 'was never there' but the file has 'b'"
                + " (no fuzz is allowed)\n", r.err());
        assertEquals("a\nb\nc\n", Files.readString(tree.resolve("src/other.c")));
    }

    @Test
    void aMalformedPatchIsRefusedWithItsFileAndLine() throws IOException {
        Path tree = tree();
        Path bad = patch("bad.patch", "--- a/src/other.c\n+++ b/src/other.c\n@@ -1,3 +1,3 @@\n a\n?b\n c\n");
        CliRun r = kforge("patch", "add", bad.toString(), "--tree", tree.toString());
        assertEquals(1, r.exit());
        assertNoStackTrace(r);
        assertTrue(r.err().startsWith(bad + ":5: unexpected line in hunk #1"), r.err());
        assertFalse(Files.exists(tree.resolve("patches")));
    }

    @Test
    void aMailInAGitTreeBecomesACommit() throws Exception {
        Path tree = tree();
        try (Git git = Git.init().setDirectory(tree.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("base").setSign(false).call();
        }
        String t = tree.toString();
        kforge("patch", "add", patch("0001-hello.patch", MAIL).toString(), "--tree", t);
        CliRun r = kforge("patch", "apply", "--tree", t);
        assertEquals(0, r.exit(), r.err());
        try (Git git = Git.open(tree.toFile())) {
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertEquals("Applied 0001-hello.patch (commit " + head.getName().substring(0, 12) + ")\n", r.out());
            assertEquals("René Hacker", head.getAuthorIdent().getName());
            assertEquals("hello: say hello\n\nLong explanation.\n", head.getFullMessage());
        }
        CliRun list = kforge("patch", "list", "--tree", t);
        assertTrue(list.out().startsWith("applied    0001-hello.patch  (commit "), list.out());
        CliRun unapply = kforge("patch", "unapply", "--tree", t);
        assertEquals(0, unapply.exit(), unapply.err());
        try (Git git = Git.open(tree.toFile())) {
            assertEquals("base", git.log().setMaxCount(1).call().iterator().next().getFullMessage());
        }
    }

    @Test
    void patchWithoutASubcommandIsAUsageError() {
        CliRun r = kforge("patch");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Missing subcommand"), r.err());
    }
}
