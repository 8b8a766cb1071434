package kforge.kconfig.fix;

import java.util.List;

/**
 * A sequential counter (Sinz 2005) over the change literals: {@link #atMost(int)} is an assumption
 * that bounds how many may hold, so one solver serves every bound and keeps what it learnt.
 */
final class ChangeCounter {
    private final int[] atLeast;

    /** atLeast[j] holds whenever more than j of the literals do, for j up to the bound. */
    ChangeCounter(Circuit c, List<Integer> literals, int bound) {
        int[] previous = new int[bound + 2];
        java.util.Arrays.fill(previous, Circuit.FALSE);
        previous[0] = Circuit.TRUE;
        for (int x : literals) {
            int[] current = new int[bound + 2];
            current[0] = Circuit.TRUE;
            for (int j = 1; j <= bound + 1; j++) {
                int s = c.newVar();
                c.clause(Circuit.not(previous[j]), s);
                c.clause(Circuit.not(x), Circuit.not(previous[j - 1]), s);
                current[j] = s;
            }
            previous = current;
        }
        this.atLeast = previous;
    }

    /** The assumption "no more than k hold". */
    int atMost(int k) {
        return k + 1 < atLeast.length ? Circuit.not(atLeast[k + 1]) : Circuit.TRUE;
    }
}
