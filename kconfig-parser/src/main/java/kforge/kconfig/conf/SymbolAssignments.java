package kforge.kconfig.conf;

import java.util.ArrayList;
import java.util.List;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.expr.ExprPrinter;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.PropertyType;
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
        if (sym.type.isLogic()) {
            return setLogic(sym, value);
        }
        return setString(sym, value);
    }

    private String setLogic(Symbol sym, String value) {
        Tristate t = value.length() == 1 ? Tristate.fromLetter(value.charAt(0)) : null;
        if (t == null) {
            return sym.name() + "=" + value + ": a " + sym.type.displayName() + " takes y, m or n";
        }
        if (sym.currTri == t) {
            if (evaluator.isChangeable(sym)) {
                evaluator.setTristate(sym, t);
            }
            return null;
        }
        if (evaluator.setTristate(sym, t)) {
            return null;
        }
        return sym.name() + "=" + value + ": " + whyNot(sym, t);
    }

    private String whyNot(Symbol sym, Tristate t) {
        if (sym.visible == Tristate.NO) {
            return notVisible(sym);
        }
        if (t == Tristate.MOD && evaluator.effectiveType(sym) == SymbolType.BOOLEAN) {
            return sym.type == SymbolType.BOOLEAN ? "a bool cannot be m"
                    : "m needs module support (" + evaluator.kconfig().modulesSymbol().name() + "=y)";
        }
        if (t.lessThan(sym.revDepTri)) {
            return "it is selected (" + sym.revDepTri.text() + ") by "
                    + ExprPrinter.withValues(sym.revDep, evaluator::stringValue);
        }
        if (sym.visible.lessThan(t)) {
            return "its dependencies limit it to " + sym.visible.text() + ": "
                    + dependencies(sym);
        }
        return "the value is not allowed here (current value " + sym.currTri.text() + ")";
    }

    private String notVisible(Symbol sym) {
        boolean hasPrompt = sym.properties.stream().anyMatch(p -> p.type == PropertyType.PROMPT
                || p.type == PropertyType.MENU);
        if (!hasPrompt) {
            return "it has no prompt, so only defaults and selects set it";
        }
        return "it is not visible: " + dependencies(sym);
    }

    private String dependencies(Symbol sym) {
        StringBuilder sb = new StringBuilder();
        for (Property p : sym.properties) {
            if (p.text != null) {
                if (sb.length() > 0) {
                    sb.append(" || ");
                }
                sb.append(ExprPrinter.withValues(p.visibleExpr, evaluator::stringValue));
            }
        }
        return sb.length() == 0 ? "y" : sb.toString();
    }

    private String setString(Symbol sym, String value) {
        if (!Evaluator.stringValid(sym, value)) {
            return sym.name() + "=" + value + ": not a valid " + sym.type.displayName() + " value";
        }
        if (sym.visible == Tristate.NO) {
            return sym.name() + "=" + value + ": " + notVisible(sym);
        }
        if (!evaluator.stringWithinRange(sym, value)) {
            Property range = evaluator.rangeProperty(sym);
            String bounds = range == null ? "" : " [" + evaluator.stringValue(range.expr.leftSym) + ".."
                    + evaluator.stringValue(range.expr.rightSym) + "] (the range at " + range.location + ")";
            return sym.name() + "=" + value + ": out of range" + bounds;
        }
        evaluator.setString(sym, value);
        return null;
    }
}
