package kforge.kconfig.constructs;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.testing.FuzzRun;
import kforge.kconfig.testing.ReferenceKernel;

/**
 * Differential fuzzing against each reference kernel's own conf: Kconfig files from the kernel's
 * scripts/kconfig/tests and kforge's fixtures, mutated ({@link KconfigMutator}), each run in one mode through
 * conf (a process) and kforge (in this JVM). Exit status, stdout, stderr and every written file must agree;
 * where conf crashes, kforge must end cleanly: an error message, or its warning and a result, never a trace.
 *
 * <p>CI runs a fixed seed ({@code -Dkforge.fuzz.seed}, default 20261201) and {@code -Dkforge.fuzz.cases}
 * cases per kernel (default 2000); scripts/fuzz runs long with other seeds. Every case is reproducible from
 * the seed and its number alone.
 */
class DifferentialFuzzTest {
    static final List<ConfMode> MODES = List.of(ConfMode.ALLNOCONFIG, ConfMode.ALLYESCONFIG,
            ConfMode.ALLMODCONFIG, ConfMode.ALLDEFCONFIG, ConfMode.OLDDEFCONFIG, ConfMode.SAVEDEFCONFIG,
            ConfMode.LISTNEWCONFIG, ConfMode.HELPNEWCONFIG, ConfMode.RANDCONFIG);
    private static final int REPORTED = 5;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = ReferenceKernel.class, names = {"LINUX_6_1", "LINUX_6_12"})
    void kforgeAgreesWithTheKernelsConfOnMutatedKconfig(ReferenceKernel kernel) {
        fuzz(kernel.toString(), corpus(kernel.tree().resolve("scripts/kconfig/tests")), MODES,
                caseDir -> ConfPair.in(caseDir).kernel(kernel), dir);
    }

    /**
     * The fuzz loop for one oracle: {@code pairIn} makes the fixture of a case (whose conf, which dialect),
     * {@code modes} are the modes that conf has. Prints a summary line and fails with the first disagreements.
     */
    static void fuzz(String label, List<Map<String, String>> corpus, List<ConfMode> modes,
                     java.util.function.Function<Path, ConfPair> pairIn, Path dir) {
        FuzzRun.named(label, 2000).run((i, random) -> {
            Map<String, String> files = new LinkedHashMap<>(corpus.get(random.nextInt(corpus.size())));
            KconfigMutator mutator = new KconfigMutator(random);
            List<String> names = new ArrayList<>(files.keySet());
            String mutated = names.get(random.nextInt(names.size()));
            files.put(mutated, mutator.mutate(files.get(mutated)));
            ConfMode mode = modes.get(random.nextInt(modes.size()));
            Path caseDir = dir.resolve("case" + i);
            ConfPair pair = pairIn.apply(caseDir);
            files.forEach(pair::file);
            pair.dotConfig(mutator.dotConfig(files.get("Kconfig")));
            pair.env("KCONFIG_SEED", Integer.toString(random.nextInt(1000)));
            String problem = compare(pair, mode);
            removeTree(caseDir);
            if (problem == null) {
                return FuzzRun.Outcome.AGREE;
            }
            String detail = mode.option() + ": " + problem + "\n--- " + mutated + " ---\n" + files.get(mutated);
            return problem.equals("crash") ? FuzzRun.Outcome.referenceCrashed(detail)
                    : FuzzRun.Outcome.disagree(detail);
        });
    }

    /** Fails with the count and the first few disagreements, if there are any. */
    static void failOn(List<String> disagreements, String what) {
        if (!disagreements.isEmpty()) {
            fail(disagreements.size() + " of " + what + "; the first:\n"
                    + String.join("\n\n", disagreements.subList(0, Math.min(REPORTED, disagreements.size()))));
        }
    }

    /** With -Dkforge.fuzz.report=DIR, every disagreement goes to DIR/LABEL.txt for a long run to study. */
    static void writeReport(String label, List<String> disagreements) {
        String directory = System.getProperty("kforge.fuzz.report");
        if (directory == null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(directory));
            // UTF-8: a shortened message ends in "…", which ISO-8859-1 cannot hold.
            Files.writeString(Path.of(directory, label + ".txt"), String.join("\n\n=====\n", disagreements),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Null when both agree, "crash" when conf crashed and kforge ended cleanly, else what differs. */
    static String compare(ConfPair pair, ConfMode mode) {
        ConfPair.Both both;
        try {
            both = pair.run(mode);
        } catch (RuntimeException e) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            return "kforge threw " + trace.toString().lines().limit(8).reduce((x, y) -> x + "\n" + y).orElse("");
        }
        int confExit = both.conf().exit();
        if (confExit >= 128) {
            // conf died of a signal. kforge must end on its own terms: a clear error, or (as for a typeless
            // config on the last line, where conf segfaults) its warning and a result; never a Java trace.
            String err = both.kforge().stderr();
            boolean clean = both.kforge().exit() <= 1 && !err.contains("Exception") && !err.contains("\tat ")
                    && !err.contains("internal error");
            return clean ? "crash" : "conf crashed (exit " + confExit + ") and kforge did not end cleanly: " + err;
        }
        String firstDifference = firstDifference("stderr", both.conf().stderr(), both.kforge().stderr());
        if (firstDifference == null) {
            firstDifference = firstDifference("stdout", both.conf().stdout(), both.kforge().stdout());
        }
        try {
            both.assertSame();
            return null;
        } catch (AssertionError e) {
            if (firstDifference != null && both.conf().exit() == both.kforge().exit()
                    && java.util.Objects.equals(both.conf().files(), both.kforge().files())) {
                return firstDifference;
            }
            String message = String.valueOf(e.getMessage());
            return message.length() > 1500 ? message.substring(0, 1500) + "…" : message;
        }
    }

    /** The first line where two outputs differ, or null when they are the same. */
    private static String firstDifference(String what, String expected, String actual) {
        if (java.util.Objects.equals(expected, actual)) {
            return null;
        }
        List<String> e = expected == null ? List.of() : expected.lines().toList();
        List<String> a = actual == null ? List.of() : actual.lines().toList();
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String x = i < e.size() ? e.get(i) : "<end>";
            String y = i < a.size() ? a.get(i) : "<end>";
            if (!x.equals(y)) {
                return what + " line " + (i + 1) + ": conf: " + x + " | kforge: " + y;
            }
        }
        return what + " differs in line ends";
    }

    /** Each test case of the kernel's scripts/kconfig/tests (its Kconfig files), and kforge's fixtures. */
    static List<Map<String, String>> corpus(Path tests) {
        List<Map<String, String>> corpus = kernelTests(tests);
        for (String fixture : List.of("generated_1.Kconfig", "generated_8.Kconfig", "generated_21.Kconfig",
                "symbol_info.Kconfig")) {
            corpus.add(Map.of("Kconfig", ConfPair.resource(fixture)));
        }
        return corpus;
    }

    /** The Kconfig files of each test case in a tree's scripts/kconfig/tests, by file name. */
    static List<Map<String, String>> kernelTests(Path tests) {
        List<Map<String, String>> corpus = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(tests)) {
            for (Path top : walk.filter(p -> p.getFileName().toString().equals("Kconfig")).sorted().toList()) {
                Map<String, String> files = new LinkedHashMap<>();
                try (Stream<Path> siblings = Files.list(top.getParent())) {
                    for (Path file : siblings.filter(p -> p.getFileName().toString().startsWith("Kconfig"))
                            .sorted().toList()) {
                        files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
                    }
                }
                corpus.add(files);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return corpus;
    }

    static void removeTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
