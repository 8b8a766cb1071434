package kforge.runner.patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.testing.CommandRun;
import kforge.kconfig.testing.FuzzRun;
import kforge.kconfig.testing.FuzzRun.Outcome;
import kforge.kconfig.testing.TextMutator;

/**
 * Differential fuzz of kforge's mail patches against {@code git am} (issue 14): a random git tree, an edit of
 * it as a mail in git format-patch's layout (author names with non-ASCII letters as RFC 2047 words, folded
 * subjects, [PATCH n/m] tags, in-body From:, a diffstat, the "-- " signature), mutated in its headers (missing,
 * duplicated, folded, odd dates, CRLF, charsets, transfer encodings), its body ("---" and "From " lines) and its
 * diff (PatchFuzzTest's mutations), then blindly. git am applies it to one copy, kforge's series to the other.
 * Both commit: the same files, author, author date and message; both refuse: agree. kforge refusing what git
 * am takes is allowed only where {@link #STRICTER} says why, and so is kforge applying a diff git apply refuses
 * when GNU patch -p1 makes the same files of it (kforge applies a mail's diff as patch does); the rest is a
 * disagreement.
 *
 * <p>Not generated, because git mailinfo makes of them what neither RFC 5322 nor git format-patch means:
 * names with a quoted-pair ({@code ""Quoted" Name"} comes back as {@code Quoted" Name}) and an unclosed quote
 * in From: (it runs on into the next header).
 */
class MailFuzzTest {
    /** 100 cases, each a git am and a JGit commit: 14-30 s at the CI seed on a shared 2-core machine, by its load. */
    private static final int CASES = 100;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> NAMES = List.of("a.c", "dir/b.h", "Makefile", "dir/sub/c.txt");
    private static final List<String> AUTHORS = List.of("Ada Lovelace", "Jörg Rödel", "O'Brien, Pat",
            "Łukasz Ćwik", "Greg Kroah-Hartman", "x", "José (Pepe) García");
    private static final List<String> WORDS = List.of("net:", "fix", "the", "leak", "in", "driver", "[RFC]",
            "mm/slab:", "ünïcode", "Re:", "[PATCH]", "---", "a", "b:", "v2");
    private static final List<String> INTERESTING = List.of("From: Someone <someone@example.org>",
            "Subject: [PATCH] other", "Date: Mon, 1 Jan 2024 00:00:00 +0000", "---", "-- ", "", " ",
            "Content-Transfer-Encoding: quoted-printable", "Content-Type: text/plain; charset=ISO-8859-1",
            "From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001", "diff --git a/a.c b/a.c",
            "Signed-off-by: A U Thor <author@example.org>", "\tfolded", "MIME-Version: 1.0");

    /**
     * Where kforge may refuse what git am commits: part of its refusal, and why. Each is a mail git format-patch
     * never writes.
     */
    private static final String[][] STRICTER = {
        {"is not supported; export the patch again", "a quoted-printable or base64 body: kforge reads 7bit and"
                + " 8bit, as format-patch writes them"},
        {"the mail has no Date: header", "no Date: git am takes the time of applying as the author date"},
        {"cannot read the Date: header", "a Date: that is not RFC 2822: git am guesses (approxidate)"},
        {"in the middle of hunk", "'\\ No newline' before the last line of a side: git apply takes it, GNU patch"
                + " refuses it ('malformed patch') as kforge does"},
    };

    @TempDir
    Path dir;

    @Test
    void mutatedMailsCommitAsGitAmCommitsThem() {
        Assumptions.assumeTrue(PatchFixture.installed("git"), "git am is the oracle");
        FuzzRun.named("mail", CASES).run((number, random) -> {
            Path caseDir = dir.resolve("case" + number);
            try {
                return new MailCase(caseDir, random).run();
            } finally {
                PatchFuzzTest.deleteTree(caseDir);
            }
        });
    }

