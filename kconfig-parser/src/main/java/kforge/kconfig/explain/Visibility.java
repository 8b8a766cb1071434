package kforge.kconfig.explain;

import java.util.ArrayList;
import java.util.List;

import kforge.kconfig.expr.ExprPrinter;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.Tristate;

/**
 * A symbol's visibility as findings: each prompt's condition, which already holds the prompt's own "if",
 * the entry's "depends on" and every enclosing menu's and if block's dependencies.
 */
final class Visibility {
    private Visibility() {
    }

    /** One finding per prompt, its terms failing where they are below needed. */
    static List<Finding> findings(CauseTracer tracer, Symbol sym, Tristate needed, int depth) {
        List<Finding> findings = new ArrayList<>();
        for (Property prompt : Prompts.of(sym)) {
            String summary = "prompt \"" + prompt.text + "\" at " + prompt.location + " is visible if "
                    + ExprPrinter.plain(prompt.visibleExpr);
            findings.add(new Finding(summary, tracer.conditionTerms(prompt.visibleExpr, needed, depth)));
        }
        return findings;
    }

    /** The prompts' conditions with values, joined as the engine ORs them: "A [=y] && B [=n]". */
    static String conditions(CauseTracer tracer, Symbol sym) {
        List<String> parts = new ArrayList<>();
        for (Property prompt : Prompts.of(sym)) {
            parts.add(tracer.valued(prompt.visibleExpr));
        }
        return parts.isEmpty() ? "y" : String.join(" || ", parts);
    }

    /**
     * The direct dependencies as a finding of their own when they say more than the prompt's condition
     * (a select ignores them, but an imply and the unmet-dependency warning do not); else null.
     */
    static Finding directDependencies(CauseTracer tracer, Symbol sym, Tristate needed, int depth) {
        if (sym.dirDep == null) {
            return null;
        }
        String text = ExprPrinter.plain(sym.dirDep);
        boolean sameAsAPrompt = Prompts.of(sym).stream()
                .anyMatch(p -> ExprPrinter.plain(p.visibleExpr).equals(text));
        if (sameAsAPrompt) {
            return null;
        }
        return new Finding("depends on " + text, tracer.conditionTerms(sym.dirDep, needed, depth));
    }
}
