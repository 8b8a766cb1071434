package kforge.runner.patch;

import static kforge.runner.patch.PatchFixture.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.diag.KconfigException;

/** Patch mails read as git am reads them: encoded names and subjects, folding, tags, in-body headers. */
class MailMessageTest {
    /** Base64 and quoted-printable words, a quoted name with a comma, a folded encoded subject, messy spacing. */
    static final String ENCODED = """
            From 24be9d1d98a423f42d0b5efe0b3a90c92e0b13f4 Mon Sep 17 00:00:00 2001
            From: "Doe, =?UTF-8?B?SsO2aG4=?=" <john@example.org>
            Date: Mon, 2 Jan 2023 10:00:00 +0100
            Subject: Re: [PATCH v2 3/7] =?UTF-8?q?net:=20f=C3=B6o?= =?UTF-8?q?_bar?=
             continued

            \s\s
            Body line one.\s\s\s


              indented line
            Signed-off-by: X <x@y>


            ---
             f | 2 +-
             1 file changed, 1 insertion(+), 1 deletion(-)

            diff --git a/f b/f
            index 7898192..6178079 100644
            --- a/f
            +++ b/f
            @@ -1 +1 @@
            -a
            +b
            --\s
            2.39.5

            """;

    /** Sent by someone else on the author's behalf: the author is the first line of the body. */
    static final String FORWARDED = """
            From 24be9d1d98a423f42d0b5efe0b3a90c92e0b13f4 Mon Sep 17 00:00:00 2001
            From: Maintainer <maint@example.org>
            Date: Mon, 2 Jan 2023 10:00:00 +0100
            Subject: [PATCH] f: say b

            From: =?iso-8859-1?q?Andr=E9_Author?= <andre@example.org>

            The real message.
            ---
            diff --git a/f b/f
            --- a/f
            +++ b/f
            @@ -1 +1 @@
            -a
            +b
            """;

    @TempDir
    Path dir;

    private static MailMessage parse(String text) {
        return MailMessage.parse("test.patch", LineText.of(text).lines);
    }

    @Test
    void encodedWordsFoldingAndTagsAreUndoneAsGitAmDoes() throws Exception {
        MailMessage mail = parse(ENCODED);
        assertEquals("Doe, Jöhn", mail.authorName());
        assertEquals("john@example.org", mail.authorEmail());
        assertEquals(ZonedDateTime.parse("2023-01-02T10:00:00+01:00"), mail.date());
        assertEquals("net: föo bar continued", mail.subject());
        assertEquals("net: föo bar continued\n\nBody line one.\n\n  indented line\nSigned-off-by: X <x@y>\n",
                mail.message());
        assertSameAsGitAm(ENCODED, mail);
    }

    @Test
    void anInBodyFromNamesTheAuthor() throws Exception {
        MailMessage mail = parse(FORWARDED);
        assertEquals("André Author", mail.authorName());
        assertEquals("andre@example.org", mail.authorEmail());
        assertEquals("f: say b\n\nThe real message.\n", mail.message());
        assertSameAsGitAm(FORWARDED, mail);
    }

    private void assertSameAsGitAm(String text, MailMessage mail) throws Exception {
        Assumptions.assumeTrue(PatchFixture.installed("git"), "git am is the oracle");
        Path repo = dir.resolve("am");
        write(repo, "f", "a\n");
        PatchFixture.commitAll(repo, "init").close();
        PatchFixture.runOk(repo, null, "git", "am", "-q", write(dir, "mail.patch", text).toString());
        try (Git git = Git.open(repo.toFile())) {
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertEquals(head.getAuthorIdent().getName(), mail.authorName());
            assertEquals(head.getAuthorIdent().getEmailAddress(), mail.authorEmail());
            assertEquals(head.getAuthorIdent().getWhenAsInstant(), mail.date().toInstant());
            assertEquals(head.getFullMessage(), mail.message());
        }
    }

