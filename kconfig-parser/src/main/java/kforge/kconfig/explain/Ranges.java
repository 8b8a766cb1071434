package kforge.kconfig.explain;

import kforge.kconfig.expr.ExprPrinter;
import kforge.kconfig.model.Property;

/** An int's or hex's active range: its bounds as the engine evaluates them, and its condition. */
final class Ranges {
    private Ranges() {
    }

    /** "[1..10]", with symbol bounds at their current values. */
    static String bounds(CauseTracer tracer, Property range) {
        return "[" + tracer.valueText(range.expr.leftSym) + ".." + tracer.valueText(range.expr.rightSym) + "]";
    }

    static Finding finding(CauseTracer tracer, Property range, int depth) {
        String condition = range.visibleExpr == null ? "" : " if " + ExprPrinter.plain(range.visibleExpr);
        return new Finding("the range " + bounds(tracer, range) + " at " + range.location + condition
                + " is the first whose condition holds", tracer.decidingTerms(range.visibleExpr, depth));
    }
}
