package kforge.kconfig.fix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kforge.kconfig.io.ConfigWriter;
import kforge.kconfig.model.Symbol;

/**
 * Edits a .config's text the way a person would by hand before "make olddefconfig": each edited symbol's
 * line is replaced where it is, or added at the end. Choosing a choice member also writes the choice's other
 * members as not set, so the pick is unambiguous in every dialect.
 */
final class ConfigEdit {
    private final String prefix;
    private final Map<String, String> lines = new LinkedHashMap<>();

    ConfigEdit(String prefix) {
        this.prefix = prefix;
    }

    /** Sets the symbol's line; returns the line. */
    String set(Symbol sym, String value) {
        if (sym.isChoiceValue() && value.equals("y")) {
            for (Symbol other : sym.choice.choiceValues) {
                if (other != sym && other.name() != null) {
                    lines.put(other.name(), lineFor(other, "n"));
                }
            }
        }
        String line = lineFor(sym, value);
        lines.put(sym.name(), line);
        return line;
    }

    private String lineFor(Symbol sym, String value) {
        if (sym.type.isLogic() && value.equals("n")) {
            return "# " + prefix + sym.name() + " is not set";
        }
        return ConfigWriter.printForList(sym, value, prefix);
    }

    String applyTo(String config) {
        Map<String, String> pending = new LinkedHashMap<>(lines);
        List<String> out = new ArrayList<>();
        for (String line : config.split("\n", -1)) {
            String name = symbolOf(line);
            String replacement = name == null ? null : pending.remove(name);
            out.add(replacement != null ? replacement : line);
        }
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        out.addAll(pending.values());
        return String.join("\n", out) + "\n";
    }

    private String symbolOf(String line) {
        if (line.startsWith(prefix)) {
            int eq = line.indexOf('=');
            return eq > prefix.length() ? line.substring(prefix.length(), eq) : null;
        }
        String notSet = "# " + prefix;
        if (line.startsWith(notSet) && line.endsWith(" is not set")) {
            return line.substring(notSet.length(), line.length() - " is not set".length());
        }
        return null;
    }
}
