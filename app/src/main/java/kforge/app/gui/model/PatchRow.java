package kforge.app.gui.model;

import java.util.Locale;

import kforge.runner.patch.PatchStatus;

/**
 * One patch of the series as the panel lists it: its name and state, and for an applied one how it went
 * on (work tree, commit) or, when CHANGED, what no longer matches.
 *
 * @param how      "work tree", "commit 1a2b3c4d5e6f"; empty when unapplied
 * @param detail   for CHANGED, why unapplying it would fail; else empty
 * @param inSeries false for an applied patch whose line was removed from the series file since
 */
public record PatchRow(String name, PatchStatus.State state, String how, String detail, boolean inSeries) {
    static PatchRow of(PatchStatus status) {
        return new PatchRow(status.name(), status.state(),
                status.applied() == null ? "" : status.applied().describe(), status.detail(), status.inSeries());
    }

    public boolean isApplied() {
        return state != PatchStatus.State.UNAPPLIED;
    }

    /** "applied", "changed", "unapplied": for the state column, and (as patch-state-NAME) its style class. */
    public String stateName() {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** The state column: the state, and why it is worth a second look. */
    public String stateText() {
        String text = stateName();
        if (state == PatchStatus.State.CHANGED) {
            text += " since applied";
        }
        return inSeries ? text : text + " (no longer in the series)";
    }

    PatchRow applied(String how) {
        return new PatchRow(name, PatchStatus.State.APPLIED, how, "", inSeries);
    }
}
