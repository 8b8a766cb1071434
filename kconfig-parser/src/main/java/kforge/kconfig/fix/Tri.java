package kforge.kconfig.fix;

import kforge.kconfig.model.Tristate;

/**
 * A tristate as two literals: the value is at least m, and the value is y (y implies at least m). A bool
 * is the same pair with both literals equal. Kconfig's min, max and 2-v become gates on the pair.
 */
record Tri(int atLeastMod, int isYes) {
    static final Tri NO = new Tri(Circuit.FALSE, Circuit.FALSE);
    static final Tri MOD = new Tri(Circuit.TRUE, Circuit.FALSE);
    static final Tri YES = new Tri(Circuit.TRUE, Circuit.TRUE);

    static Tri of(Tristate value) {
        switch (value) {
            case YES: return YES;
            case MOD: return MOD;
            default: return NO;
        }
    }

    static Tri bool(int lit) {
        return new Tri(lit, lit);
    }

    Tri and(Circuit c, Tri other) {
        return new Tri(c.and(atLeastMod, other.atLeastMod), c.and(isYes, other.isYes));
    }

    Tri or(Circuit c, Tri other) {
        return new Tri(c.or(atLeastMod, other.atLeastMod), c.or(isYes, other.isYes));
    }

    /** 2 - v: y becomes n, m stays m, n becomes y. */
    Tri not() {
        return new Tri(Circuit.not(isYes), Circuit.not(atLeastMod));
    }

    /** The literal "the value is exactly this tristate". */
    int is(Circuit c, Tristate value) {
        switch (value) {
            case YES: return isYes;
            case MOD: return c.and(atLeastMod, Circuit.not(isYes));
            default: return Circuit.not(atLeastMod);
        }
    }

    static Tri ite(Circuit c, int condition, Tri whenTrue, Tri whenFalse) {
        return new Tri(c.ite(condition, whenTrue.atLeastMod, whenFalse.atLeastMod),
                c.ite(condition, whenTrue.isYes, whenFalse.isYes));
    }

    /** An m becomes y where the literal holds (a bool, or a tristate while MODULES is n). */
    Tri mToYesWhen(Circuit c, int bool) {
        return new Tri(atLeastMod, c.or(isYes, c.and(bool, atLeastMod)));
    }

    /** The pair equals the other pair. */
    int equalTo(Circuit c, Tri other) {
        return c.and(c.iff(atLeastMod, other.atLeastMod), c.iff(isYes, other.isYes));
    }

    /** The model's value of the pair. */
    Tristate valueIn(Circuit c) {
        if (c.valueOf(isYes)) {
            return Tristate.YES;
        }
        return c.valueOf(atLeastMod) ? Tristate.MOD : Tristate.NO;
    }
}