    static final class MailCase {
        private final Path root;
        private final Random random;
        private final StringBuilder log = new StringBuilder();

        MailCase(Path root, Random random) {
            this.root = root;
            this.random = random;
        }

        Outcome run() throws Exception {
            Map<String, String> base = new TreeMap<>();
            for (int k = 1 + random.nextInt(2); k > 0; k--) {
                base.put(NAMES.get(random.nextInt(NAMES.size())), text(1 + random.nextInt(20)));
            }
            Map<String, String> edited = new TreeMap<>(base);
            for (String name : base.keySet()) {
                if (random.nextInt(4) > 0) {
                    edited.put(name, edit(base.get(name)));
                }
            }
            if (edited.equals(base) || random.nextInt(6) == 0) {
                String name = NAMES.get(random.nextInt(NAMES.size()));
                edited.put(name, base.containsKey(name) ? edit(base.get(name)) : text(1 + random.nextInt(5)));
            }
            if (edited.equals(base)) {
                return Outcome.AGREE;
            }
            PatchFuzzTest.writeTree(root.resolve("a"), base);
            PatchFuzzTest.writeTree(root.resolve("b"), edited);
            PatchFuzzTest.writeTree(root.resolve("k"), base);
            try (Git git = PatchFixture.commitAll(root.resolve("k"), "base")) {
                // committed
            }
            PatchFixture.copyTree(root.resolve("k"), root.resolve("g"));
            String diff = diff();
            int diffMutations = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0;
            PatchFuzzTest.PatchCase patchCase = new PatchFuzzTest.PatchCase(root.resolve("m"), random);
            for (int k = 0; k < diffMutations; k++) {
                diff = patchCase.mutate(diff);
            }
            log.append(patchCase.log());
            String mail = mail(diff);
            int mutations = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(2);
            for (int k = 0; k < mutations; k++) {
                mail = mutate(mail);
            }
            Path file = root.resolve("p").resolve("0001-fuzz.patch");
            Files.createDirectories(file.getParent());
            Files.write(file, mail.getBytes(StandardCharsets.ISO_8859_1));
            String reference = gitAm(file);
            String ours = kforge(file);
            String input = log + "mail:\n" + mail + "\ngit am: " + reference + "\nkforge: " + ours;
            if (ours.startsWith("CRASH")) {
                return Outcome.disagree("kforge failed without a user error\n" + input);
            }
            boolean theyApplied = reference.startsWith("commit\n");
            boolean weApplied = ours.startsWith("commit\n");
            if (ours.startsWith("commit\nBase Author\n") && !MailMessage.isMail(List.of(mail.split("\n", 2)[0]))
                    && gnuPatchAgrees(base, file)) {
                return Outcome.allowed("no mbox 'From ' line: kforge applies it as a plain diff (quilt's patch"
                        + " header), as GNU patch -p1 does, without a commit; git am " + (theyApplied
                        ? "takes it for a mail by its headers" : "refuses it") + "\n" + input);
            }
            if (theyApplied && weApplied) {
                Map<String, String> k = PatchFixture.snapshot(root.resolve("k"));
                Map<String, String> g = PatchFixture.snapshot(root.resolve("g"));
                if (!k.equals(g)) {
                    return Outcome.disagree("both committed, different files\n" + input);
                }
                return reference.equals(ours) ? Outcome.AGREE
                        : Outcome.disagree("both committed, different commits\n" + input);
            }
            if (weApplied) {
                if (reference.contains("Patch failed at") && gnuPatchAgrees(base, file)) {
                    return Outcome.allowed("git apply refuses the diff, GNU patch -p1 makes kforge's files of it:"
                            + " kforge applies a mail's diff as patch does\n" + input);
                }
                return Outcome.disagree("kforge committed what git am refuses\n" + input);
            }
            if (theyApplied) {
                for (String[] allowed : STRICTER) {
                    if (ours.contains(allowed[0])) {
                        return Outcome.allowed(allowed[1] + "\n" + input);
                    }
                }
                for (String[] allowed : PatchFuzzTest.STRICTER) {
                    if (ours.contains(allowed[0])) {
                        return Outcome.allowed(allowed[1] + "\n" + input);
                    }
                }
                return Outcome.disagree("git am committed it, kforge refused\n" + input);
            }
            return Outcome.AGREE;
        }

