package kforge.kconfig.expr;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import kforge.kconfig.diag.Reporter;
import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.model.Expr;
import kforge.kconfig.model.ExprType;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolTable;
import kforge.kconfig.model.SymbolType;

/**
 * The expression rewrites of expr.c that menu finalization uses. They are reproduced rule for rule, since
 * the shape they leave decides automatic submenus and what help and warnings print.
 */
public final class ExprSimplifier {
    private final SymbolTable symbols;
    private final Reporter reporter;
    private int transCount;

    /** Since 6.11 expr_eliminate_dups always applies expr_eliminate_yn at least once. */
    private final boolean ynAlways;

    public ExprSimplifier(SymbolTable symbols, Reporter reporter) {
        this(symbols, reporter, Dialect.BASELINE);
    }

    public ExprSimplifier(SymbolTable symbols, Reporter reporter, Dialect dialect) {
        this.symbols = symbols;
        this.reporter = reporter;
        this.ynAlways = dialect.has(KconfigChange.EXPR_YN_ALWAYS);
    }

    /** expr_is_yes: absent, or the constant y. */
    public boolean isYes(Expr e) {
        return e == null || e.isSymbol(symbols.yes);
    }

    /** expr_eq: equal after minor simplification; operand order of && and || does not matter. */
    public boolean exprEq(Expr e1, Expr e2) {
        if (e1 == null || e2 == null) {
            return isYes(e1) && isYes(e2);
        }
        if (e1.type != e2.type) {
            return false;
        }
        switch (e1.type) {
            case EQUAL: case GEQ: case GTH: case LEQ: case LTH: case UNEQUAL:
                return e1.leftSym == e2.leftSym && e1.rightSym == e2.rightSym;
            case SYMBOL:
                return e1.leftSym == e2.leftSym;
            case NOT:
                return exprEq(e1.left, e2.left);
            case AND: case OR: {
                ExprSlot s1 = new ExprSlot.Box(Expr.copy(e1));
                ExprSlot s2 = new ExprSlot.Box(Expr.copy(e2));
                int oldCount = transCount;
                eliminateEq(s1, s2);
                Expr a = s1.get();
                Expr b = s2.get();
                boolean res = a.type == ExprType.SYMBOL && b.type == ExprType.SYMBOL && a.leftSym == b.leftSym;
                transCount = oldCount;
                return res;
            }
            default:
                return false;
        }
    }

    /** expr_eliminate_eq: removes operands common to both expressions. */
    public void eliminateEq(ExprSlot ep1, ExprSlot ep2) {
        if (ep1.get() == null || ep2.get() == null) {
            return;
        }
        ExprType t1 = ep1.get().type;
        if (t1 == ExprType.OR || t1 == ExprType.AND) {
            eliminateEqLeaves(t1, ep1, ep2);
        }
        if (ep1.get().type != ep2.get().type) {
            ExprType t2 = ep2.get().type;
            if (t2 == ExprType.OR || t2 == ExprType.AND) {
                eliminateEqLeaves(t2, ep1, ep2);
            }
        }
        ep1.set(eliminateYn(ep1.get()));
        ep2.set(eliminateYn(ep2.get()));
    }

    /** Convenience for callers holding plain references: returns {e1', e2'}. */
    public Expr[] eliminateEq(Expr e1, Expr e2) {
        ExprSlot s1 = new ExprSlot.Box(e1);
        ExprSlot s2 = new ExprSlot.Box(e2);
        eliminateEq(s1, s2);
        return new Expr[] {s1.get(), s2.get()};
    }

    private void eliminateEqLeaves(ExprType type, ExprSlot ep1, ExprSlot ep2) {
        Expr e1 = ep1.get();
        if (e1.type == type) {
            eliminateEqLeaves(type, ExprSlot.left(e1), ep2);
            eliminateEqLeaves(type, ExprSlot.right(e1), ep2);
            return;
        }
        Expr e2 = ep2.get();
        if (e2.type == type) {
            eliminateEqLeaves(type, ep1, ExprSlot.left(e2));
            eliminateEqLeaves(type, ep1, ExprSlot.right(e2));
            return;
        }
        if (e1.type == ExprType.SYMBOL && e2.type == ExprType.SYMBOL && e1.leftSym == e2.leftSym
                && (e1.leftSym == symbols.yes || e1.leftSym == symbols.no)) {
            return;
        }
        if (!exprEq(e1, e2)) {
            return;
        }
        transCount++;
        if (type == ExprType.OR) {
            ep1.set(Expr.symbol(symbols.no));
            ep2.set(Expr.symbol(symbols.no));
        } else if (type == ExprType.AND) {
            ep1.set(Expr.symbol(symbols.yes));
            ep2.set(Expr.symbol(symbols.yes));
        }
    }

