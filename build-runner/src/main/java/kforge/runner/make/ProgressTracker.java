package kforge.runner.make;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Counts the objects kbuild reports compiling ("  CC      kernel/fork.o", "  CC [M]  fs/vfat.o",
 * "  AS      arch/arm/kernel/entry-armv.o") and turns the count into a fraction and a time left.
 */
public final class ProgressTracker {
    private static final Pattern COMPILED = Pattern.compile("^ {2}(?:CC|AS)(?: \\[M\\])?\\s+\\S+\\.o$");
    /** Below this many objects the rate says little (the first ones wait for the headers to be made). */
    private static final int OBJECTS_BEFORE_ETA = 10;

    private final String target;
    private final long startNanos;
    private int expected;
    private int compiled;

    public ProgressTracker(String target, int expected, long startNanos) {
        this.target = target;
        this.expected = expected;
        this.startNanos = startNanos;
    }

    /** True if the line reports a compiled object. */
    public static boolean isCompileLine(String line) {
        return COMPILED.matcher(line).matches();
    }

    /** Counts the line if it is a compile; returns whether it was. */
    public synchronized boolean accept(String line) {
        if (!isCompileLine(line)) {
            return false;
        }
        compiled++;
        if (compiled >= expected) {
            // The estimate was short; keep the bar moving instead of sitting at the end.
            expected = compiled + Math.max(1, compiled / 20);
        }
        return true;
    }

    public synchronized int compiled() {
        return compiled;
    }

    public synchronized BuildProgress progress(long nowNanos) {
        Duration elapsed = Duration.ofNanos(nowNanos - startNanos);
        Duration eta = null;
        if (compiled >= OBJECTS_BEFORE_ETA && expected > compiled) {
            eta = elapsed.multipliedBy(expected - compiled).dividedBy(compiled);
        }
        return new BuildProgress(target, compiled, expected, elapsed, eta);
    }
}
