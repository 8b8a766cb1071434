package kforge.app.gui.model;

import kforge.kconfig.model.Tristate;

/**
 * How one menu entry looks right now, computed on the engine thread and applied to the row on the UI
 * thread. The marker and suffix are menuconfig's: "[*]", "<M>", "{M}", "-*-", "(value)", "--->".
 *
 * @param visible     menu_is_visible; invisible entries are only listed (greyed) with "Show all"
 * @param changeable  the user can change the value (sym_is_changeable)
 * @param isNew       the symbol has no value in the .config yet: menuconfig's "(NEW)"
 * @param hasChildren at least one child would be listed
 */
public record EntryState(EntryKind kind, String marker, String prompt, String suffix, String name, String value,
                         Tristate tri, boolean visible, boolean changeable, boolean isNew, boolean hasChildren) {

    /** The row text as menuconfig would print it (without the indentation). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        if (!marker.isEmpty()) {
            sb.append(marker).append(' ');
        }
        sb.append(prompt);
        if (isNew) {
            sb.append(" (NEW)");
        }
        sb.append(suffix);
        return sb.toString();
    }
}
