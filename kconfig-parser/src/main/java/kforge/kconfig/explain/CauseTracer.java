package kforge.kconfig.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.expr.ExprPrinter;
import kforge.kconfig.model.Expr;
import kforge.kconfig.model.ExprType;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;
import kforge.kconfig.model.Tristate;

/**
 * Evaluates terms with the engine and follows their symbols to the causes of their values. One tracer
 * serves one question: a symbol met twice is explained once (the same object is reused), and a symbol
 * met again on its own path (a cycle through selects and defaults) is not followed.
 */
final class CauseTracer {
    /** How many symbols deep causes are followed; past that a reader asks again about the last one. */
    static final int MAX_DEPTH = 4;

    private final Evaluator evaluator;
    private final Set<Symbol> onPath = new HashSet<>();
    private final Map<Symbol, Explanation> explained = new HashMap<>();

    CauseTracer(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    Evaluator evaluator() {
        return evaluator;
    }

    /** The terms of a condition that must reach needed; the failing ones are followed. */
    List<Term> conditionTerms(Expr e, Tristate needed, int depth) {
        return toTerms(TermSplitter.conjuncts(e, evaluator, needed), t -> t.lessThan(needed), t -> t.lessThan(needed),
                false, depth);
    }

    /**
     * The same, every term followed: an expression that decided the value (a default's value, a range's
     * condition). A constant (default y, default 0x10) is no term: there is nothing to ask about it.
     */
    List<Term> decidingTerms(Expr e, int depth) {
        List<Expr> terms = TermSplitter.conjuncts(e, evaluator, Tristate.MOD).stream()
                .filter(t -> !isConstant(t)).toList();
        return toTerms(terms, t -> false, t -> true, true, depth);
    }

    static boolean isConstant(Expr e) {
        return e != null && e.type == ExprType.SYMBOL && (e.leftSym.isConst() || e.leftSym.type == SymbolType.UNKNOWN);
    }

    /** A reverse dependency's selectors above floor, each one followed; they are what blocks a lower value. */
    List<Term> selectorsAbove(Expr revDep, Tristate floor, boolean blocking, int depth) {
        List<Expr> above = TermSplitter.disjuncts(revDep).stream()
                .filter(e -> floor.lessThan(evaluator.value(e))).toList();
        return toTerms(above, t -> blocking, t -> true, true, depth);
    }

    /**
     * positiveOnly: of a term that holds, follow only the symbols it needs to be set; "!B" holding says B is
     * off, which causes nothing, and a selector's "&& !CPU_X" lists would otherwise swamp the answer.
     */
    private List<Term> toTerms(List<Expr> exprs, Predicate<Tristate> fails, Predicate<Tristate> follow,
                               boolean positiveOnly, int depth) {
        List<Term> terms = new ArrayList<>();
        for (Expr e : exprs) {
            Tristate truth = evaluator.value(e);
            List<Explanation> causes = follow.test(truth) ? causesOf(e, positiveOnly, depth) : List.of();
            terms.add(new Term(ExprPrinter.plain(e), valued(e), e, truth, fails.test(truth), causes));
        }
        return terms;
    }

    String valued(Expr e) {
        return ExprPrinter.withValues(e, evaluator::stringValue);
    }

    /** Why each symbol of the term has its value, while the depth allows. */
    private List<Explanation> causesOf(Expr e, boolean positiveOnly, int depth) {
        if (depth >= MAX_DEPTH) {
            return List.of();
        }
        List<Explanation> causes = new ArrayList<>();
        for (Symbol sym : symbolsOf(e, positiveOnly)) {
            causes.add(valueOf(sym, depth + 1));
        }
        return causes;
    }

    /** Why sym has its value, explained once per question. */
    Explanation valueOf(Symbol sym, int depth) {
        Explanation done = explained.get(sym);
        if (done != null) {
            return done;
        }
        if (!onPath.add(sym)) {
            return new Explanation(sym.displayName(), valueText(sym), null, Verdict.VALUE,
                    sym.displayName() + "=" + valueText(sym) + ": see above", "see above (a cycle)", List.of(),
                    false);
        }
        try {
            Explanation explanation = ValueCauses.explain(this, sym, depth);
            explained.put(sym, explanation);
            return explanation;
        } finally {
            onPath.remove(sym);
        }
    }

    /** The value as .config and conf's messages show it; a choice shows its chosen member. */
    String valueText(Symbol sym) {
        evaluator.calcValue(sym);
        if (sym.isChoice()) {
            Symbol chosen = Choices.chosen(sym);
            return chosen != null ? chosen.displayName() : sym.currTri.text();
        }
        String value = evaluator.stringValue(sym);
        return value != null ? value : "";
    }

    /** The named symbols an expression reads; constants (y, m, n, literals) need no explanation. */
    static Set<Symbol> symbolsOf(Expr e, boolean positiveOnly) {
        Set<Symbol> found = new LinkedHashSet<>();
        collect(e, positiveOnly, found);
        return found;
    }

    private static void collect(Expr e, boolean positiveOnly, Set<Symbol> found) {
        if (e == null || positiveOnly && e.type == ExprType.NOT) {
            return;
        }
        addNamed(e.leftSym, found);
        addNamed(e.rightSym, found);
        collect(e.left, positiveOnly, found);
        collect(e.right, positiveOnly, found);
    }

    private static void addNamed(Symbol sym, Set<Symbol> found) {
        if (sym != null && !sym.isConst() && sym.type != SymbolType.UNKNOWN) {
            found.add(sym);
        }
    }
}
