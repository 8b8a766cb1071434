package kforge.kconfig.explain;

import java.util.ArrayList;
import java.util.List;

import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.expr.ExprPrinter;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.PropertyType;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.Tristate;

/**
 * Why a symbol has its current value, following the engine's own order (logicValue, stringLikeValue):
 * a choice decides its members; a visible symbol with a user value has that value; else its first default
 * whose condition holds, raised by implies; and selects raise any of them.
 */
final class ValueCauses {
    private final CauseTracer tracer;
    private final Evaluator evaluator;
    private final Symbol sym;
    private final int depth;
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> clauses = new ArrayList<>();
    private boolean userSet;

    private ValueCauses(CauseTracer tracer, Symbol sym, int depth) {
        this.tracer = tracer;
        this.evaluator = tracer.evaluator();
        this.sym = sym;
        this.depth = depth;
    }

    static Explanation explain(CauseTracer tracer, Symbol sym, int depth) {
        return new ValueCauses(tracer, sym, depth).build();
    }

    private Explanation build() {
        evaluator.calcValue(sym);
        if (sym.isChoice()) {
            choiceItself();
        } else if (decidedByItsChoice()) {
            memberOfChoice();
        } else if (sym.type.isLogic()) {
            logic();
        } else {
            stringLike();
        }
        String value = tracer.valueText(sym);
        String reason = clauses.isEmpty() ? "nothing sets it" : String.join(", ", clauses);
        return new Explanation(sym.displayName(), value, null, Verdict.VALUE,
                sym.displayName() + "=" + value + ": " + reason, reason, findings, userSet);
    }

    private void choiceItself() {
        Symbol chosen = Choices.chosen(sym);
        clauses.add(chosen != null ? chosen.displayName() + " is chosen" : "no member is visible");
        if (sym.visible == Tristate.NO) {
            findings.addAll(Visibility.findings(tracer, sym, Tristate.MOD, depth));
        }
    }

    /** A member takes its value from the choice: before 6.11 while the choice is y, since then always. */
    private boolean decidedByItsChoice() {
        if (sym.choice == null || sym.visible == Tristate.NO) {
            return false;
        }
        boolean boolBlocks = evaluator.kconfig().dialect().has(KconfigChange.BOOL_CHOICE_BLOCKS);
        return boolBlocks || sym.visible == Tristate.YES;
    }

    private void memberOfChoice() {
        Symbol chosen = Choices.chosen(sym.choice);
        String where = "in " + Choices.describe(sym.choice);
        String pick = chosen == null ? "no member is chosen" : chosen == sym ? "it is chosen"
                : chosen.displayName() + " is chosen";
        findings.add(new Finding(where + ", " + pick));
        clauses.add(pick + " " + where);
        if (chosen == sym && sym.hasUserValue() && sym.defTri[Symbol.S_DEF_USER] == Tristate.YES) {
            userSet = true;
            clauses.add("as .config says");
        }
    }

    private void logic() {
        if (sym.visible != Tristate.NO && sym.hasUserValue()) {
            userValue(sym.defTri[Symbol.S_DEF_USER].text());
            Tristate user = sym.defTri[Symbol.S_DEF_USER];
            if (sym.visible.lessThan(user)) {
                clauses.add("limited to " + sym.visible.text() + " by its dependencies");
                findings.addAll(Visibility.findings(tracer, sym, user, depth));
            }
        } else {
            unsetOrHidden();
            logicDefault();
            implies();
        }
        selects();
    }

    private void userValue(String text) {
        userSet = true;
        clauses.add("set to " + text + " in .config");
        findings.add(new Finding("set to " + text + " in .config (the prompt is visible, so the user's value holds)"));
    }

    /** Why the user's value, if any, does not count: no prompt, a hidden prompt, or no value given. */
    private void unsetOrHidden() {
        if (!Prompts.has(sym)) {
            clauses.add("it has no prompt");
            findings.add(new Finding("it has no prompt, so only defaults and selects set it"));
        } else if (sym.visible == Tristate.NO) {
            clauses.add("it is not visible");
            findings.addAll(Visibility.findings(tracer, sym, Tristate.MOD, depth));
        } else {
            clauses.add("not set in .config");
            findings.add(new Finding("not set in .config, so its default"));
        }
    }

    private void logicDefault() {
        Property def = evaluator.defaultProperty(sym);
        if (def == null) {
            noDefault();
            return;
        }
        Tristate value = evaluator.value(def.expr).and(def.visibleTri);
        String computed = CauseTracer.isConstant(def.expr) ? "" : " (" + value.text() + ")";
        clauses.add("default " + ExprPrinter.plain(def.expr) + computed + " at " + def.location);
        findings.add(defaultFinding(def));
    }

    private Finding defaultFinding(Property def) {
        String condition = def.visibleExpr == null ? "" : " if " + ExprPrinter.plain(def.visibleExpr);
        // The value's own symbols are followed; the condition's terms only show that it holds, and
        // following each of them would explain half the tree.
        List<Term> terms = new ArrayList<>(tracer.decidingTerms(def.expr, depth));
        terms.addAll(tracer.conditionTerms(def.visibleExpr, Tristate.MOD, depth));
        return new Finding("default " + ExprPrinter.plain(def.expr) + condition + " at " + def.location
                + " is the first whose condition holds", terms);
    }

    private void noDefault() {
        boolean hasDefaults = sym.properties.stream().anyMatch(p -> p.type == PropertyType.DEFAULT);
        clauses.add(hasDefaults ? "no default's condition holds" : "it has no default");
        if (hasDefaults) {
            findings.add(new Finding("no default's condition holds", defaultConditions()));
        }
    }

    private List<Term> defaultConditions() {
        List<Term> terms = new ArrayList<>();
        for (Property p : sym.properties) {
            if (p.type == PropertyType.DEFAULT && p.visibleExpr != null) {
                terms.addAll(tracer.conditionTerms(p.visibleExpr, Tristate.MOD, depth));
            }
        }
        return terms;
    }

    private void implies() {
        if (sym.impliedTri == Tristate.NO) {
            return;
        }
        clauses.add("implied (" + sym.impliedTri.text() + ")");
        findings.add(new Finding("implied by", tracer.selectorsAbove(sym.implied, Tristate.NO, false, depth)));
    }

    private void selects() {
        if (sym.revDepTri == Tristate.NO) {
            return;
        }
        List<Term> selectors = tracer.selectorsAbove(sym.revDep, Tristate.NO, false, depth);
        clauses.add(0, "selected (" + sym.revDepTri.text() + ") by " + String.join(" || ", texts(selectors)));
        findings.add(0, new Finding("selected by", selectors));
    }

    private void stringLike() {
        if (sym.visible != Tristate.NO && sym.hasUserValue()) {
            userValue("\"" + sym.defVal[Symbol.S_DEF_USER] + "\"");
        } else {
            unsetOrHidden();
            stringDefault();
        }
        Property range = evaluator.rangeProperty(sym);
        if (range != null && sym.type.isNumeric()) {
            findings.add(Ranges.finding(tracer, range, depth));
        }
    }

    private void stringDefault() {
        Property def = evaluator.defaultProperty(sym);
        if (def == null || def.symbol() == null) {
            noDefault();
            return;
        }
        clauses.add("default " + ExprPrinter.plain(def.expr) + " at " + def.location);
        findings.add(defaultFinding(def));
    }

    static List<String> texts(List<Term> terms) {
        return terms.stream().map(Term::text).toList();
    }
}
