package kforge.kconfig.explain;

import java.util.ArrayList;
import java.util.List;

import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.expr.ExprPrinter;
import kforge.kconfig.model.Expr;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;
import kforge.kconfig.model.Tristate;

/**
 * Whether a symbol can take a wanted value, and if not what stops it, checked in the order the engine
 * refuses (sym_tristate_within_range, sym_string_within_range): hidden, m without modules, a select
 * above the value, dependencies below it, a choice, a range.
 */
final class Obstacles {
    private final CauseTracer tracer;
    private final Evaluator evaluator;
    private final Symbol sym;
    private final String wanted;
    private final List<Finding> findings = new ArrayList<>();

    private Obstacles(CauseTracer tracer, Symbol sym, String wanted) {
        this.tracer = tracer;
        this.evaluator = tracer.evaluator();
        this.sym = sym;
        this.wanted = wanted;
    }

    /** The whole answer: already, can, cannot (with what stops it) or not a value of the type. */
    static Explanation answer(CauseTracer tracer, Symbol sym, String wanted) {
        Obstacles obstacles = new Obstacles(tracer, sym, wanted);
        Explanation invalid = obstacles.invalid();
        if (invalid != null) {
            return invalid;
        }
        if (obstacles.isCurrent()) {
            return obstacles.possible(Verdict.ALREADY, "Is already " + wanted);
        }
        if (obstacles.isAllowed()) {
            return obstacles.possible(Verdict.CAN, "Can be " + wanted);
        }
        return obstacles.refusal();
    }

    /** What stops the value, for a value the engine has just refused to take. */
    static Explanation refused(CauseTracer tracer, Symbol sym, String wanted) {
        Obstacles obstacles = new Obstacles(tracer, sym, wanted);
        Explanation invalid = obstacles.invalid();
        return invalid != null ? invalid : obstacles.refusal();
    }

    private Explanation invalid() {
        evaluator.calcValue(sym);
        if (sym.type.isLogic() ? wantedTristate() == null : !Evaluator.stringValid(sym, wanted)) {
            String reason = sym.type.isLogic() ? "a " + sym.type.displayName() + " takes y, m or n"
                    : "not a valid " + sym.type.displayName() + " value";
            return result(Verdict.INVALID, "Can't be " + wanted + ": " + reason, reason);
        }
        return null;
    }

    private Tristate wantedTristate() {
        return wanted.length() == 1 ? Tristate.fromLetter(wanted.charAt(0)) : null;
    }

    private boolean isCurrent() {
        if (sym.type.isLogic()) {
            return sym.currTri == wantedTristate();
        }
        return stored(wanted).equals(evaluator.stringValue(sym));
    }

    /** The text as setString stores it: a hex without 0x gets one. */
    private String stored(String text) {
        boolean prefixed = text.length() >= 2 && text.charAt(0) == '0'
                && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
        return sym.type == SymbolType.HEX && !prefixed ? "0x" + text : text;
    }

    private boolean isAllowed() {
        if (sym.type.isLogic()) {
            return evaluator.tristateWithinRange(sym, wantedTristate());
        }
        return sym.visible != Tristate.NO && evaluator.stringWithinRange(sym, wanted);
    }

    private Explanation possible(Verdict verdict, String prefix) {
        Explanation value = tracer.valueOf(sym, 0);
        findings.addAll(value.findings());
        String now = verdict == Verdict.CAN ? " (now " + value.value() + ": " + value.reason() + ")"
                : " (" + value.reason() + ")";
        return result(verdict, prefix + now, value.reason());
    }

    private Explanation refusal() {
        if (sym.visible == Tristate.NO) {
            return notVisible();
        }
        if (!sym.type.isLogic()) {
            return stringRefusal();
        }
        Tristate t = wantedTristate();
        if (t == Tristate.MOD && evaluator.effectiveType(sym) == SymbolType.BOOLEAN) {
            return noModules();
        }
        if (t.lessThan(sym.revDepTri)) {
            return selected(t);
        }
        if (sym.visible.lessThan(t)) {
            return limited(t);
        }
        if (sym.choice != null) {
            return choiceMember();
        }
        return cannot("the value is not allowed here (current value " + sym.currTri.text() + ")");
    }

