package kforge.kconfig.fix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.io.ConfSettings;
import kforge.kconfig.io.ConfigReader;
import kforge.kconfig.io.ConfigWriter;
import kforge.kconfig.model.Symbol;

/**
 * Checks a candidate fix with the engine itself: the .config edited by hand, then read and written as
 * "make olddefconfig" would. Only a candidate after which every wanted value holds and every kept symbol
 * is unchanged becomes a {@link Fix}, with before and after values the engine computed.
 */
final class FixVerifier {
    private final TreeSession tree;
    private final String originalConfig;
    private final String prefix;
    private final Map<String, String> before;
    private final List<Want> wants;
    private final List<Symbol> kept;
    private final Path scratch;

    FixVerifier(TreeSession tree, String originalConfig, String prefix, Map<String, String> before,
                List<Want> wants, List<Symbol> kept, Path scratch) {
        this.tree = tree;
        this.originalConfig = originalConfig;
        this.prefix = prefix;
        this.before = before;
        this.wants = wants;
        this.kept = kept;
        this.scratch = scratch;
    }

    /** Every named symbol's value as the engine has it now, for before/after comparisons. */
    static Map<String, String> values(Evaluator evaluator) {
        Map<String, String> values = new HashMap<>();
        for (Symbol sym : evaluator.kconfig().symbols().inCreationOrder()) {
            if (sym.name() != null && !sym.isConst() && (sym.type.isLogic() || sym.type.holdsString())) {
                evaluator.calcValue(sym);
                values.put(sym.name(), evaluator.stringValue(sym));
            }
        }
        return values;
    }

    /** The fix the edits make, or null when the engine says the wanted values do not all hold after them. */
    Fix verify(Map<Symbol, String> edits) {
        ConfigEdit edit = new ConfigEdit(prefix);
        Map<Symbol, String> wantedLines = wantedLines(edit);
        Map<Symbol, String> editLines = new LinkedHashMap<>();
        for (Map.Entry<Symbol, String> e : edits.entrySet()) {
            editLines.put(e.getKey(), edit.set(e.getKey(), e.getValue()));
        }
        Evaluator evaluator = readEdited(edit.applyTo(originalConfig));
        if (!wantsHold(evaluator)) {
            return null;
        }
        Map<String, String> after = values(evaluator);
        String config = new ConfigWriter(evaluator, settings()).render();
        List<Change> changes = changesOf(editLines, after);
        List<Change> wanted = changesOf(wantedLines, after);
        List<Change> consequences = new ArrayList<>();
        for (Map.Entry<String, String> e : after.entrySet()) {
            String name = e.getKey();
            String was = before.get(name);
            if (!e.getValue().equals(was) && !isEdited(name, editLines) && !isEdited(name, wantedLines)) {
                consequences.add(new Change(name, was, e.getValue(), null));
            }
        }
        consequences.sort(java.util.Comparator.comparing(Change::symbol));
        return new Fix(changes, wanted, consequences, config);
    }

    /** The wanted values hold after these edits (a quick check, for minimality). */
    boolean holds(Map<Symbol, String> edits) {
        ConfigEdit edit = new ConfigEdit(prefix);
        wantedLines(edit);
        edits.forEach(edit::set);
        return wantsHold(readEdited(edit.applyTo(originalConfig)));
    }

    /** The wanted values' own lines (for symbols with a prompt: the others only follow). */
    private Map<Symbol, String> wantedLines(ConfigEdit edit) {
        Map<Symbol, String> lines = new LinkedHashMap<>();
        for (Want w : wants) {
            if (w.symbol().hasPrompt()) {
                lines.put(w.symbol(), edit.set(w.symbol(), w.value()));
            }
        }
        return lines;
    }

    /** Every wanted value holds and every kept symbol has the value it had. */
    private boolean wantsHold(Evaluator evaluator) {
        for (Want w : wants) {
            evaluator.calcValue(w.symbol());
            if (!w.value().equals(evaluator.stringValue(w.symbol()))) {
                return false;
            }
        }
        for (Symbol sym : kept) {
            evaluator.calcValue(sym);
            if (!evaluator.stringValue(sym).equals(before.get(sym.name()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEdited(String name, Map<Symbol, String> lines) {
        for (Symbol sym : lines.keySet()) {
            if (name.equals(sym.name())) {
                return true;
            }
        }
        return false;
    }

    private List<Change> changesOf(Map<Symbol, String> lines, Map<String, String> after) {
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<Symbol, String> e : lines.entrySet()) {
            String name = e.getKey().name();
            changes.add(new Change(name, before.get(name), after.get(name), e.getValue()));
        }
        return changes;
    }

    private ConfSettings settings() {
        return tree.settings(scratch);
    }

    private Evaluator readEdited(String config) {
        try {
            Files.write(scratch, config.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Evaluator evaluator = tree.freshEvaluator();
        new ConfigReader(evaluator, settings()).read(null);
        return evaluator;
    }
}