    /** expr_eliminate_yn: e && n -> n, e && y -> e, e || n -> e, e || y -> y, in place. */
    Expr eliminateYn(Expr e) {
        if (e == null) {
            return null;
        }
        if (e.type == ExprType.AND) {
            e.left = eliminateYn(e.left);
            e.right = eliminateYn(e.right);
            if (e.left.type == ExprType.SYMBOL) {
                if (e.left.leftSym == symbols.no) {
                    e.becomeSymbol(symbols.no);
                    return e;
                } else if (e.left.leftSym == symbols.yes) {
                    e.assign(e.right);
                    return e;
                }
            }
            if (e.right.type == ExprType.SYMBOL) {
                if (e.right.leftSym == symbols.no) {
                    e.becomeSymbol(symbols.no);
                    return e;
                } else if (e.right.leftSym == symbols.yes) {
                    e.assign(e.left);
                    return e;
                }
            }
        } else if (e.type == ExprType.OR) {
            e.left = eliminateYn(e.left);
            e.right = eliminateYn(e.right);
            if (e.left.type == ExprType.SYMBOL) {
                if (e.left.leftSym == symbols.no) {
                    e.assign(e.right);
                    return e;
                } else if (e.left.leftSym == symbols.yes) {
                    e.becomeSymbol(symbols.yes);
                    return e;
                }
            }
            if (e.right.type == ExprType.SYMBOL) {
                if (e.right.leftSym == symbols.no) {
                    e.assign(e.left);
                    return e;
                } else if (e.right.leftSym == symbols.yes) {
                    e.becomeSymbol(symbols.yes);
                    return e;
                }
            }
        }
        return e;
    }

    private static boolean isLeafLike(Expr e) {
        return e.type == ExprType.EQUAL || e.type == ExprType.UNEQUAL || e.type == ExprType.SYMBOL
                || e.type == ExprType.NOT;
    }

    /** The symbol both operands test, or null when they cannot be joined. */
    private Symbol commonLogicSymbol(Expr e1, Expr e2) {
        if (!isLeafLike(e1) || !isLeafLike(e2)) {
            return null;
        }
        Symbol sym1;
        if (e1.type == ExprType.NOT) {
            Expr tmp = e1.left;
            if (tmp.type != ExprType.EQUAL && tmp.type != ExprType.UNEQUAL && tmp.type != ExprType.SYMBOL) {
                return null;
            }
            sym1 = tmp.leftSym;
        } else {
            sym1 = e1.leftSym;
        }
        Symbol sym2;
        if (e2.type == ExprType.NOT) {
            if (e2.left.type != ExprType.SYMBOL) {
                return null;
            }
            sym2 = e2.left.leftSym;
        } else {
            sym2 = e2.leftSym;
        }
        if (sym1 != sym2) {
            return null;
        }
        if (sym1.type != SymbolType.BOOLEAN && sym1.type != SymbolType.TRISTATE) {
            return null;
        }
        return sym1;
    }

    private static boolean pair(Expr e1, Expr e2, ExprType t1, Symbol v1, ExprType t2, Symbol v2) {
        return e1.type == t1 && e2.type == t2
                && ((e1.rightSym == v1 && e2.rightSym == v2) || (e1.rightSym == v2 && e2.rightSym == v1));
    }

    private static boolean symbolAnd(Expr e1, Expr e2, ExprType otherType, Symbol value) {
        return (e1.type == ExprType.SYMBOL && e2.type == otherType && e2.rightSym == value)
                || (e2.type == ExprType.SYMBOL && e1.type == otherType && e1.rightSym == value);
    }

