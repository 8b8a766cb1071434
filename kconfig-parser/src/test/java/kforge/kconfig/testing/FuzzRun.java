package kforge.kconfig.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The loop every differential fuzzer shares: a fixed seed, a budget, one reproducible {@link Random} per case,
 * the summary line that CI logs and scripts/fuzz collects, and the failure that lists the first disagreements.
 *
 * <p>System properties: {@code kforge.fuzz.seed} (default 20261201), {@code kforge.fuzz.cases} (the test's
 * own default), {@code kforge.fuzz.minutes} (a time budget that, when given, replaces the case count: a long
 * run) and {@code kforge.fuzz.report} (a directory that gets every disagreement of a label, with its input).
 * A seed that is not a whole number, or a budget that is not a positive number, fails the test saying so.
 */
public final class FuzzRun {
    private static final int REPORTED = 5;

    /** One case: null when kforge and the reference agree (or kforge is allowed to differ), else what differs. */
    @FunctionalInterface
    public interface Case {
        Outcome run(int number, Random random) throws Exception;
    }

    /** What one case found. */
    public record Outcome(Kind kind, String detail) {
        public static final Outcome AGREE = new Outcome(Kind.AGREE, "");

        public static Outcome disagree(String detail) {
            return new Outcome(Kind.DISAGREE, detail);
        }

        /** kforge differs from the reference in a way its documentation allows (e.g. stricter than patch). */
        public static Outcome allowed(String detail) {
            return new Outcome(Kind.ALLOWED, detail);
        }

        /** The reference crashed or hung and kforge ended cleanly. */
        public static Outcome referenceCrashed(String detail) {
            return new Outcome(Kind.REFERENCE_CRASHED, detail);
        }
    }

    public enum Kind { AGREE, DISAGREE, ALLOWED, REFERENCE_CRASHED }

    private final String label;
    private final int defaultCases;

    private FuzzRun(String label, int defaultCases) {
        this.label = label;
        this.defaultCases = defaultCases;
    }

    public static FuzzRun named(String label, int defaultCases) {
        return new FuzzRun(label, defaultCases);
    }

    public static long seed() {
        String value = System.getProperty("kforge.fuzz.seed");
        try {
            return value == null ? 20261201L : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fail("-Dkforge.fuzz.seed=" + value + ": the seed must be a whole number");
        }
    }

    /** A budget property: a positive number, or the default when it is not given; a bad value fails clearly. */
    private static double positive(String property, double defaultValue, boolean whole) {
        String value = System.getProperty(property);
        if (value == null) {
            return defaultValue;
        }
        try {
            double number = whole ? Integer.parseInt(value.trim()) : Double.parseDouble(value.trim());
            if (number > 0 && !Double.isInfinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return fail("-D" + property + "=" + value + ": must be a positive " + (whole ? "whole number" : "number"));
    }

    /**
     * Runs cases until the budget is spent, prints "fuzz LABEL: N executions ..." and fails with the first
     * disagreements. A case that throws is a disagreement too: kforge must never end in a trace.
     */
    public Summary run(Case fuzzCase) {
        long seed = seed();
        boolean timed = System.getProperty("kforge.fuzz.minutes") != null;
        long deadline = !timed ? Long.MAX_VALUE
                : System.nanoTime() + (long) (positive("kforge.fuzz.minutes", 0, false) * 60e9);
        int cases = timed ? Integer.MAX_VALUE : (int) positive("kforge.fuzz.cases", defaultCases, true);
        long start = System.nanoTime();
        List<String> disagreements = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        int referenceCrashes = 0;
        int executions = 0;
        for (int i = 0; i < cases && System.nanoTime() < deadline; i++) {
            Random random = new Random(seed * 1_000_003L + i);
            Outcome outcome;
            try {
                outcome = fuzzCase.run(i, random);
            } catch (Exception | AssertionError e) {
                outcome = Outcome.disagree("threw " + e);
            }
            executions++;
            String where = "case " + i + " (seed " + seed + "): ";
            switch (outcome.kind()) {
                case DISAGREE -> disagreements.add(where + outcome.detail());
                case ALLOWED -> allowed.add(where + outcome.detail());
                case REFERENCE_CRASHED -> referenceCrashes++;
                default -> { }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Summary summary = new Summary(label, seed, executions, seconds, disagreements, allowed, referenceCrashes);
        writeReport(summary);
        System.out.println(summary.line());
        if (!disagreements.isEmpty()) {
            fail(disagreements.size() + " of " + executions + " " + label + " cases disagree; the first:\n"
                    + String.join("\n\n", disagreements.subList(0, Math.min(REPORTED, disagreements.size()))));
        }
        return summary;
    }

    public record Summary(String label, long seed, int executions, double seconds, List<String> disagreements,
                          List<String> allowed, int referenceCrashes) {
        public String line() {
            return String.format(java.util.Locale.ROOT,
                    "fuzz %s: %d executions in %.1f s, seed %d, %d disagreements, %d allowed differences,"
                            + " %d reference crashes where kforge ended cleanly",
                    label, executions, seconds, seed, disagreements.size(), allowed.size(), referenceCrashes);
        }
    }

    private static void writeReport(Summary summary) {
        String directory = System.getProperty("kforge.fuzz.report");
        if (directory == null) {
            return;
        }
        List<String> entries = new ArrayList<>(summary.disagreements());
        summary.allowed().forEach(a -> entries.add("allowed: " + a));
        try {
            Files.createDirectories(Path.of(directory));
            // UTF-8: a shortened message ends in "…", which ISO-8859-1 cannot hold.
            Files.writeString(Path.of(directory, summary.label() + ".txt"),
                    summary.line() + "\n\n" + String.join("\n\n=====\n", entries), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
