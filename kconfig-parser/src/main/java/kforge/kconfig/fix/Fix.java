package kforge.kconfig.fix;

import java.util.List;

/**
 * A verified fix: the .config edits the user makes (the wanted values' own lines, then the changes counted
 * against the fix's size), what every symbol then becomes, and the resulting .config as conf writes it.
 */
public record Fix(List<Change> changes, List<Change> wanted, List<Change> consequences, String config) {
    public int size() {
        return changes.size();
    }
}