    @Test
    void subjectTags() {
        assertEquals("x", MailMessage.cleanSubject("[RFC][PATCH 1/2] x"));
        assertEquals("net: y", MailMessage.cleanSubject("Re: RE: [PATCH net-next] net: y"));
        assertEquals("z [not a tag]", MailMessage.cleanSubject("  z [not a tag]"));
        // git mailinfo's (MailFuzzTest): runs of spaces are one, colons go, a "Re:" with nothing after it stays.
        assertEquals("spaced out", MailMessage.cleanSubject("  spaced   out  "));
        assertEquals("x", MailMessage.cleanSubject("[PATCH]: x"));
        assertEquals("Re:", MailMessage.cleanSubject("[PATCH] [RFC] Re:"));
        assertEquals("", MailMessage.cleanSubject("[PATCH] Re:\n"));  // an in-body subject line, with its line end
    }

    @Test
    void oneMailPerFileAndAnAuthorAreRequired() {
        KconfigException two = assertThrows(KconfigException.class, () -> parse(ENCODED + ENCODED));
        assertTrue(two.getMessage().startsWith("test.patch: holds 2 mails"), two.getMessage());
        KconfigException anonymous = assertThrows(KconfigException.class, () -> parse(
                "From 24be9d1d98a423f42d0b5efe0b3a90c92e0b13f4 Mon Sep 17 00:00:00 2001\nSubject: x\n\n---\n"));
        assertTrue(anonymous.getMessage().contains("no From: header"), anonymous.getMessage());
    }
    // Found by MailFuzzTest; each expectation is git am's (2.39), checked against it when git is installed.

    @Test
    void aMailWithCrlfLineEndsReadsAsGitAmReadsIt() throws Exception {
        String crlf = FORWARDED.replace("\n", "\r\n");
        ParsedPatch parsed = PatchReader.read(write(dir, "crlf.patch", crlf), "crlf.patch", 1);
        MailMessage mail = parsed.mail();
        assertTrue(mail != null, "a mail, not a plain diff");
        assertEquals("andre@example.org", mail.authorEmail());
        assertEquals("f: say b\n\nThe real message.\n", mail.message());
        assertEquals(List.of("b"), parsed.files().get(0).hunks().get(0).newLines());
        assertSameAsGitAm(crlf, mail);
    }

    @Test
    void anInBodyPatchLineIsTheSubjectAndAnInBodyHeaderCountsOnce() throws Exception {
        String text = FORWARDED.replace("From: =?iso-8859-1?q?Andr=E9_Author?= <andre@example.org>\n",
                "[PATCH] the real subject\nDate: Tue, 3 Jan 2023 10:00:00 +0100\nDate: Wed, 4 Jan 2023 10:00:00 +0100\n");
        MailMessage mail = parse(text);
        assertEquals("the real subject\n\nDate: Wed, 4 Jan 2023 10:00:00 +0100\n\nThe real message.\n",
                mail.message());
        assertEquals(ZonedDateTime.parse("2023-01-03T10:00:00+01:00"), mail.date());
        assertSameAsGitAm(text, mail);
    }

    @Test
    void theLastOfTwoHeadersCounts() throws Exception {
        String text = FORWARDED.replace("Subject: [PATCH] f: say b\n", "Subject: [PATCH] first\nSubject: [PATCH] second\n");
        assertEquals("second\n\nThe real message.\n", parse(text).message());
        assertSameAsGitAm(text, parse(text));
    }

    @Test
    void aFromWithoutAnAddressOrAFoldedFirstHeaderIsRefused() {
        // git am: "fatal: empty ident name (for <>) not allowed".
        KconfigException nobody = assertThrows(KconfigException.class, () -> parse(FORWARDED
                .replace("From: Maintainer <maint@example.org>", "From: Name Without Address")
                .replace("From: =?iso-8859-1?q?Andr=E9_Author?= <andre@example.org>\n", "")));
        assertEquals("test.patch: the From: header 'Name Without Address' has no e-mail address; git am needs the"
                + " author's", nobody.getMessage());
        KconfigException folded = assertThrows(KconfigException.class, () -> parse(FORWARDED
                .replace("From: Maintainer", " From: Maintainer")));
        assertEquals("test.patch:2: a folded header line with no header before it: ' From: Maintainer"
                + " <maint@example.org>'", folded.getMessage());
    }
}
