package kforge.kconfig.explain;

import java.util.List;

import kforge.kconfig.model.Expr;
import kforge.kconfig.model.Tristate;

/**
 * One operand of a condition, evaluated by the engine: a conjunct of an AND, a disjunct of an OR that
 * fails, a negation, a comparison or a symbol.
 *
 * @param text    the term as Kconfig writes it, e.g. {@code !ARCH_MULTIPLATFORM}
 * @param valued  the same with each symbol's current value, e.g. {@code !ARCH_MULTIPLATFORM [=y]}
 * @param expr    the term's expression, so a caller can evaluate it again (against other values)
 * @param truth   its value under the engine's current state
 * @param fails   whether this term is what stops the value asked for (too low, or a select too high)
 * @param causes  why the term's symbols have their values, for the terms worth following; else empty
 */
public record Term(String text, String valued, Expr expr, Tristate truth, boolean fails, List<Explanation> causes) {
    public Term {
        causes = List.copyOf(causes);
    }

    /** The truth as a word: false, m or true. */
    public String truthWord() {
        switch (truth) {
            case NO: return "false";
            case MOD: return "m";
            default: return "true";
        }
    }
}
