package kforge.runner.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.testing.CommandRun;
import kforge.kconfig.testing.DotConfigMutator;
import kforge.kconfig.testing.FuzzRun;
import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceKernel;

/**
 * Differential fuzzing of {@link FragmentMerge} against the kernel's own scripts/kconfig/merge_config.sh
 * {@code -m} (merge only, no make), Linux 6.12's: a base (one of the tree's small arch/arm defconfigs, or
 * nothing) and one to four fragments (lines of the base with other values, lines of the tree's own
 * fragments, then {@link DotConfigMutator} edits, so fragments name the base's symbols and each other's).
 * The merged file must be the same bytes, and the script's stdout the same as kforge's redefinitions
 * written in the script's shape.
 *
 * <p>Normalised, as presentation only: the script prints each value with an unquoted {@code echo $VAL}, so
 * the value is split into words at blanks and newlines, joined by one space, and, when /bin/sh is dash, its
 * echo reads backslash escapes; kforge's values go through the same {@link #echo}. (The unquoted word is a
 * glob too, but the script's working directory holds only its hidden temporary files, so only a word that
 * starts with a dot could expand; the mutators make none.) Both stdouts are compared as UTF-8 read
 * leniently (CommandRun's). Not compared: the warnings of a case whose files hold a NUL byte (grep then
 * prints "binary file matches", on stderr, instead of the lines): an allowed difference; its merged file
 * still is compared. The script runs with LC_ALL=C (kforge's matching is bytewise, as grep and sed are in
 * the C locale; in a UTF-8 locale grep -w counts letters such as é as word characters).
 *
 * <p>CI runs the fixed seed and {@code kforge.fuzz.cases} cases (default 150); scripts/fuzz runs long.
 */
class FragmentMergeFuzzTest {
    private static final ReferenceKernel KERNEL = ReferenceKernel.LINUX_6_12;
    private static final Pattern SYMBOL = Pattern.compile("CONFIG_([A-Za-z0-9_]+)");

    /** Whether the script's #!/bin/sh is dash, whose echo reads backslash escapes (bash's does not). */
    private static final boolean DASH_ECHO = isDash(Path.of("/bin/sh"));

    @TempDir
    Path dir;

