package kforge.runner.patch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.testing.CommandRun;
import kforge.kconfig.testing.FuzzRun;
import kforge.kconfig.testing.FuzzRun.Outcome;
import kforge.kconfig.testing.TextMutator;

/**
 * Differential fuzz of kforge's unified-diff reading and applying against GNU patch (issue 14). Each case
 * makes a small random tree (random lines, repeated ones, tab-led ones, CRLF ones, files without a final
 * newline), an edited copy, their diff from {@code diff -Naur} or {@code git diff --no-index}, then mutates
 * the diff (hunk counts and offsets, context dropped, repeated, swapped or changed, "\ No newline" markers
 * moved, /dev/null sides, git renames, CRLF, binary garbage, NUL bytes, truncation, {@link TextMutator}'s blind
 * edits), sometimes the tree too (lines added at the top: offsets), sometimes compresses it (gzip, bzip2,
 * xz, sometimes corrupted). It goes to two copies of the tree: GNU {@code patch -p1 -f -N} (after
 * {@code gzip -d} and the like for a compressed one) and kforge's series apply in process.
 *
 * <p>Verdicts: both apply with the same files (offsets included: kforge allows them as patch does), or both
 * refuse: agree. patch applies only with fuzz and kforge refuses: allowed (kforge has no fuzz, by design),
 * and so are the refusals in {@link #STRICTER}, each a patch that contradicts itself or is cut off, whose
 * broken part patch skips or guesses at. Anything else where patch applies and kforge refuses, kforge
 * applying what patch refuses, both applying with other files, or kforge failing other than with its
 * user-error exception naming the patch: a disagreement. patch ending in "trouble" (status above 2) is a
 * reference crash.
 *
 * <p>Not generated, because GNU patch 2.7.6 misreads them where git apply and kforge do not: git renames of
 * names with a space, and a pure git rename followed by a traditional diff (patch takes that diff's ---/+++
 * lines for the rename's).
 */
class PatchFuzzTest {
    /** 400 cases: 13-33 s at the CI seed on a shared 2-core machine, by its load; CI allows 60 s. */
    private static final int CASES = 400;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> SHARED_LINES = List.of("}", "{", "", "\treturn 0;", "int x;", "\tx++;",
            "#endif", "\t}", " * comment", "  ");
    private static final List<String> NAMES = List.of("a.c", "dir/b.h", "dir/sub/c.txt", "Makefile", "d.S",
            "e space.c", "dir/f.rs");
    private static final List<String> INTERESTING = List.of("\\ No newline at end of file", "--- /dev/null",
            "+++ /dev/null", "@@ -1 +1 @@", "@@ -0,0 +1,2 @@", "@@ -1,3 +1,3 @@", "diff --git a/a.c b/a.c",
            "new file mode 100644", "deleted file mode 100644", "rename from a.c", "rename to z.c",
            "index 1234567..89abcde 100644", "old mode 100644", "new mode 100755", "--- a/a.c", "+++ b/a.c",
            "", " ", "-", "+", " }", "-}", "+}", "\t}", "GIT binary patch", "Binary files a/a.c and b/a.c differ");

