package kforge.kconfig.expr;

import java.util.function.Function;

import kforge.kconfig.model.Expr;
import kforge.kconfig.model.ExprType;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;
import kforge.kconfig.model.Tristate;

/** Prints expressions the way expr.c does: minimal parentheses, optional "[=value]" after each symbol. */
public final class ExprPrinter {
    /** Receives each printed piece; sym is the symbol the piece names, or null for operators. */
    public interface Sink {
        void append(Symbol sym, String text);
    }

    private ExprPrinter() {
    }

    /** Plain form, as in "depends on" dumps: "A && (B || !C)". A null expression prints as "y". */
    public static String plain(Expr e) {
        StringBuilder sb = new StringBuilder();
        print(e, (sym, text) -> sb.append(text), ExprType.NONE);
        return sb.toString();
    }

    /** With current values, as in conf's help and warnings: "A [=y] && B [=n]". */
    public static String withValues(Expr e, Function<Symbol, String> valueOf) {
        StringBuilder sb = new StringBuilder();
        print(e, valuesSink(sb, valueOf), ExprType.NONE);
        return sb.toString();
    }

    static Sink valuesSink(StringBuilder sb, Function<Symbol, String> valueOf) {
        return (sym, text) -> {
            sb.append(text);
            if (sym != null && sym.type != SymbolType.UNKNOWN) {
                sb.append(" [=").append(valueOf.apply(sym)).append(']');
            }
        };
    }

    /**
     * expr_gstr_print_revdep: the top-level || operands whose value is prType, one per line as "  - X",
     * preceded by title when there is at least one.
     */
    public static String reverseDependencies(Expr e, Tristate prType, String title,
                                             Function<Expr, Tristate> valueOfExpr,
                                             Function<Symbol, String> valueOf) {
        StringBuilder sb = new StringBuilder();
        String[] pendingTitle = {title};
        printRevdep(e, prType, pendingTitle, valueOfExpr, valuesSink(sb, valueOf));
        return sb.toString();
    }

    private static void printRevdep(Expr e, Tristate prType, String[] title, Function<Expr, Tristate> valueOfExpr,
                                    Sink sink) {
        if (e.type == ExprType.OR) {
            printRevdep(e.left, prType, title, valueOfExpr, sink);
            printRevdep(e.right, prType, title, valueOfExpr, sink);
        } else if (valueOfExpr.apply(e) == prType) {
            if (title[0] != null) {
                sink.append(null, title[0]);
                title[0] = null;
            }
            sink.append(null, "  - ");
            print(e, sink, ExprType.NONE);
            sink.append(null, "\n");
        }
    }

    public static void print(Expr e, Sink fn, ExprType prevToken) {
        if (e == null) {
            fn.append(null, "y");
            return;
        }
        boolean parens = compareType(prevToken, e.type) > 0;
        if (parens) {
            fn.append(null, "(");
        }
        switch (e.type) {
            case SYMBOL:
                symbolName(e.leftSym, fn);
                break;
            case NOT:
                fn.append(null, "!");
                print(e.left, fn, ExprType.NOT);
                break;
            case EQUAL: case UNEQUAL: case LEQ: case LTH: case GEQ: case GTH:
                symbolName(e.leftSym, fn);
                fn.append(null, operator(e.type));
                fn.append(e.rightSym, e.rightSym.name());
                break;
            case OR:
                print(e.left, fn, ExprType.OR);
                fn.append(null, " || ");
                print(e.right, fn, ExprType.OR);
                break;
            case AND:
                print(e.left, fn, ExprType.AND);
                fn.append(null, " && ");
                print(e.right, fn, ExprType.AND);
                break;
            case LIST:
                fn.append(e.rightSym, e.rightSym.name());
                if (e.left != null) {
                    fn.append(null, " ^ ");
                    print(e.left, fn, ExprType.LIST);
                }
                break;
            case RANGE:
                fn.append(null, "[");
                fn.append(e.leftSym, e.leftSym.name());
                fn.append(null, " ");
                fn.append(e.rightSym, e.rightSym.name());
                fn.append(null, "]");
                break;
            default:
                fn.append(null, "<unknown type " + e.type.ordinal() + ">");
        }
        if (parens) {
            fn.append(null, ")");
        }
    }

    private static void symbolName(Symbol sym, Sink fn) {
        if (sym.name() != null) {
            fn.append(sym, sym.name());
        } else {
            fn.append(null, "<choice>");
        }
    }

    private static String operator(ExprType type) {
        switch (type) {
            case EQUAL: return "=";
            case UNEQUAL: return "!=";
            case LEQ: return "<=";
            case LTH: return "<";
            case GEQ: return ">=";
            case GTH: return ">";
            default: throw new IllegalArgumentException(type.name());
        }
    }

    /** expr_compare_type: > 0 when an operand of type t2 under t1 needs parentheses. */
    static int compareType(ExprType t1, ExprType t2) {
        if (t1 == t2) {
            return 0;
        }
        switch (t1) {
            case LEQ: case LTH: case GEQ: case GTH:
                if (t2 == ExprType.EQUAL || t2 == ExprType.UNEQUAL) {
                    return 1;
                }
                // fall through
            case EQUAL: case UNEQUAL:
                if (t2 == ExprType.NOT) {
                    return 1;
                }
                // fall through
            case NOT:
                if (t2 == ExprType.AND) {
                    return 1;
                }
                // fall through
            case AND:
                if (t2 == ExprType.OR) {
                    return 1;
                }
                // fall through
            case OR:
                if (t2 == ExprType.LIST) {
                    return 1;
                }
                // fall through
            case LIST:
                if (t2 == ExprType.NONE) {
                    return 1;
                }
                // fall through
            default:
                return -1;
        }
    }
}
