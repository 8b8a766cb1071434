package kforge.kconfig.fix;

import java.util.List;

/**
 * What the search found: up to the requested number of verified fixes, fewest changes first, or why none
 * exists. {@code rejected} counts candidates the engine refused (the logic and the engine disagreed).
 */
public record FixOutcome(List<Want> wants, List<Fix> fixes, String reason, boolean alreadyHolds, int rejected,
                         Stats stats) {
    public boolean found() {
        return !fixes.isEmpty() || alreadyHolds;
    }

    /** The encoding's size and where the time went, for the benchmark. */
    public record Stats(int symbols, int variables, int clauses, long encodeMillis, long solveMillis,
                        long verifyMillis) {
    }
}
