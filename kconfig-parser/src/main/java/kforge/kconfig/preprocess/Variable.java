package kforge.kconfig.preprocess;

/** A macro defined in a Kconfig file (preprocess.c's struct variable). */
final class Variable {
    private String value;
    private AssignFlavor flavor;
    /** How many expansions of this variable are in progress; catches self-reference and runaway recursion. */
    private int expansionDepth;

    Variable(String value, AssignFlavor flavor) {
        this.value = value;
        this.flavor = flavor;
    }

    String value() {
        return value;
    }

    AssignFlavor flavor() {
        return flavor;
    }

    void redefine(String newValue, AssignFlavor newFlavor) {
        value = newValue;
        flavor = newFlavor;
    }

    void append(String addition) {
        value = value + " " + addition;
    }

    int expansionDepth() {
        return expansionDepth;
    }

    void enterExpansion() {
        expansionDepth++;
    }

    void leaveExpansion() {
        expansionDepth--;
    }
}