    private Explanation notVisible() {
        if (!Prompts.has(sym)) {
            findings.addAll(tracer.valueOf(sym, 0).findings());
            return cannot("it has no prompt, so only defaults and selects set it");
        }
        findings.addAll(Visibility.findings(tracer, sym, Tristate.MOD, 0));
        addChoice();
        String because = because();
        return cannot("Can't be " + wanted + ": " + because,
                "it is not visible: " + Visibility.conditions(tracer, sym) + "; " + because);
    }

    private Explanation noModules() {
        if (sym.type == SymbolType.BOOLEAN) {
            return cannot("a bool cannot be m");
        }
        Symbol modules = evaluator.kconfig().modulesSymbol();
        if (evaluator.modulesValue() != Tristate.NO) {
            // With modules on, only a member of a y choice is bool (before 6.11).
            addChoice();
            return cannot("in a choice that is y, a member is y or n");
        }
        findings.add(new Finding("m needs module support",
                tracer.conditionTerms(Expr.symbol(modules), Tristate.YES, 0)));
        String because = because();
        return cannot("Can't be m: " + because, "m needs module support (" + modules.name() + "=y)");
    }

    private Explanation selected(Tristate t) {
        List<Term> selectors = tracer.selectorsAbove(sym.revDep, t, true, 0);
        findings.add(new Finding("selected by", selectors));
        Term first = selectors.isEmpty() ? null : selectors.get(0);
        String by = first == null ? ExprPrinter.plain(sym.revDep) : first.text() + brief(first);
        return cannot("Can't be " + wanted + ": it is selected (" + sym.revDepTri.text() + ") by " + by,
                "it is selected (" + sym.revDepTri.text() + ") by " + tracer.valued(sym.revDep));
    }

    private Explanation limited(Tristate t) {
        findings.addAll(Visibility.findings(tracer, sym, t, 0));
        String because = because();
        return cannot("Can't be " + wanted + ": " + because, "its dependencies limit it to " + sym.visible.text()
                + ": " + Visibility.conditions(tracer, sym) + "; " + because);
    }

    private Explanation choiceMember() {
        addChoice();
        return cannot("it is in " + Choices.describe(sym.choice) + "; choose another member instead");
    }

    private void addChoice() {
        if (sym.choice == null) {
            return;
        }
        Symbol chosen = Choices.chosen(sym.choice);
        findings.add(new Finding("in " + Choices.describe(sym.choice) + ", where "
                + (chosen == null ? "no member" : chosen.displayName()) + " is chosen"));
    }

    private Explanation stringRefusal() {
        Property range = evaluator.rangeProperty(sym);
        if (range == null) {
            return cannot("the value is not allowed here (current value " + evaluator.stringValue(sym) + ")");
        }
        findings.add(Ranges.finding(tracer, range, 0));
        return cannot("out of range " + Ranges.bounds(tracer, range) + " (the range at " + range.location + ")");
    }

    /** The first failing term of the findings, as "TERM is false (SYM=v, why)"; else the first finding. */
    private String because() {
        for (Finding f : findings) {
            Term failing = f.firstFailing();
            if (failing != null) {
                return failing.text() + " is " + failing.truthWord() + brief(failing);
            }
        }
        return findings.isEmpty() ? "no condition holds" : findings.get(0).summary();
    }

    /** " (SYM=v, why; ...)" for the term's symbols, or nothing when they were not followed. */
    static String brief(Term term) {
        if (term.causes().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Explanation cause : term.causes()) {
            parts.add(cause.symbol() + "=" + cause.value() + ", " + cause.reason());
        }
        return " (" + String.join("; ", parts) + ")";
    }

    private Explanation cannot(String reason) {
        return cannot("Can't be " + wanted + ": " + reason, reason);
    }

    private Explanation cannot(String headline, String reason) {
        return result(Verdict.CANNOT, headline, reason);
    }

    private Explanation result(Verdict verdict, String headline, String reason) {
        return new Explanation(sym.displayName(), tracer.valueText(sym), wanted, verdict, headline, reason,
                findings, false);
    }
}
