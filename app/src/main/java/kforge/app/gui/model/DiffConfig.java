package kforge.app.gui.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * scripts/diffconfig as a table: what was removed, what changed and what was added between two .config
 * texts, each group sorted by name as diffconfig prints them.
 */
public final class DiffConfig {
    /** One difference; left or right is null for an added or removed symbol. */
    public record Row(String name, String left, String right) {
        public Kind kind() {
            return left == null ? Kind.ADDED : right == null ? Kind.REMOVED : Kind.CHANGED;
        }

        /** The line scripts/diffconfig prints for this difference. */
        public String diffconfigLine() {
            switch (kind()) {
                case REMOVED: return "-" + name + " " + left;
                case ADDED: return "+" + name + " " + right;
                default: return " " + name + " " + left + " -> " + right;
            }
        }
    }

    public enum Kind { REMOVED, CHANGED, ADDED }

    private DiffConfig() {
    }

    /** diffconfig's readconfig: CONFIG_X=v lines, and "# CONFIG_X is not set" as n. */
    public static Map<String, String> read(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("CONFIG_")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(7, eq), line.substring(eq + 1));
                }
            }
            if (line.endsWith(" is not set") && line.length() >= 20) {
                values.put(line.substring(9, line.length() - 11), "n");
            }
        }
        return values;
    }

    public static List<Row> compare(String leftText, String rightText) {
        return compare(read(leftText), read(rightText));
    }

    public static List<Row> compare(Map<String, String> left, Map<String, String> right) {
        List<Row> rows = new ArrayList<>();
        for (String name : new TreeSet<>(left.keySet())) {
            if (!right.containsKey(name)) {
                rows.add(new Row(name, left.get(name), null));
            }
        }
        for (String name : new TreeSet<>(left.keySet())) {
            if (right.containsKey(name) && !left.get(name).equals(right.get(name))) {
                rows.add(new Row(name, left.get(name), right.get(name)));
            }
        }
        for (String name : new TreeSet<>(right.keySet())) {
            if (!left.containsKey(name)) {
                rows.add(new Row(name, null, right.get(name)));
            }
        }
        return rows;
    }
}
