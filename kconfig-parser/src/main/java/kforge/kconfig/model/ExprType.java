package kforge.kconfig.model;

/** Declaration order matters: printing compares operator precedence by it, as expr.c does with its enum. */
public enum ExprType {
    NONE, OR, AND, NOT, EQUAL, UNEQUAL, LTH, LEQ, GTH, GEQ, LIST, SYMBOL, RANGE;

    public boolean isComparison() {
        switch (this) {
            case EQUAL: case UNEQUAL: case LTH: case LEQ: case GTH: case GEQ:
                return true;
            default:
                return false;
        }
    }
}
