package kforge.kconfig.model;

/** Kconfig's three-valued logic; ordinal order n < m < y is what min/max rely on. */
public enum Tristate {
    NO("n"), MOD("m"), YES("y");

    private final String text;

    Tristate(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public Tristate and(Tristate other) {
        return ordinal() < other.ordinal() ? this : other;
    }

    public Tristate or(Tristate other) {
        return ordinal() > other.ordinal() ? this : other;
    }

    public Tristate not() {
        return values()[2 - ordinal()];
    }

    public boolean isNo() {
        return this == NO;
    }

    public boolean lessThan(Tristate other) {
        return ordinal() < other.ordinal();
    }

    /** Reads the first letter the way conf does ('y', 'Y', ...); null when it is not a tristate letter. */
    public static Tristate fromLetter(char c) {
        switch (c) {
            case 'y': case 'Y': return YES;
            case 'm': case 'M': return MOD;
            case 'n': case 'N': return NO;
            default: return null;
        }
    }
}
