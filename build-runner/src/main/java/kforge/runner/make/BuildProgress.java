package kforge.runner.make;

import java.time.Duration;

/**
 * Where a build is: objects compiled so far against the number expected, and the time left at the rate
 * so far. The estimate is a guess, so the fraction stops short of 1 until make has exited.
 *
 * @param eta null until there is a rate to go by
 */
public record BuildProgress(String target, int compiled, int expected, Duration elapsed, Duration eta) {

    public double fraction() {
        if (expected <= 0) {
            return 0;
        }
        return Math.min(0.99, (double) compiled / expected);
    }
}
