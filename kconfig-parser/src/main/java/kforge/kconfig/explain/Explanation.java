package kforge.kconfig.explain;

import java.util.List;

/**
 * Why a symbol has its value, or whether it can take a wanted one, as the engine computed it.
 *
 * @param symbol   the symbol's name
 * @param value    its current value
 * @param wanted   the value asked about, or null
 * @param verdict  what the explanation answers
 * @param headline the one line that answers it, e.g. {@code Can't be y: !ARCH_MULTIPLATFORM is false (...)}
 * @param reason   the cause alone as a short clause, as "kforge set" prints it after "NAME=VALUE: "
 * @param findings the facts behind it, the deciding one first
 * @param userSet  the value is one the user set (a visible prompt with a value from .config): a cause
 *                 the user can change, so nothing is followed behind it
 */
public record Explanation(String symbol, String value, String wanted, Verdict verdict, String headline,
                         String reason, List<Finding> findings, boolean userSet) {
    public Explanation {
        findings = List.copyOf(findings);
    }

    /** The explanation as the CLI prints it: the headline, then the findings and their causes, indented. */
    public String render() {
        return ExplanationText.render(this);
    }
}
