package kforge.kconfig.explain;

import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.model.Symbol;

/**
 * Answers "why does this symbol have its value?" and "why can't it be that?" from the evaluator's own
 * state (read it after the .config, as the engine is), so an explanation cannot disagree with what the
 * engine computes or writes.
 */
public final class Explainer {
    private Explainer() {
    }

    /**
     * Why sym has its value (wanted null), or whether it can take wanted: y, m or n for a bool or tristate,
     * the text of an int, hex or string.
     */
    public static Explanation explain(Evaluator evaluator, Symbol sym, String wanted) {
        CauseTracer tracer = new CauseTracer(evaluator);
        return wanted == null ? tracer.valueOf(sym, 0) : Obstacles.answer(tracer, sym, wanted);
    }

    /** What stops wanted, for a value the engine has just refused (kforge set's message). */
    public static Explanation refusal(Evaluator evaluator, Symbol sym, String wanted) {
        return Obstacles.refused(new CauseTracer(evaluator), sym, wanted);
    }
}