    /** expr_join_or: e1 || e2 as one expression, or null. */
    private Expr joinOr(Expr e1, Expr e2) {
        if (exprEq(e1, e2)) {
            return Expr.copy(e1);
        }
        Symbol sym1 = commonLogicSymbol(e1, e2);
        if (sym1 == null) {
            return null;
        }
        if (sym1.type == SymbolType.TRISTATE) {
            if (pair(e1, e2, ExprType.EQUAL, symbols.yes, ExprType.EQUAL, symbols.mod)) {
                return Expr.comparison(ExprType.UNEQUAL, sym1, symbols.no);
            }
            if (pair(e1, e2, ExprType.EQUAL, symbols.yes, ExprType.EQUAL, symbols.no)) {
                return Expr.comparison(ExprType.UNEQUAL, sym1, symbols.mod);
            }
            if (pair(e1, e2, ExprType.EQUAL, symbols.mod, ExprType.EQUAL, symbols.no)) {
                return Expr.comparison(ExprType.UNEQUAL, sym1, symbols.yes);
            }
        }
        if (sym1.type == SymbolType.BOOLEAN) {
            if ((e1.type == ExprType.NOT && e1.left.type == ExprType.SYMBOL && e2.type == ExprType.SYMBOL)
                    || (e2.type == ExprType.NOT && e2.left.type == ExprType.SYMBOL && e1.type == ExprType.SYMBOL)) {
                return Expr.symbol(symbols.yes);
            }
        }
        return null;
    }

    /** expr_join_and: e1 && e2 as one expression, or null. */
    private Expr joinAnd(Expr e1, Expr e2) {
        if (exprEq(e1, e2)) {
            return Expr.copy(e1);
        }
        Symbol sym1 = commonLogicSymbol(e1, e2);
        if (sym1 == null) {
            return null;
        }
        if (symbolAnd(e1, e2, ExprType.EQUAL, symbols.yes)) {
            return Expr.comparison(ExprType.EQUAL, sym1, symbols.yes);
        }
        if (symbolAnd(e1, e2, ExprType.UNEQUAL, symbols.no)) {
            return Expr.symbol(sym1);
        }
        if (symbolAnd(e1, e2, ExprType.UNEQUAL, symbols.mod)) {
            return Expr.comparison(ExprType.EQUAL, sym1, symbols.yes);
        }
        if (sym1.type == SymbolType.TRISTATE) {
            if (e1.type == ExprType.EQUAL && e2.type == ExprType.UNEQUAL) {
                Symbol sym2 = e1.rightSym;
                if (e2.rightSym.isConst() && sym2.isConst()) {
                    return sym2 != e2.rightSym ? Expr.comparison(ExprType.EQUAL, sym1, sym2)
                            : Expr.symbol(symbols.no);
                }
            }
            if (e1.type == ExprType.UNEQUAL && e2.type == ExprType.EQUAL) {
                Symbol sym2 = e2.rightSym;
                if (e1.rightSym.isConst() && sym2.isConst()) {
                    return sym2 != e1.rightSym ? Expr.comparison(ExprType.EQUAL, sym1, sym2)
                            : Expr.symbol(symbols.no);
                }
            }
            if (pair(e1, e2, ExprType.UNEQUAL, symbols.yes, ExprType.UNEQUAL, symbols.no)) {
                return Expr.comparison(ExprType.EQUAL, sym1, symbols.mod);
            }
            if (pair(e1, e2, ExprType.UNEQUAL, symbols.yes, ExprType.UNEQUAL, symbols.mod)) {
                return Expr.comparison(ExprType.EQUAL, sym1, symbols.no);
            }
            if (pair(e1, e2, ExprType.UNEQUAL, symbols.mod, ExprType.UNEQUAL, symbols.no)) {
                return Expr.comparison(ExprType.EQUAL, sym1, symbols.yes);
            }
        }
        return null;
    }

    private void eliminateDupsLeaves(ExprType type, ExprSlot ep1, ExprSlot ep2) {
        Expr e1 = ep1.get();
        if (e1.type == type) {
            eliminateDupsLeaves(type, ExprSlot.left(e1), ep2);
            eliminateDupsLeaves(type, ExprSlot.right(e1), ep2);
            return;
        }
        Expr e2 = ep2.get();
        if (e2.type == type) {
            eliminateDupsLeaves(type, ep1, ExprSlot.left(e2));
            eliminateDupsLeaves(type, ep1, ExprSlot.right(e2));
            return;
        }
        if (e1 == e2) {
            return;
        }
        if (e1.type == ExprType.OR || e1.type == ExprType.AND) {
            eliminateDupsLeaves(e1.type, ep1, ep1);
        }
        e1 = ep1.get();
        e2 = ep2.get();
        if (type == ExprType.OR) {
            Expr tmp = joinOr(e1, e2);
            if (tmp != null) {
                ep1.set(Expr.symbol(symbols.no));
                ep2.set(tmp);
                transCount++;
            }
        } else if (type == ExprType.AND) {
            Expr tmp = joinAnd(e1, e2);
            if (tmp != null) {
                ep1.set(Expr.symbol(symbols.yes));
                ep2.set(tmp);
                transCount++;
            }
        }
    }

