package kforge.kconfig.preprocess;

/** The three assignment operators of a Kconfig macro definition ("FOO = ...", "FOO := ...", "FOO += ..."). */
public enum AssignFlavor {
    /** Kept raw; expanded every time it is referenced, so it may take arguments $(1), $(2)... */
    RECURSIVE("="),
    /** Expanded once, at the assignment. */
    SIMPLE(":="),
    /** Appends with a space, keeping the flavor of the existing variable (recursive when it is new). */
    APPEND("+=");

    private final String operator;

    AssignFlavor(String operator) {
        this.operator = operator;
    }

    /** The operator as written in a Kconfig file. */
    public String operator() {
        return operator;
    }

    /** The flavor written as {@code operator}, e.g. ":=" gives SIMPLE. */
    public static AssignFlavor fromOperator(String operator) {
        for (AssignFlavor flavor : values()) {
            if (flavor.operator.equals(operator)) {
                return flavor;
            }
        }
        throw new IllegalArgumentException("not an assignment operator: " + operator);
    }
}
