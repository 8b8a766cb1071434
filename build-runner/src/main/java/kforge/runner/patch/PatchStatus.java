package kforge.runner.patch;

/**
 * A patch's state as {@link PatchStatusCommand} finds it now, not as recorded: an applied patch whose
 * changes no longer reverse-apply was changed by hand since, and unapplying it would fail.
 *
 * @param applied  how it was applied, or null
 * @param detail   for CHANGED, what no longer matches; else ""
 * @param inSeries false for an applied patch whose line was removed from the series file since
 */
public record PatchStatus(String name, State state, AppliedPatch applied, String detail, boolean inSeries) {
    public enum State { APPLIED, CHANGED, UNAPPLIED }
}