    /** expr_eliminate_dups: joins duplicate and redundant operands, in place. */
    public Expr eliminateDups(Expr e) {
        if (e == null) {
            return null;
        }
        if (everySymbolOnce(e)) {
            // No two operands share a symbol, so none can be joined: the loop below would change nothing.
            return ynAlways ? eliminateYn(e) : e;
        }
        int oldCount = transCount;
        ExprSlot root = new ExprSlot.Box(e);
        while (true) {
            transCount = 0;
            Expr current = root.get();
            if (current.type == ExprType.OR || current.type == ExprType.AND) {
                eliminateDupsLeaves(current.type, root, root);
            }
            if (ynAlways) {
                root.set(eliminateYn(root.get()));
            }
            if (transCount == 0) {
                break;
            }
            if (!ynAlways) {
                root.set(eliminateYn(root.get()));
            }
        }
        transCount = oldCount;
        return root.get();
    }

    /**
     * True when no symbol, constants included, occurs twice in {@code e}. Every join of two operands
     * (expr_join_or, expr_join_and, expr_eq) needs a symbol common to both.
     */
    private static boolean everySymbolOnce(Expr e) {
        return collectOnce(e, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean collectOnce(Expr e, Set<Symbol> seen) {
        if (e == null) {
            return true;
        }
        if (e.leftSym != null && !seen.add(e.leftSym) || e.rightSym != null && !seen.add(e.rightSym)) {
            return false;
        }
        return collectOnce(e.left, seen) && collectOnce(e.right, seen);
    }

    /** expr_transform: normalizes comparisons and negations. */
    public Expr transform(Expr e) {
        if (e == null) {
            return null;
        }
        switch (e.type) {
            case EQUAL: case GEQ: case GTH: case LEQ: case LTH: case UNEQUAL: case SYMBOL: case LIST:
                break;
            default:
                e.left = transform(e.left);
                e.right = transform(e.right);
        }
        switch (e.type) {
            case EQUAL:
                return transformEqual(e);
            case UNEQUAL:
                return transformUnequal(e);
            case NOT:
                return transformNot(e);
            default:
                return e;
        }
    }

    private Expr transformEqual(Expr e) {
        if (e.leftSym.type != SymbolType.BOOLEAN) {
            return e;
        }
        if (e.rightSym == symbols.no) {
            Symbol s = e.leftSym;
            e.type = ExprType.NOT;
            e.left = Expr.symbol(s);
            e.leftSym = null;
            e.rightSym = null;
        } else if (e.rightSym == symbols.mod) {
            reporter.out("boolean symbol " + e.leftSym.name() + " tested for 'm'? test forced to 'n'");
            e.becomeSymbol(symbols.no);
        } else if (e.rightSym == symbols.yes) {
            e.type = ExprType.SYMBOL;
            e.rightSym = null;
        }
        return e;
    }

    private Expr transformUnequal(Expr e) {
        if (e.leftSym.type != SymbolType.BOOLEAN) {
            return e;
        }
        if (e.rightSym == symbols.no) {
            e.type = ExprType.SYMBOL;
            e.rightSym = null;
        } else if (e.rightSym == symbols.mod) {
            reporter.out("boolean symbol " + e.leftSym.name() + " tested for 'm'? test forced to 'y'");
            e.becomeSymbol(symbols.yes);
        } else if (e.rightSym == symbols.yes) {
            Symbol s = e.leftSym;
            e.type = ExprType.NOT;
            e.left = Expr.symbol(s);
            e.leftSym = null;
            e.rightSym = null;
        }
        return e;
    }

    private Expr transformNot(Expr e) {
        Expr operand = e.left;
        switch (operand.type) {
            case NOT:
                return transform(operand.left);
            case EQUAL: case UNEQUAL:
                operand.type = operand.type == ExprType.EQUAL ? ExprType.UNEQUAL : ExprType.EQUAL;
                return operand;
            case LEQ: case GEQ:
                operand.type = operand.type == ExprType.LEQ ? ExprType.GTH : ExprType.LTH;
                return operand;
            case LTH: case GTH:
                operand.type = operand.type == ExprType.LTH ? ExprType.GEQ : ExprType.LEQ;
                return operand;
            case OR: case AND: {
                // De Morgan: !(a || b) -> !a && !b, reusing the operand node for !a as expr.c does
                e.type = operand.type == ExprType.OR ? ExprType.AND : ExprType.OR;
                e.right = Expr.one(ExprType.NOT, operand.right);
                operand.type = ExprType.NOT;
                operand.right = null;
                return transform(e);
            }
            case SYMBOL:
                if (operand.leftSym == symbols.yes) {
                    operand.becomeSymbol(symbols.no);
                    return operand;
                }
                if (operand.leftSym == symbols.mod) {
                    operand.becomeSymbol(symbols.mod);
                    return operand;
                }
                if (operand.leftSym == symbols.no) {
                    operand.becomeSymbol(symbols.yes);
                    return operand;
                }
                return e;
            default:
                return e;
        }
    }

    /** expr_trans_compare: inserts explicit comparisons of the given type against sym. */
    public Expr transCompare(Expr e, ExprType type, Symbol sym) {
        if (e == null) {
            Expr r = Expr.symbol(sym);
            return type == ExprType.UNEQUAL ? Expr.one(ExprType.NOT, r) : r;
        }
        switch (e.type) {
            case AND: case OR: {
                Expr e1 = transCompare(e.left, ExprType.EQUAL, sym);
                Expr e2 = transCompare(e.right, ExprType.EQUAL, sym);
                Expr r = e;
                boolean and = e.type == ExprType.AND;
                if (sym == symbols.yes) {
                    r = Expr.two(and ? ExprType.AND : ExprType.OR, e1, e2);
                }
                if (sym == symbols.no) {
                    r = Expr.two(and ? ExprType.OR : ExprType.AND, e1, e2);
                }
                return type == ExprType.UNEQUAL ? Expr.one(ExprType.NOT, r) : r;
            }
            case NOT:
                return transCompare(e.left, type == ExprType.EQUAL ? ExprType.UNEQUAL : ExprType.EQUAL, sym);
            case UNEQUAL: case LTH: case LEQ: case GTH: case GEQ: case EQUAL:
                if (type == ExprType.EQUAL) {
                    if (sym == symbols.yes) {
                        return Expr.copy(e);
                    }
                    if (sym == symbols.mod) {
                        return Expr.symbol(symbols.no);
                    }
                    if (sym == symbols.no) {
                        return Expr.one(ExprType.NOT, Expr.copy(e));
                    }
                } else {
                    if (sym == symbols.yes) {
                        return Expr.one(ExprType.NOT, Expr.copy(e));
                    }
                    if (sym == symbols.mod) {
                        return Expr.symbol(symbols.yes);
                    }
                    if (sym == symbols.no) {
                        return Expr.copy(e);
                    }
                }
                return null;
            case SYMBOL:
                return Expr.comparison(type, e.leftSym, sym);
            default:
                return null;
        }
    }

    public static boolean containsSymbol(Expr dep, Symbol sym) {
        if (dep == null) {
            return false;
        }
        switch (dep.type) {
            case AND: case OR:
                return containsSymbol(dep.left, sym) || containsSymbol(dep.right, sym);
            case SYMBOL:
                return dep.leftSym == sym;
            case EQUAL: case GEQ: case GTH: case LEQ: case LTH: case UNEQUAL:
                return dep.leftSym == sym || dep.rightSym == sym;
            case NOT:
                return containsSymbol(dep.left, sym);
            default:
                return false;
        }
    }

    /** expr_depends_symbol: dep can only be true when sym is. */
    public boolean dependsOnSymbol(Expr dep, Symbol sym) {
        if (dep == null) {
            return false;
        }
        switch (dep.type) {
            case AND:
                return dependsOnSymbol(dep.left, sym) || dependsOnSymbol(dep.right, sym);
            case SYMBOL:
                return dep.leftSym == sym;
            case EQUAL:
                return dep.leftSym == sym && (dep.rightSym == symbols.yes || dep.rightSym == symbols.mod);
            case UNEQUAL:
                return dep.leftSym == sym && dep.rightSym == symbols.no;
            default:
                return false;
        }
    }
}
