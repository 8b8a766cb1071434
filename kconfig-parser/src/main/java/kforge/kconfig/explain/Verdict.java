package kforge.kconfig.explain;

/** What an explanation answers: why a symbol has its value, or whether it can take a wanted one. */
public enum Verdict {
    /** No value was asked for: the explanation says why the symbol has the one it has. */
    VALUE,
    /** The symbol already has the wanted value. */
    ALREADY,
    /** The user can give the symbol the wanted value. */
    CAN,
    /** Something the user did not set directly stops the wanted value. */
    CANNOT,
    /** The wanted value is no value of the symbol's type (m for an int, "abc" for a hex). */
    INVALID;

    /** Whether the symbol has or can take the value (kforge why's exit status 0). */
    public boolean holds() {
        return this == VALUE || this == ALREADY || this == CAN;
    }
}
