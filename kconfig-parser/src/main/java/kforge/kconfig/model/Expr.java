package kforge.kconfig.model;

/**
 * A Kconfig expression node. It is mutable on purpose: menu finalization rewrites expressions in place
 * (expr_transform, expr_eliminate_dups), and the results must match the kernel's node for node, because
 * automatic submenus and the printed dependencies depend on their exact shape.
 * <p>
 * Operands: AND/OR use {@link #left}/{@link #right}; NOT uses {@link #left}; SYMBOL uses {@link #leftSym};
 * comparisons and RANGE use {@link #leftSym}/{@link #rightSym}.
 */
public final class Expr {
    public ExprType type;
    public Expr left;
    public Expr right;
    public Symbol leftSym;
    public Symbol rightSym;

    private Expr(ExprType type) {
        this.type = type;
    }

    public static Expr symbol(Symbol sym) {
        Expr e = new Expr(ExprType.SYMBOL);
        e.leftSym = sym;
        return e;
    }

    public static Expr one(ExprType type, Expr operand) {
        Expr e = new Expr(type);
        e.left = operand;
        return e;
    }

    public static Expr two(ExprType type, Expr l, Expr r) {
        Expr e = new Expr(type);
        e.left = l;
        e.right = r;
        return e;
    }

    public static Expr comparison(ExprType type, Symbol l, Symbol r) {
        Expr e = new Expr(type);
        e.leftSym = l;
        e.rightSym = r;
        return e;
    }

    /** expr_alloc_and: a null operand stands for 'y'. */
    public static Expr and(Expr e1, Expr e2) {
        if (e1 == null) {
            return e2;
        }
        return e2 == null ? e1 : two(ExprType.AND, e1, e2);
    }

    public static Expr or(Expr e1, Expr e2) {
        if (e1 == null) {
            return e2;
        }
        return e2 == null ? e1 : two(ExprType.OR, e1, e2);
    }

    public static Expr copy(Expr org) {
        if (org == null) {
            return null;
        }
        Expr e = new Expr(org.type);
        e.leftSym = org.leftSym;
        e.rightSym = org.rightSym;
        switch (org.type) {
            case NOT:
                e.left = copy(org.left);
                break;
            case AND: case OR: case LIST:
                e.left = copy(org.left);
                e.right = copy(org.right);
                break;
            default:
                break;
        }
        return e;
    }

    /** Overwrites this node with another's fields, as C's "*e = *other" does. */
    public void assign(Expr other) {
        type = other.type;
        left = other.left;
        right = other.right;
        leftSym = other.leftSym;
        rightSym = other.rightSym;
    }

    public void becomeSymbol(Symbol sym) {
        type = ExprType.SYMBOL;
        left = null;
        right = null;
        leftSym = sym;
        rightSym = null;
    }

    public boolean isSymbol(Symbol sym) {
        return type == ExprType.SYMBOL && leftSym == sym;
    }
}
