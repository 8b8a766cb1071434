package kforge.kconfig.explain;

import java.util.List;

/**
 * One fact in an explanation: a prompt's visibility, a default that applies, a select, a range, the
 * choice the symbol is in, with the terms of its condition.
 *
 * @param summary what the fact is, e.g. {@code selected by} or {@code the range [1..10] at Kconfig:3}
 * @param terms   the condition's terms, each with its truth; empty when the fact has no condition
 */
public record Finding(String summary, List<Term> terms) {
    public Finding {
        terms = List.copyOf(terms);
    }

    public Finding(String summary) {
        this(summary, List.of());
    }

    /** The first term that fails, or null. */
    public Term firstFailing() {
        return terms.stream().filter(Term::fails).findFirst().orElse(null);
    }
}
