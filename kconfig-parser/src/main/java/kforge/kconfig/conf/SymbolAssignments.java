package kforge.kconfig.conf;

import java.util.ArrayList;
import java.util.List;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.explain.Explainer;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;
import kforge.kconfig.model.Tristate;

/**
 * Sets symbols from "NAME=VALUE" words, as a user would in menuconfig, and says exactly why a value
 * cannot be taken (not visible, selected, out of range, wrong type) instead of silently ignoring it.
 */
public final class SymbolAssignments {
    private final Evaluator evaluator;
    private final String prefix;

    public SymbolAssignments(Evaluator evaluator, String prefix) {
        this.evaluator = evaluator;
        this.prefix = prefix;
    }

    /** Applies every assignment in order; all faults are collected and reported together. */
    public void apply(List<String> assignments) {
        List<String> faults = new ArrayList<>();
        for (String assignment : assignments) {
            String fault = applyOne(assignment);
            if (fault != null) {
                faults.add(fault);
            }
        }
        if (!faults.isEmpty()) {
            throw new KconfigException(String.join("\n", faults));
        }
    }

    /** One SYMBOL=VALUE (or CONFIG_SYMBOL="value"); returns why it cannot be taken, or null when it was. */
    public String applyOne(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            return "'" + assignment + "': expected SYMBOL=VALUE";
        }
        String name = assignment.substring(0, eq);
        if (name.startsWith(prefix)) {
            name = name.substring(prefix.length());
        }
        String value = assignment.substring(eq + 1);
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        Symbol sym = evaluator.kconfig().symbols().find(name);
        if (sym == null || sym.type == SymbolType.UNKNOWN) {
            return name + ": no such symbol in this tree";
        }
        return assign(sym, value);
    }

    /**
     * Sets one symbol as menuconfig would; returns why the value cannot be taken, or null when it was.
     * The GUI edits through this too, so its saves equal "kforge set".
     */
    public String assign(Symbol sym, String value) {
        evaluator.calcValue(sym);
        boolean taken = sym.type.isLogic() ? setLogic(sym, value) : setString(sym, value);
        // The reason comes from the explainer, so "kforge set" and "kforge why" never disagree.
        return taken ? null : sym.name() + "=" + value + ": " + Explainer.refusal(evaluator, sym, value).reason();
    }

    private boolean setLogic(Symbol sym, String value) {
        Tristate t = value.length() == 1 ? Tristate.fromLetter(value.charAt(0)) : null;
        if (t == null) {
            return false;
        }
        if (sym.currTri == t) {
            if (evaluator.isChangeable(sym)) {
                evaluator.setTristate(sym, t);
            }
            return true;
        }
        return evaluator.setTristate(sym, t);
    }

    /** menuconfig offers no field for a hidden symbol, so its value cannot be typed in either. */
    private boolean setString(Symbol sym, String value) {
        return Evaluator.stringValid(sym, value) && sym.visible != Tristate.NO && evaluator.setString(sym, value);
    }
}
