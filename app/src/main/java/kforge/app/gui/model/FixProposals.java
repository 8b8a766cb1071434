package kforge.app.gui.model;

import java.util.ArrayList;
import java.util.List;

import kforge.kconfig.fix.Change;
import kforge.kconfig.fix.Fix;

/**
 * What "Make it so…" found for one row: the fixes (each verified by the engine, fewest changes first) with
 * a title and a preview of everything they change, or why there is none.
 */
public record FixProposals(String symbol, String value, List<Fix> fixes, String reason) {

    public String wanted() {
        return symbol + "=" + value;
    }

    /** One line per fix, for the list: its edits. */
    public List<String> titles() {
        List<String> titles = new ArrayList<>();
        for (Fix fix : fixes) {
            List<String> edits = new ArrayList<>();
            for (Change c : fix.changes()) {
                edits.add(c.symbol() + "=" + c.after());
            }
            titles.add(fix.size() + (fix.size() == 1 ? " change: " : " changes: ") + String.join(", ", edits));
        }
        return titles;
    }

    /** What applying the fix does: the edits, the wanted value, and every symbol that follows. */
    public String preview(int index) {
        Fix fix = fixes.get(index);
        StringBuilder text = new StringBuilder();
        for (Change c : fix.changes()) {
            text.append(line(c)).append('\n');
        }
        for (Change c : fix.wanted()) {
            text.append(line(c)).append("   (wanted)\n");
        }
        if (!fix.consequences().isEmpty()) {
            text.append("\nAs a result:\n");
            for (Change c : fix.consequences()) {
                text.append("  ").append(line(c)).append('\n');
            }
        }
        return text.toString();
    }

    private static String line(Change c) {
        return c.symbol() + ": " + shown(c.before()) + " -> " + shown(c.after());
    }

    private static String shown(String value) {
        return value == null ? "(none)" : value.isEmpty() ? "\"\"" : value;
    }
}