    private static boolean isDash(Path shell) {
        try {
            return shell.toRealPath().getFileName().toString().contains("dash");
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void kforgeMergesFragmentsAsMergeConfigShDoes() {
        Path tree = KERNEL.tree();
        Path script = tree.resolve("scripts/kconfig/merge_config.sh");
        List<String> bases = smallDefconfigs(tree);
        List<String> fragmentLines = new ArrayList<>();
        for (String fragment : List.of("kernel/configs/debug.config", "kernel/configs/tiny.config",
                "kernel/configs/xen.config", "kernel/configs/kvm_guest.config", "arch/arm/configs/lpae.config",
                "arch/arm/configs/hardening.config")) {
            fragmentLines.addAll(read(tree.resolve(fragment)).lines().toList());
        }
        Map<String, String> environment = new HashMap<>(Oracle.makeEnvironment());
        environment.put("LC_ALL", "C");
        environment.remove("KCONFIG_CONFIG");
        environment.remove("CONFIG_");
        FuzzRun.named("merge_config", 150).run((number, random) -> {
            Path caseDir = Files.createDirectories(dir.resolve("case" + number));
            try {
                FuzzRun.Outcome outcome = runCase(random, caseDir, script, bases, fragmentLines, environment);
                keepForTheReport(outcome, caseDir, number);
                return outcome;
            } finally {
                removeTree(caseDir);
            }
        });
    }

    private FuzzRun.Outcome runCase(Random random, Path caseDir, Path script, List<String> bases,
                                    List<String> fragmentLines, Map<String, String> environment) throws IOException {
        String baseText = random.nextInt(10) == 0 ? "" : bases.get(random.nextInt(bases.size()));
        List<String> symbols = symbolsOf(baseText + String.join("\n", fragmentLines));
        DotConfigMutator mutator = new DotConfigMutator(random, symbols.subList(0, Math.min(symbols.size(), 400)));
        if (random.nextBoolean()) {
            baseText = mutator.mutate(baseText.isEmpty() ? "\n" : baseText, 3);
        }
        List<String> texts = new ArrayList<>();
        int fragments = 1 + random.nextInt(4);
        for (int f = 0; f < fragments; f++) {
            texts.add(fragment(random, mutator, baseText, texts, fragmentLines));
        }
        Path base = write(caseDir.resolve("base.config"), baseText);
        Path out = Files.createDirectories(caseDir.resolve("out"));
        Path work = Files.createDirectories(caseDir.resolve("work"));
        List<String> command = new ArrayList<>(List.of(script.toString(), "-m", "-O", out.toString(),
                base.toString()));
        FragmentMerge merge = new FragmentMerge(base.toString(), baseText);
        StringBuilder expected = new StringBuilder("Using " + base + " as base\n");
        for (int f = 0; f < texts.size(); f++) {
            Path fragment = write(caseDir.resolve("fragment" + f + ".config"), texts.get(f));
            command.add(fragment.toString());
            expected.append("Merging ").append(fragment).append('\n');
            int before = merge.redefinitions().size();
            merge.add(fragment.toString(), texts.get(f));
            for (FragmentMerge.Redefinition r : merge.redefinitions().subList(before, merge.redefinitions().size())) {
                expected.append(echo("Value of", r.symbol(), "is redefined by fragment", r.fragment() + ":"));
                expected.append(echo("Previous  value:", r.previous()));
                expected.append(echo("New value:      ", r.now()));
                expected.append(echo());
            }
        }
        expected.append("#\n# merged configuration written to ").append(out.resolve(".config"))
                .append(" (needs make)\n#\n");
        CommandRun run = CommandRun.run(command, environment, Duration.ofMinutes(1), Path.of("/dev/null"), work);
        String input = "\n--- base ---\n" + shown(baseText) + String.join("", texts.stream()
                .map(t -> "\n--- fragment ---\n" + shown(t)).toList());
        if (run.exitCode() != 0) {
            return FuzzRun.Outcome.disagree("merge_config.sh exited " + run.exitCode() + ": " + run.stderr() + input);
        }
        String scriptMerge = read(out.resolve(".config"));
        if (!scriptMerge.equals(merge.text())) {
            return FuzzRun.Outcome.disagree("merged file: " + firstDifference(scriptMerge, merge.text()) + input);
        }
        String kforgeStdout = new String(expected.toString().getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8);
        if (!run.stdout().equals(kforgeStdout)) {
            boolean binary = baseText.indexOf('\0') >= 0 || texts.stream().anyMatch(t -> t.indexOf('\0') >= 0);
            String problem = "warnings: " + firstDifference(run.stdout(), kforgeStdout);
            return binary ? FuzzRun.Outcome.allowed(problem + " (a NUL byte: grep reports a binary file)")
                    : FuzzRun.Outcome.disagree(problem + input);
        }
        return FuzzRun.Outcome.AGREE;
    }

    /** With -Dkforge.fuzz.report=DIR, a disagreeing case's files go to DIR/merge_config-caseN, to rerun. */
    private static void keepForTheReport(FuzzRun.Outcome outcome, Path caseDir, int number) throws IOException {
        String report = System.getProperty("kforge.fuzz.report");
        if (report == null || outcome.kind() != FuzzRun.Kind.DISAGREE) {
            return;
        }
        Path kept = Files.createDirectories(Path.of(report, "merge_config-case" + number));
        try (Stream<Path> files = Files.list(caseDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Lines of the base with other values, lines of the tree's fragments and of earlier fragments, mutated. */
    private static String fragment(Random random, DotConfigMutator mutator, String baseText, List<String> earlier,
                                   List<String> fragmentLines) {
        List<String> baseLines = baseText.lines().filter(l -> l.contains("CONFIG_")).toList();
        StringBuilder text = new StringBuilder();
        int lines = 1 + random.nextInt(12);
        for (int i = 0; i < lines; i++) {
            int source = random.nextInt(4);
            if (source == 0 && !baseLines.isEmpty()) {
                text.append(baseLines.get(random.nextInt(baseLines.size())));
            } else if (source == 1 && !earlier.isEmpty()) {
                List<String> previous = earlier.get(random.nextInt(earlier.size())).lines().toList();
                text.append(previous.isEmpty() ? "" : previous.get(random.nextInt(previous.size())));
            } else {
                text.append(fragmentLines.get(random.nextInt(fragmentLines.size())));
            }
            text.append('\n');
        }
        return random.nextInt(4) == 0 ? text.toString() : mutator.mutate(text.toString(), 3);
    }

    /**
     * What the script's {@code echo WORDS $VALUE} prints: the arguments split into words at blanks and
     * newlines (the value is unquoted), joined by one space, with dash's echo escapes (\\c ends the output;
     * checked against dash 0.5.12 for \\1, \\12, \\123, \\1234, \\01234, \\8, \\e, \\q and \\x41).
     */
    static String echo(String... arguments) {
        List<String> words = new ArrayList<>();
        for (String argument : arguments) {
            for (String word : argument.split("[ \t\n]+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        String joined = String.join(" ", words);
        if (!DASH_ECHO) {
            return joined + "\n";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c != '\\' || i + 1 == joined.length()) {
                out.append(c);
                continue;
            }
            char next = joined.charAt(++i);
            switch (next) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'c' -> {
                    return out.toString();
                }
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '\\' -> out.append('\\');
                case 'e' -> out.append('\u001b');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    // \0 and up to three octal digits, or up to three digits starting with 1-7.
                    int value = next - '0';
                    int digits = next == '0' ? 0 : 1;
                    while (digits < 3 && i + 1 < joined.length() && joined.charAt(i + 1) >= '0'
                            && joined.charAt(i + 1) <= '7') {
                        value = value * 8 + joined.charAt(++i) - '0';
                        digits++;
                    }
                    out.append((char) (value & 0xff));
                }
                default -> out.append('\\').append(next);
            }
        }
        return out.append('\n').toString();
    }

    /** A file for the report: control bytes other than the newline as \\xNN, a missing final newline marked. */
    static String shown(String text) {
        return text.endsWith("\n") || text.isEmpty() ? escaped(text) : escaped(text) + "\n<no final newline>\n";
    }

    private static String escaped(String text) {
        // A line of thousands of bytes is shown by its start and length.
        return String.join("\n", Stream.of(text.split("\n", -1)).map(line -> line.length() > 300
                ? escapedLine(line.substring(0, 100)) + "...(" + line.length() + " characters)"
                : escapedLine(line)).toList());
    }

    private static String escapedLine(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\n' || (c >= ' ' && c < 0x7f && c != '\\')) {
                out.append(c);
            } else {
                out.append(String.format("\\x%02x", (int) c));
            }
        }
        return out.toString();
    }

    private static String firstDifference(String script, String kforge) {
        List<String> s = List.of(script.split("\n", -1));
        List<String> k = List.of(kforge.split("\n", -1));
        for (int i = 0; i < Math.max(s.size(), k.size()); i++) {
            String x = i < s.size() ? s.get(i) : "<end>";
            String y = i < k.size() ? k.get(i) : "<end>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": script: " + escaped(x) + " | kforge: " + escaped(y);
            }
        }
        return "differs";
    }

    /** The tree's arch/arm defconfigs under 3 KB, by name. */
    private static List<String> smallDefconfigs(Path tree) {
        try (Stream<Path> files = Files.list(tree.resolve("arch/arm/configs"))) {
            List<String> texts = files.filter(p -> p.getFileName().toString().endsWith("_defconfig"))
                    .filter(p -> p.toFile().length() < 3000).sorted().map(FragmentMergeFuzzTest::read).toList();
            if (texts.isEmpty()) {
                throw new IllegalStateException("no small defconfig in " + tree.resolve("arch/arm/configs"));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> symbolsOf(String text) {
        List<String> symbols = new ArrayList<>();
        Matcher m = SYMBOL.matcher(text);
        while (m.find()) {
            if (!symbols.contains(m.group(1))) {
                symbols.add(m.group(1));
            }
        }
        return symbols;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.ISO_8859_1);
    }

    private static void removeTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
