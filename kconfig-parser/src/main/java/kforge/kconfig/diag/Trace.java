package kforge.kconfig.diag;

/**
 * Phase timings on stderr when KFORGE_TRACE is set, to see where a run spends its time. Costs nothing
 * otherwise.
 */
public final class Trace {
    private static final boolean ENABLED = System.getenv("KFORGE_TRACE") != null;
    private static final long START = System.nanoTime();

    private Trace() {
    }

    public static void mark(String phase) {
        if (ENABLED) {
            System.err.printf("kforge trace: %6.1f ms  %s%n", (System.nanoTime() - START) / 1e6, phase);
        }
    }
}
