package kforge.kconfig.explain;

import java.util.ArrayList;
import java.util.List;

import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.model.Expr;
import kforge.kconfig.model.ExprType;
import kforge.kconfig.model.Tristate;

/**
 * Splits a condition into the terms a reader checks one by one. An AND holds only when each conjunct
 * does, so its conjuncts are terms; an OR that fails fails with every disjunct, so then its disjuncts
 * are; an OR that holds stays one term, since no single disjunct is to blame.
 */
final class TermSplitter {
    private TermSplitter() {
    }

    /** The terms of e that must each be at least needed; none for an absent condition (always y). */
    static List<Expr> conjuncts(Expr e, Evaluator evaluator, Tristate needed) {
        List<Expr> terms = new ArrayList<>();
        addConjuncts(e, evaluator, needed, terms);
        return terms;
    }

    private static void addConjuncts(Expr e, Evaluator evaluator, Tristate needed, List<Expr> terms) {
        if (e == null) {
            return;
        }
        if (e.type == ExprType.AND) {
            addConjuncts(e.left, evaluator, needed, terms);
            addConjuncts(e.right, evaluator, needed, terms);
        } else if (e.type == ExprType.OR && evaluator.value(e).lessThan(needed)) {
            terms.addAll(disjuncts(e));
        } else {
            terms.add(e);
        }
    }

    /** The top-level operands of an OR (a select's or imply's reverse dependency lists one per selector). */
    static List<Expr> disjuncts(Expr e) {
        List<Expr> terms = new ArrayList<>();
        addDisjuncts(e, terms);
        return terms;
    }

    private static void addDisjuncts(Expr e, List<Expr> terms) {
        if (e == null) {
            return;
        }
        if (e.type == ExprType.OR) {
            addDisjuncts(e.left, terms);
            addDisjuncts(e.right, terms);
        } else {
            terms.add(e);
        }
    }
}