        /** GNU patch on the mail (it skips the headers as text) makes the files kforge made. */
        private boolean gnuPatchAgrees(Map<String, String> base, Path file) {
            if (!PatchFixture.installed("patch")) {
                return false;
            }
            Path copy = root.resolve("pg");
            PatchFuzzTest.writeTree(copy, base);
            CommandRun run = CommandRun.run(List.of("patch", "-d", copy.toString(), "-p1", "-f", "-N",
                    "--no-backup-if-mismatch", "-r", "-", "-i", file.toString()), environment(), TIMEOUT);
            log.append("GNU patch: exit ").append(run.exitCode()).append(": ").append(run.stdout()).append('\n');
            return run.exitCode() == 0 && !run.stdout().contains("with fuzz")
                    && PatchFixture.snapshot(copy).equals(PatchFixture.snapshot(root.resolve("k")));
        }

        private String line() {
            int kind = random.nextInt(6);
            return kind == 0 ? "}" : kind == 1 ? "\tline " + random.nextInt(40) : "line " + random.nextInt(200);
        }

        private String text(int lines) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < lines; k++) {
                text.append(line()).append('\n');
            }
            return text.toString();
        }

        private String edit(String text) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            lines.remove(lines.size() - 1);
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                int at = random.nextInt(lines.size() + 1);
                if (random.nextBoolean() || at == lines.size()) {
                    lines.add(at, line());
                } else {
                    lines.set(at, line());
                }
            }
            return String.join("\n", lines) + (random.nextInt(10) == 0 ? "" : "\n");
        }

        private String diff() {
            CommandRun run = CommandRun.run(List.of("sh", "-c", "cd \"$0\" && exec \"$@\"", root.toString(), "git",
                    "diff", "--no-index", "--no-prefix", "--no-color", "--stat", "-p", "a", "b"), environment(),
                    TIMEOUT);
            if (run.exitCode() > 1) {
                throw new IllegalStateException("git diff failed: " + run.stderr());
            }
            return run.stdout();
        }

        private Map<String, String> environment() {
            return Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "LC_ALL", "C",
                    "HOME", root.toString(), "GIT_CONFIG_NOSYSTEM", "1", "TZ", "UTC",
                    "GIT_COMMITTER_NAME", "Oracle Committer", "GIT_COMMITTER_EMAIL", "oracle@example.org");
        }

        // ---- the mail ----

        private String words(int count) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < count; k++) {
                text.append(k == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
            }
            return text.toString();
        }

        /** RFC 2047 Q-encoding of UTF-8, as git format-patch writes a header that is not ASCII. */
        private static String encodedWord(String text) {
            StringBuilder q = new StringBuilder("=?UTF-8?q?");
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.')) {
                    q.append((char) c);
                } else {
                    q.append(String.format(Locale.ROOT, "=%02X", c));
                }
            }
            return q.append("?=").toString();
        }

        private static boolean ascii(String text) {
            return text.chars().allMatch(c -> c < 0x80);
        }

        /** What format-patch writes: bytes as ISO-8859-1 chars, like the rest of the patch text. */
        private static String raw(String text) {
            return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        }

        private String mail(String diff) {
            String author = AUTHORS.get(random.nextInt(AUTHORS.size()));
            String email = author.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "@example.org";
            String from;
            if (!ascii(author)) {
                from = encodedWord(author);
            } else if (author.matches(".*[\",().].*")) {
                from = "\"" + author.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            } else {
                from = author;
            }
            ZonedDateTime date = Instant.ofEpochSecond(1_500_000_000L + random.nextInt(300_000_000))
                    .atZone(ZoneOffset.ofTotalSeconds((random.nextInt(49) - 24) * 30 * 60));
            String subject = words(1 + random.nextInt(12));
            String tag = new String[] {"[PATCH] ", "[PATCH v2 3/7] ", "[PATCH RFC] ", "", "[PATCH 1/1] "}[
                    random.nextInt(5)];
            String subjectHeader = ascii(subject) ? tag + subject : encodedWord(tag + subject);
            if (subjectHeader.length() > 60 && random.nextBoolean()) {
                int space = subjectHeader.indexOf(' ', 40);
                if (space > 0) {
                    subjectHeader = subjectHeader.substring(0, space) + "\n" + subjectHeader.substring(space);
                }
            }
            StringBuilder body = new StringBuilder();
            for (int k = random.nextInt(5); k > 0; k--) {
                body.append(random.nextInt(4) == 0 ? "" : words(1 + random.nextInt(8))).append('\n');
            }
            body.append("\nSigned-off-by: ").append(author).append(" <").append(email).append(">\n");
            boolean eightBit = !ascii(body.toString());
            StringBuilder mail = new StringBuilder();
            mail.append("From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001\n");
            mail.append("From: ").append(from).append(" <").append(email).append(">\n");
            mail.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(date)).append('\n');
            mail.append("Subject: ").append(subjectHeader).append('\n');
            if (eightBit) {
                mail.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
                        + "Content-Transfer-Encoding: 8bit\n");
            }
            mail.append('\n').append(raw(body.toString())).append("---\n").append(diff).append("-- \n2.39.5\n\n");
            return mail.toString();
        }

        private String mutate(String mail) {
            List<String> lines = new ArrayList<>(List.of(mail.split("\n", -1)));
            int headerEnd = Math.max(0, lines.contains("") ? lines.indexOf("") : lines.indexOf("\r"));
            String what;
            switch (random.nextInt(12)) {
                case 0 -> {
                    String header = new String[] {"From:", "Date:", "Subject:"}[random.nextInt(3)];
                    lines.removeIf(l -> l.startsWith(header));
                    what = "no " + header;
                }
                case 1 -> {
                    int at = 1 + random.nextInt(Math.max(1, headerEnd - 1));
                    lines.add(at, lines.get(at));
                    what = "header line " + (at + 1) + " repeated";
                }
                case 2 -> {
                    String[] dates = {"Date: 2024-01-01 10:00:00 +0100", "Date: Mon, 1 Jan 2024 10:00:00 GMT",
                        "Date: 1 Jan 2024 10:00:00 +0100", "Date: Mon, 01 Jan 2024 10:00:00 +0100 (CET)",
                        "Date: Mon, 32 Jan 2024 10:00:00 +0100", "Date: Tue,  2 Jan 2024 10:00:00 -0000",
                        "Date: Mon, 1 Jan 2024 10:00 +0100"};
                    String date = dates[random.nextInt(dates.length)];
                    lines.replaceAll(l -> l.startsWith("Date:") ? date : l);
                    what = date;
                }
                case 3 -> {
                    lines.replaceAll(l -> l + "\r");
                    what = "CRLF on every line";
                }
                case 4 -> {
                    lines.add(headerEnd, new String[] {"Content-Transfer-Encoding: quoted-printable",
                        "Content-Type: text/plain; charset=ISO-8859-1", "Content-Type: text/plain; charset=bogus",
                        "Content-Transfer-Encoding: base64", "X-Mailer: git-send-email 2.39.5"}[random.nextInt(5)]);
                    what = "header " + lines.get(headerEnd);
                }
                case 5 -> {
                    lines.add(headerEnd + 1, new String[] {"From: In Body <inbody@example.org>",
                        "Subject: in-body subject", "Date: Mon, 1 Jan 2024 00:00:00 +0000"}[random.nextInt(3)]);
                    what = "in-body header";
                }
                case 6 -> {
                    lines.add(headerEnd + 1 + random.nextInt(2), new String[] {"---", "--- ", "From someone",
                        ">From here", "diff -u", "Index: x"}[random.nextInt(6)]);
                    what = "body line " + lines.get(headerEnd + 1);
                }
                case 7 -> {
                    int at = 1 + random.nextInt(Math.max(1, headerEnd - 1));
                    lines.set(at, " " + lines.get(at));
                    what = "header line " + (at + 1) + " folded into the one before";
                }
                case 8 -> {
                    lines.replaceAll(l -> l.startsWith("From: ") ? "From: " + new String[] {"nobody",
                        "<only@example.org>", "only@example.org (Only Comment)", "Name Without Address",
                        "=?UTF-8?b?SsO2cmc=?= <j@example.org>",
                        "=?ISO-8859-1?q?J=F6rg?= <j@example.org>"}[random.nextInt(6)] : l);
                    what = "From: changed";
                }
                case 9 -> {
                    lines.replaceAll(l -> l.startsWith("Subject: ") ? "Subject: " + new String[] {"",
                        "[PATCH] [PATCH] twice", "Re: [PATCH] re", "RE: Re: x", "[] empty", "[PATCH unclosed",
                        "  spaced   out  ", "=?UTF-8?q?caf=C3=A9?= =?UTF-8?q?_au_lait?="}[random.nextInt(8)] : l);
                    what = "Subject: changed";
                }
                default -> {
                    return new TextMutator(random, INTERESTING).mutate(mail, 2);
                }
            }
            log.append("mail mutation: ").append(what).append('\n');
            return String.join("\n", lines);
        }

        // ---- the two appliers ----

        private String gitAm(Path file) {
            Path g = root.resolve("g");
            CommandRun am = CommandRun.run(List.of("git", "-C", g.toString(), "am", "--quiet", file.toString()),
                    environment(), TIMEOUT);
            if (am.exitCode() != 0) {
                return "refused: exit " + am.exitCode() + ": " + am.stdout() + am.stderr();
            }
            CommandRun log = CommandRun.run(List.of("git", "-C", g.toString(), "log", "-1", "--date=raw",
                    "--format=%an%n%ae%n%ad%n%B"), environment(), TIMEOUT).requireSuccess();
            return "commit\n" + log.stdout().stripTrailing();
        }

        private String kforge(Path file) {
            Path k = root.resolve("k");
            try {
                PatchSeries series = PatchSeries.open(k);
                series.add().setFile(file).call();
                series.apply().call();
                try (Git git = Git.open(k.toFile())) {
                    RevCommit head = git.log().setMaxCount(1).call().iterator().next();
                    PersonIdent author = head.getAuthorIdent();
                    int offset = author.getTimeZoneOffset();
                    String zone = String.format(Locale.ROOT, "%s%02d%02d", offset < 0 ? "-" : "+",
                            Math.abs(offset) / 60, Math.abs(offset) % 60);
                    return "commit\n" + (author.getName() + "\n" + author.getEmailAddress() + "\n"
                            + author.getWhen().getTime() / 1000 + " " + zone + "\n"
                            + head.getFullMessage()).stripTrailing();
                }
            } catch (KconfigException e) {
                String message = String.valueOf(e.getMessage());
                return message.contains("0001-fuzz.patch") ? "refused: " + message
                        : "CRASH: the refusal does not name the patch: " + message;
            } catch (IOException | org.eclipse.jgit.api.errors.GitAPIException | RuntimeException e) {
                StringBuilder trace = new StringBuilder("CRASH: " + e);
                for (StackTraceElement frame : e.getStackTrace()) {
                    if (trace.length() < 1500) {
                        trace.append("\n    at ").append(frame);
                    }
                }
                return trace.toString();
            }
        }
    }
}
