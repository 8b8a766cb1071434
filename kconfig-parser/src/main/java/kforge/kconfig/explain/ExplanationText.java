package kforge.kconfig.explain;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * An explanation as indented text: the headline, each finding with its terms (their values and truth,
 * a failing one marked), and under a term why its symbols have their values. A cause already printed
 * is referred to, not repeated.
 */
final class ExplanationText {
    private static final String STEP = "  ";

    private final StringBuilder out = new StringBuilder();
    private final Set<Explanation> printed = Collections.newSetFromMap(new IdentityHashMap<>());

    private ExplanationText() {
    }

    static String render(Explanation explanation) {
        ExplanationText text = new ExplanationText();
        text.line("", explanation.headline());
        text.printed.add(explanation);
        text.findings(explanation, STEP);
        return text.out.toString();
    }

    private void findings(Explanation explanation, String indent) {
        for (Finding finding : explanation.findings()) {
            line(indent, finding.summary() + (finding.terms().isEmpty() ? "" : ":"));
            for (Term term : finding.terms()) {
                term(term, indent + STEP);
            }
        }
    }

    private void term(Term term, String indent) {
        line(indent, (term.fails() ? "FAILS " : "") + term.valued() + "  is " + term.truthWord());
        for (Explanation cause : term.causes()) {
            cause(cause, indent + STEP);
        }
    }

    private void cause(Explanation cause, String indent) {
        if (!printed.add(cause)) {
            line(indent, cause.symbol() + "=" + cause.value() + ": see above");
            return;
        }
        line(indent, cause.headline());
        if (!cause.userSet()) {
            findings(cause, indent + STEP);
        }
    }

    private void line(String indent, String text) {
        out.append(indent).append(text).append('\n');
    }
}