    /**
     * Where kforge may refuse what patch applies, besides fuzz: a part of kforge's refusal, and why. Each is a
     * patch that contradicts itself or is cut off, whose broken part patch silently skips or guesses at.
     */
    static final String[][] STRICTER = {
        {"without hunks", "a file header with no hunk after it (a cut-off patch): patch skips it"},
        {"no hunks and no mode change", "a git diff with no hunk and nothing else to do: patch skips it"},
        {"lines but no hunks", "a git diff with ---/+++ and no hunk: patch skips it (or takes a rename"
                + " as done)"},
        {"says the file is new, but", "'--- /dev/null' with old lines: patch patches the +++ file"},
        {"says the file is deleted, but", "'+++ /dev/null' with new lines: patch patches the --- file"},
        {"NUL byte", "a NUL in a file name: patch cuts the name there and patches another file"},
        {"the patch ends inside hunk", "a cut-off patch: patch ignores the incomplete hunk"},
        {"hunk without a file header", "a '---'/'+++' pair broken apart: patch pieces names together from"
                + " nearby lines"},
        {"malformed hunk header", "a cut-off or edited @@ line: patch takes it for text between diffs"},
        {"changes the file name without 'rename from'", "a git diff whose ---/+++ names differ from its"
                + " diff --git line's (cut off or edited): patch takes one of them"},
        {"would overlap the hunk before it", "hunks out of order or overlapping (a hunk repeated): patch lets a"
                + " hunk's leading context reuse the lines of the hunk before, so a repeated hunk applies twice"},
        {"name other files than 'rename from", "a rename whose ---/+++ lines name other files"},
        {"cannot strip", "a file name with no directory to strip (edited or empty): patch takes another header's"},
        {"cannot tell the two file names apart", "a broken 'diff --git' line: patch takes the ---/+++ names"},
        {"name another file than 'diff --git", "a git diff whose ---/+++ names differ from its diff --git line's"
                + " (git apply: 'inconsistent new filename'): patch takes one of them"},
        {"starts a side at line 0 but has lines", "an @@ line with lines at line 0 (edited): patch reads it as"
                + " a file that ends up empty, or refuses it"},
        {"'rename from' without 'rename to'", "a broken rename header: patch takes the ---/+++ names"},
        {"no file name left in", "a file name that is only its a/ or b/ (cut off): patch takes another header's"},
        {"creates this file, but it already exists", "git's header of a new empty file where a file already is:"
                + " patch leaves the file be, git apply refuses as kforge does"},
        {"bad file mode", "a mangled git mode line: patch ignores a mode it cannot read"},
        {"no diff found", "no diff at all (an empty patch): patch does nothing and succeeds"},
    };

    @TempDir
    Path dir;

    @Test
    void mutatedDiffsApplyAsGnuPatchAppliesThem() {
        Assumptions.assumeTrue(PatchFixture.installed("patch") && PatchFixture.installed("diff")
                && PatchFixture.installed("git"), "GNU patch, diff and git are the oracle");
        FuzzRun.named("patch", CASES).run((number, random) -> {
            Path caseDir = dir.resolve("case" + number);
            try {
                return new PatchCase(caseDir, random).run();
            } finally {
                deleteTree(caseDir);
            }
        });
    }

    /** One case's trees, patch and verdict. */
    static final class PatchCase {
        private final Path root;
        private final Random random;
        private final StringBuilder log = new StringBuilder();
        /** The diff is git's: no names with a space then, which GNU patch 2.7.6 misreads in git headers. */
        private boolean git;

        String log() {
            return log.toString();
        }

        PatchCase(Path root, Random random) {
            this.root = root;
            this.random = random;
        }

        Outcome run() throws IOException {
            git = random.nextInt(3) == 0;
            Map<String, String> base = randomTree();
            Map<String, String> edited = edit(base);
            writeTree(root.resolve("a"), base);
            writeTree(root.resolve("b"), edited);
            String patch = diff();
            if (patch.isEmpty()) {
                return Outcome.AGREE;
            }
            int mutations = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3);
            for (int k = 0; k < mutations; k++) {
                patch = mutate(patch);
            }
            Map<String, String> tree = new TreeMap<>(base);
            if (random.nextInt(8) == 0) {
                shiftTree(tree);
            }
            writeTree(root.resolve("k"), tree);
            writeTree(root.resolve("g"), tree);
            byte[] bytes = patch.getBytes(StandardCharsets.ISO_8859_1);
            String suffix = "";
            if (random.nextInt(10) == 0) {
                suffix = new String[] {".gz", ".bz2", ".xz"}[random.nextInt(3)];
                bytes = compress(bytes, suffix);
                if (random.nextBoolean()) {
                    bytes = corrupt(bytes);
                }
            }
            Path patchFile = root.resolve("p").resolve("fuzz.patch" + suffix);
            Files.createDirectories(patchFile.getParent());
            Files.write(patchFile, bytes);
            Reference reference = gnuPatch(patchFile, suffix);
            String refused = kforge(patchFile);
            return verdict(reference, refused, patch);
        }

