package kforge.runner.record;

/** How a target, or a whole build, ended. SKIPPED targets came after one that failed or was cancelled. */
public enum BuildStatus {
    PASS, FAIL, CANCELLED, SKIPPED
}
