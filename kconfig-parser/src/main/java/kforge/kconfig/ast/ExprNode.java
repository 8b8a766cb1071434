package kforge.kconfig.ast;

/** An expression as written in a Kconfig file. */
public sealed interface ExprNode {
    /** A symbol or a constant; quoted ones are always constants ("foo", "0x10"). */
    record SymbolRef(String name, boolean quoted) implements ExprNode {
    }

    record Comparison(Operator op, SymbolRef left, SymbolRef right) implements ExprNode {
    }

    record Not(ExprNode operand) implements ExprNode {
    }

    record And(ExprNode left, ExprNode right) implements ExprNode {
    }

    record Or(ExprNode left, ExprNode right) implements ExprNode {
    }

    enum Operator {
        EQUAL("="), UNEQUAL("!="), LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">=");

        private final String text;

        Operator(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