        // ---- trees ----

        private String randomLine() {
            int kind = random.nextInt(10);
            String line;
            if (kind < 3) {
                line = SHARED_LINES.get(random.nextInt(SHARED_LINES.size()));
            } else if (kind < 5) {
                line = "\t" + "line " + random.nextInt(60);
            } else {
                line = "line " + random.nextInt(200);
            }
            if (random.nextInt(40) == 0) {
                line += "\r";
            }
            if (random.nextInt(60) == 0) {
                line += " ";
            }
            return line;
        }

        private String randomText(int maxLines) {
            int count = random.nextInt(maxLines + 1);
            boolean crlf = random.nextInt(12) == 0;
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < count; k++) {
                text.append(randomLine()).append(crlf ? "\r\n" : "\n");
            }
            if (count > 0 && random.nextInt(5) == 0) {
                text.setLength(text.length() - 1);
            }
            return text.toString();
        }

        private Map<String, String> randomTree() {
            Map<String, String> tree = new TreeMap<>();
            int files = 1 + random.nextInt(3);
            for (int k = 0; k < files; k++) {
                tree.put(randomName(), randomText(30));
            }
            return tree;
        }

        private String randomName() {
            String name = NAMES.get(random.nextInt(NAMES.size()));
            return git && name.contains(" ") ? "a.c" : name;
        }

        private Map<String, String> edit(Map<String, String> base) {
            Map<String, String> edited = new TreeMap<>();
            for (Map.Entry<String, String> file : base.entrySet()) {
                int what = random.nextInt(10);
                if (what == 0) {
                    continue;
                }
                edited.put(file.getKey(), what == 1 ? file.getValue() : editText(file.getValue()));
            }
            if (edited.equals(base) || random.nextInt(5) == 0) {
                String name = randomName();
                if (!edited.containsKey(name) && !conflictsWithDirectory(edited, name)) {
                    edited.put(name, randomText(8));
                } else if (edited.containsKey(name)) {
                    edited.put(name, editText(edited.get(name)));
                }
            }
            return edited;
        }

        private static boolean conflictsWithDirectory(Map<String, String> tree, String name) {
            return tree.keySet().stream().anyMatch(n -> n.startsWith(name + "/") || name.startsWith(n + "/"));
        }

        private String editText(String text) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            boolean finalNewline = lines.get(lines.size() - 1).isEmpty();
            lines.remove(lines.size() - 1);
            if (!finalNewline && lines.isEmpty()) {
                finalNewline = true;
            }
            int edits = 1 + random.nextInt(4);
            for (int k = 0; k < edits; k++) {
                int at = random.nextInt(lines.size() + 1);
                switch (random.nextInt(4)) {
                    case 0 -> lines.add(at, randomLine());
                    case 1 -> {
                        if (at < lines.size()) {
                            lines.remove(at);
                        }
                    }
                    case 2 -> {
                        if (at < lines.size()) {
                            lines.set(at, randomLine());
                        }
                    }
                    default -> {
                        for (int n = random.nextInt(4); n > 0; n--) {
                            lines.add(Math.min(at, lines.size()), randomLine());
                        }
                    }
                }
            }
            if (random.nextInt(8) == 0) {
                finalNewline = !finalNewline;
            }
            String joined = String.join("\n", lines);
            if (lines.isEmpty()) {
                return "";
            }
            return finalNewline ? joined + "\n" : joined;
        }

        /** Lines added at the top or removed from it, so hunks apply at an offset or not at all. */
        private void shiftTree(Map<String, String> tree) {
            if (tree.isEmpty()) {
                return;
            }
            List<String> names = new ArrayList<>(tree.keySet());
            String name = names.get(random.nextInt(names.size()));
            String text = tree.get(name);
            if (random.nextBoolean()) {
                StringBuilder top = new StringBuilder();
                for (int n = 1 + random.nextInt(6); n > 0; n--) {
                    top.append(randomLine()).append('\n');
                }
                tree.put(name, top + text);
            } else {
                int newline = text.indexOf('\n');
                tree.put(name, newline < 0 ? "" : text.substring(newline + 1));
            }
            log.append("tree shifted: ").append(name).append('\n');
        }

        // ---- the diff ----

        private String diff() {
            int context = new int[] {3, 3, 3, 0, 1, 2, 5}[random.nextInt(7)];
            List<String> command;
            if (git) {
                command = List.of("git", "diff", "--no-index", "--no-prefix", "--no-color", "-U" + context, "a", "b");
            } else {
                command = List.of("diff", "-Naur", "-U" + context, "a", "b");
            }
            // CommandRun has no working directory: sh changes to the case's, without parsing any name.
            CommandRun run = CommandRun.run(concat(List.of("sh", "-c", "cd \"$0\" && exec \"$@\"", root.toString()),
                    command), environment(), TIMEOUT);
            if (run.exitCode() > 1) {
                throw new IllegalStateException(command + " failed: " + run.stderr());
            }
            log.append("made by: ").append(String.join(" ", command)).append('\n');
            return run.stdout();
        }

        private static List<String> concat(List<String> first, List<String> second) {
            List<String> all = new ArrayList<>(first);
            all.addAll(second);
            return all;
        }

        private Map<String, String> environment() {
            return Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "LC_ALL", "C",
                    "HOME", root.toString(), "GIT_CONFIG_NOSYSTEM", "1", "TZ", "UTC");
        }

        // ---- mutations ----

        /** One format-aware or blind edit of a diff, said in {@link #log()}; MailFuzzTest uses it on a mail's diff. */
        String mutate(String patch) {
            List<String> lines = new ArrayList<>(List.of(patch.split("\n", -1)));
            boolean endsInNewline = lines.size() > 1 && lines.get(lines.size() - 1).isEmpty();
            if (endsInNewline) {
                lines.remove(lines.size() - 1);
            }
            int op = random.nextInt(20);
            String what = mutateLines(lines, op);
            if (what == null) {
                return patch;
            }
            log.append("mutation: ").append(what).append('\n');
            if (what.startsWith("text")) {
                return new TextMutator(random, INTERESTING).mutate(patch, 2);
            }
            if (what.startsWith("truncate")) {
                return patch.substring(0, random.nextInt(patch.length() + 1));
            }
            String joined = String.join("\n", lines);
            return endsInNewline ? joined + "\n" : joined;
        }

        private List<Integer> indexes(List<String> lines, java.util.function.Predicate<String> which) {
            List<Integer> found = new ArrayList<>();
            for (int k = 0; k < lines.size(); k++) {
                if (which.test(lines.get(k))) {
                    found.add(k);
                }
            }
            return found;
        }

        private int pick(List<Integer> found) {
            return found.isEmpty() ? -1 : found.get(random.nextInt(found.size()));
        }

        /** Edits lines in place and says what it did, or returns null when the patch has nothing to edit. */
        private String mutateLines(List<String> lines, int op) {
            List<Integer> headers = indexes(lines, l -> l.startsWith("@@ "));
            List<Integer> context = indexes(lines, l -> l.startsWith(" "));
            List<Integer> body = indexes(lines, l -> l.startsWith(" ") || l.startsWith("-") && !l.startsWith("--- ")
                    || l.startsWith("+") && !l.startsWith("+++ "));
            switch (op) {
                case 0, 1 -> {
                    int at = pick(headers);
                    if (at < 0) {
                        return null;
                    }
                    String header = lines.get(at);
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(header);
                    List<int[]> numbers = new ArrayList<>();
                    while (m.find()) {
                        numbers.add(new int[] {m.start(), m.end()});
                    }
                    if (numbers.isEmpty()) {
                        return null;
                    }
                    int[] n = numbers.get(random.nextInt(Math.min(4, numbers.size())));
                    long value = Long.parseLong(header.substring(n[0], n[1]));
                    long changed = Math.max(0, value + (random.nextBoolean() ? 1 : -1)
                            * (op == 0 ? 1 : 1 + random.nextInt(6)));
                    lines.set(at, header.substring(0, n[0]) + changed + header.substring(n[1]));
                    return "hunk header number " + value + " -> " + changed + " at line " + (at + 1);
                }
                case 2 -> {
                    int at = pick(headers);
                    if (at < 0) {
                        return null;
                    }
                    int shift = (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(8));
                    java.util.regex.Matcher m = java.util.regex.Pattern
                            .compile("^@@ -(\\d+)(,\\d+)? \\+(\\d+)(,\\d+)? @@(.*)$").matcher(lines.get(at));
                    if (!m.matches()) {
                        return null;
                    }
                    long old = Math.max(0, Long.parseLong(m.group(1)) + shift);
                    long neu = Math.max(0, Long.parseLong(m.group(3)) + shift);
                    lines.set(at, "@@ -" + old + (m.group(2) == null ? "" : m.group(2)) + " +" + neu
                            + (m.group(4) == null ? "" : m.group(4)) + " @@" + m.group(5));
                    return "hunk moved by " + shift + " at line " + (at + 1);
                }
                case 3 -> {
                    int at = pick(context);
                    if (at < 0) {
                        return null;
                    }
                    lines.remove(at);
                    return "context line " + (at + 1) + " dropped";
                }
                case 4 -> {
                    int at = pick(context);
                    if (at < 0) {
                        return null;
                    }
                    lines.add(at, lines.get(at));
                    return "context line " + (at + 1) + " repeated";
                }
                case 5 -> {
                    int at = pick(body);
                    if (at < 0 || at + 1 >= lines.size()) {
                        return null;
                    }
                    String line = lines.get(at);
                    lines.set(at, lines.get(at + 1));
                    lines.set(at + 1, line);
                    return "lines " + (at + 1) + " and " + (at + 2) + " swapped";
                }
                case 6 -> {
                    int at = pick(random.nextBoolean() ? context : body);
                    if (at < 0) {
                        return null;
                    }
                    String line = lines.get(at);
                    lines.set(at, line.length() > 1 && random.nextBoolean() ? line.substring(0, line.length() - 1)
                            : line + "x");
                    return "hunk line " + (at + 1) + " changed";
                }
                case 7 -> {
                    int at = pick(body);
                    if (at < 0) {
                        return null;
                    }
                    lines.add(at + 1, "\\ No newline at end of file");
                    return "'\\ No newline' after line " + (at + 1);
                }
                case 8 -> {
                    int at = pick(indexes(lines, l -> l.startsWith("\\")));
                    if (at < 0) {
                        return null;
                    }
                    lines.remove(at);
                    return "'\\ No newline' at line " + (at + 1) + " dropped";
                }
                case 9 -> {
                    // A mailer ate the space before a tab-led context line.
                    List<Integer> tabbed = indexes(lines, l -> l.startsWith(" \t"));
                    int at = pick(tabbed);
                    if (at < 0) {
                        return null;
                    }
                    lines.set(at, lines.get(at).substring(1));
                    return "context line " + (at + 1) + " lost its leading space before a tab";
                }
                case 10 -> {
                    boolean all = random.nextBoolean();
                    for (int k = 0; k < lines.size(); k++) {
                        String line = lines.get(k);
                        if (all || line.startsWith("--- ") || line.startsWith("+++ ") || line.startsWith("@@ ")
                                || line.startsWith("diff ") || line.startsWith("index ")) {
                            lines.set(k, line + "\r");
                        }
                    }
                    return all ? "CRLF on every line" : "CRLF on header lines";
                }
                case 11 -> {
                    int at = pick(indexes(lines, l -> l.startsWith("--- ") || l.startsWith("+++ ")));
                    if (at < 0) {
                        return null;
                    }
                    lines.set(at, lines.get(at).substring(0, 4) + "/dev/null");
                    return "line " + (at + 1) + " names /dev/null";
                }
                case 12 -> {
                    return rename(lines);
                }
                case 13 -> {
                    int at = random.nextInt(lines.size() + 1);
                    StringBuilder garbage = new StringBuilder();
                    for (int n = 1 + random.nextInt(20); n > 0; n--) {
                        garbage.append((char) (random.nextBoolean() ? random.nextInt(256) : 0x80 + random.nextInt(128)));
                    }
                    String text = garbage.toString().replace("\n", "");
                    if (at < lines.size() && random.nextBoolean()) {
                        lines.set(at, lines.get(at) + text);
                    } else {
                        lines.add(Math.min(at, lines.size()), text);
                    }
                    return "binary garbage at line " + (at + 1);
                }
                case 14 -> {
                    int at = pick(indexes(lines, l -> l.startsWith("--- ") || l.startsWith("+++ ")
                            || l.startsWith("diff --git ")));
                    if (at < 0) {
                        return null;
                    }
                    String line = lines.get(at);
                    int cut = Math.min(line.length(), 6 + random.nextInt(Math.max(1, line.length() - 5)));
                    lines.set(at, line.substring(0, cut) + '\0' + line.substring(cut));
                    return "NUL in the file name at line " + (at + 1);
                }
                case 15 -> {
                    int at = pick(headers);
                    if (at < 0) {
                        return null;
                    }
                    int end = at + 1;
                    while (end < lines.size() && !lines.get(end).startsWith("@@ ") && !lines.get(end).startsWith("diff ")
                            && !lines.get(end).startsWith("--- ")) {
                        end++;
                    }
                    List<String> hunk = new ArrayList<>(lines.subList(at, end));
                    if (random.nextBoolean()) {
                        lines.subList(at, end).clear();
                        return "hunk at line " + (at + 1) + " dropped";
                    }
                    lines.addAll(end, hunk);
                    return "hunk at line " + (at + 1) + " repeated";
                }
                case 16 -> {
                    // Context that drifted: needs fuzz in patch.
                    int at = pick(context);
                    if (at < 0) {
                        return null;
                    }
                    lines.set(at, " drifted " + random.nextInt(10));
                    return "context line " + (at + 1) + " replaced";
                }
                case 17 -> {
                    return "truncate";
                }
                default -> {
                    return "text mutator";
                }
            }
        }

        /** A file's section turned into a git rename (with its hunks, if any). */
        private String rename(List<String> lines) {
            int at = pick(indexes(lines, l -> l.startsWith("--- a/")));
            if (at < 0 || at + 1 >= lines.size() || !lines.get(at + 1).startsWith("+++ b/")) {
                return null;
            }
            String oldName = nameOf(lines.get(at).substring(6));
            String newName = random.nextBoolean() ? "renamed/" + oldName : NAMES.get(random.nextInt(NAMES.size()));
            if (oldName.contains(" ") || newName.contains(" ")) {
                return null; // GNU patch 2.7.6 cannot read such a git rename ("Cannot rename file without two valid file names")
            }
            int start = at;
            if (start > 0 && lines.get(start - 1).startsWith("index ")) {
                start--;
            }
            while (start > 0 && (lines.get(start - 1).startsWith("new file mode") || lines.get(start - 1)
                    .startsWith("deleted file mode"))) {
                start--;
            }
            if (start > 0 && lines.get(start - 1).startsWith("diff ")) {
                start--;
            }
            List<String> header = List.of("diff --git a/" + oldName + " b/" + newName, "similarity index 90%",
                    "rename from " + oldName, "rename to " + newName, "--- a/" + oldName, "+++ b/" + newName);
            lines.subList(start, at + 2).clear();
            lines.addAll(start, header);
            int end = start + header.size();
            while (end < lines.size() && !lines.get(end).startsWith("diff ") && !lines.get(end).startsWith("--- ")) {
                end++;
            }
            // A pure rename (no hunks), unless a traditional diff follows: GNU patch would take that diff's
            // ---/+++ lines for the rename's, as git apply does not.
            if (random.nextInt(3) == 0 && (end == lines.size() || lines.get(end).startsWith("diff --git "))) {
                lines.subList(start + 4, end).clear();
            }
            return "rename " + oldName + " -> " + newName + " at line " + (start + 1);
        }

        private static String nameOf(String text) {
            int tab = text.indexOf('\t');
            return tab >= 0 ? text.substring(0, tab) : text;
        }

        // ---- compression ----

        private byte[] compress(byte[] bytes, String suffix) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (suffix) {
                case ".gz" -> {
                    try (OutputStream gz = new GZIPOutputStream(out)) {
                        gz.write(bytes);
                    }
                }
                case ".bz2" -> {
                    try (OutputStream bz = new BZip2CompressorOutputStream(out)) {
                        bz.write(bytes);
                    }
                }
                default -> {
                    Path plain = root.resolve("plain");
                    Files.write(plain, bytes);
                    CommandRun.run(List.of("xz", "-k", "-f", plain.toString()), environment(), TIMEOUT)
                            .requireSuccess();
                    out.write(Files.readAllBytes(root.resolve("plain.xz")));
                }
            }
            log.append("compressed: ").append(suffix).append('\n');
            return out.toByteArray();
        }

        private byte[] corrupt(byte[] bytes) {
            if (random.nextBoolean()) {
                int cut = random.nextInt(bytes.length);
                log.append("compressed stream cut at ").append(cut).append('\n');
                return java.util.Arrays.copyOf(bytes, cut);
            }
            byte[] copy = bytes.clone();
            int at = random.nextInt(copy.length);
            copy[at] ^= (byte) (1 + random.nextInt(255));
            log.append("compressed byte ").append(at).append(" flipped\n");
            return copy;
        }

        // ---- the two appliers ----

        /** @param crashed patch ended by a signal or with a status above 2 ("trouble") */
        record Reference(boolean applied, boolean fuzz, boolean crashed, String output) {
        }

        private Reference gnuPatch(Path patchFile, String suffix) throws IOException {
            Path plain = patchFile;
            if (!suffix.isEmpty()) {
                String program = switch (suffix) {
                    case ".gz" -> "gzip";
                    case ".bz2" -> "bzip2";
                    default -> "xz";
                };
                Path copy = root.resolve("ref").resolve(patchFile.getFileName());
                Files.createDirectories(copy.getParent());
                Files.copy(patchFile, copy);
                CommandRun run = CommandRun.run(List.of(program, "-d", "-f", copy.toString()), environment(),
                        TIMEOUT);
                if (run.exitCode() != 0) {
                    return new Reference(false, false, false, program + " -d: exit " + run.exitCode() + ": "
                            + run.stderr());
                }
                String name = copy.getFileName().toString();
                plain = copy.resolveSibling(name.substring(0, name.lastIndexOf('.')));
            }
            CommandRun run = CommandRun.run(List.of("patch", "-d", root.resolve("g").toString(), "-p1", "-f", "-N",
                    "--no-backup-if-mismatch", "-r", "-", "-i", plain.toString()), environment(), TIMEOUT);
            String output = run.stdout() + run.stderr();
            return new Reference(run.exitCode() == 0, output.contains("with fuzz"), run.exitCode() > 2,
                    "exit " + run.exitCode() + ": " + output);
        }

        /** null when kforge applied the patch, else its refusal; "CRASH ..." when it failed otherwise. */
        private String kforge(Path patchFile) {
            PatchSeries series = PatchSeries.open(root.resolve("k"));
            try {
                series.add().setFile(patchFile).setStrip(1).call();
                series.apply().call();
                return null;
            } catch (KconfigException e) {
                String message = e.getMessage();
                if (message == null || !message.contains(patchFile.getFileName().toString())) {
                    return "CRASH: the refusal does not name the patch: " + message;
                }
                return message;
            } catch (RuntimeException e) {
                StringBuilder trace = new StringBuilder("CRASH: " + e);
                for (StackTraceElement frame : e.getStackTrace()) {
                    if (trace.length() < 1500) {
                        trace.append("\n    at ").append(frame);
                    }
                }
                return trace.toString();
            }
        }

        private Outcome verdict(Reference reference, String refused, String patch) {
            Map<String, String> ours = PatchFixture.snapshot(root.resolve("k"));
            Map<String, String> theirs = PatchFixture.snapshot(root.resolve("g"));
            String input = log + "patch:\n" + show(patch) + "\nGNU patch: " + reference.output()
                    + "\nkforge: " + (refused == null ? "applied" : refused);
            if (refused != null && refused.startsWith("CRASH")) {
                return Outcome.disagree("kforge failed without a user error\n" + input);
            }
            if (reference.crashed()) {
                return Outcome.referenceCrashed(input);
            }
            if (reference.applied() && refused == null) {
                return ours.equals(theirs) ? Outcome.AGREE
                        : Outcome.disagree("both applied, different files:\n" + differences(ours, theirs) + "\n"
                                + input);
            }
            if (!reference.applied() && refused == null) {
                return Outcome.disagree("kforge applied what GNU patch refuses\n" + input);
            }
            if (reference.applied()) {
                if (reference.fuzz()) {
                    return Outcome.allowed("patch needed fuzz\n" + input);
                }
                if (reference.output().contains("already renamed from")
                        || reference.output().contains("(renamed from") && refused.endsWith(": no such file")) {
                    return Outcome.allowed("a rename whose source is missing (or its own target): patch takes it"
                            + " as done and goes on\n" + input);
                }
                for (String[] allowed : STRICTER) {
                    if (refused.contains(allowed[0])) {
                        return Outcome.allowed(allowed[1] + "\n" + input);
                    }
                }
                return Outcome.disagree("GNU patch applied it without fuzz, kforge refused\n" + input);
            }
            return Outcome.AGREE;
        }

        private static String differences(Map<String, String> ours, Map<String, String> theirs) {
            StringBuilder text = new StringBuilder();
            for (String name : new TreeSet<>(concat(List.copyOf(ours.keySet()), List.copyOf(theirs.keySet())))) {
                String a = ours.get(name);
                String b = theirs.get(name);
                if (a == null ? b != null : !a.equals(b)) {
                    text.append(name).append(": kforge ").append(a == null ? "absent" : show(a)).append(" / patch ")
                            .append(b == null ? "absent" : show(b)).append('\n');
                }
            }
            return text.toString();
        }

        private static String show(String text) {
            StringBuilder shown = new StringBuilder();
            for (char c : text.toCharArray()) {
                if (c == '\n') {
                    shown.append("\n");
                } else if (c == '\r') {
                    shown.append("\\r");
                } else if (c == '\t') {
                    shown.append("\\t");
                } else if (c < 0x20 || c >= 0x7f) {
                    shown.append(String.format("\\x%02x", (int) c));
                } else {
                    shown.append(c);
                }
            }
            return shown.toString();
        }
    }

    static void writeTree(Path root, Map<String, String> files) {
        try {
            Files.createDirectories(root);
            for (Map.Entry<String, String> file : files.entrySet()) {
                PatchFixture.write(root, file.getKey(), file.getValue().getBytes(StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
