package kforge.kconfig.menu;

import kforge.kconfig.diag.Reporter;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.model.ExprType;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;

/** sym_check_prop: the warnings conf gives for ill-typed defaults, selects, implies and ranges. */
final class PropertyChecks {
    private final Reporter reporter;

    PropertyChecks(Reporter reporter) {
        this.reporter = reporter;
    }

    void check(Symbol sym) {
        for (Property prop : sym.properties) {
            switch (prop.type) {
                case DEFAULT:
                    checkDefault(sym, prop);
                    break;
                case SELECT: case IMPLY:
                    checkSelect(sym, prop);
                    break;
                case RANGE:
                    if (sym.type != SymbolType.INT && sym.type != SymbolType.HEX) {
                        warn(prop, "range is only allowed for int or hex symbols");
                    }
                    if (!validNumber(sym, prop.expr.leftSym) || !validNumber(sym, prop.expr.rightSym)) {
                        warn(prop, "range is invalid");
                    }
                    break;
                default:
                    break;
            }
        }
    }

    private void checkDefault(Symbol sym, Property prop) {
        if (sym.type.holdsString() && prop.expr.type != ExprType.SYMBOL) {
            warn(prop, "default for config symbol '" + sym.name() + "' must be a single symbol");
        }
        if (prop.expr.type != ExprType.SYMBOL) {
            return;
        }
        Symbol sym2 = prop.symbol();
        if (sym.type == SymbolType.HEX || sym.type == SymbolType.INT) {
            if (!validNumber(sym, sym2)) {
                warn(prop, "'" + sym.name() + "': number is invalid");
            }
        }
        if (sym.isChoice()) {
            Property choiceProp = sym2.choiceProperty();
            if (choiceProp == null || choiceProp.symbol() != sym) {
                warn(prop, "choice default symbol '" + sym2.name() + "' is not contained in the choice");
            }
        }
    }

    private void checkSelect(Symbol sym, Property prop) {
        String use = prop.type.displayName();
        Symbol sym2 = prop.symbol();
        if (sym.type != SymbolType.BOOLEAN && sym.type != SymbolType.TRISTATE) {
            warn(prop, "config symbol '" + sym.name() + "' uses " + use + ", but is not bool or tristate");
        } else if (sym2.type != SymbolType.UNKNOWN && sym2.type != SymbolType.BOOLEAN
                && sym2.type != SymbolType.TRISTATE) {
            warn(prop, "'" + sym2.name() + "' has wrong type. '" + use
                    + "' only accept arguments of bool and tristate type");
        }
    }

    private static boolean validNumber(Symbol sym, Symbol sym2) {
        return sym2.type == SymbolType.INT || sym2.type == SymbolType.HEX
                || (sym2.type == SymbolType.UNKNOWN && Evaluator.stringValid(sym, sym2.name()));
    }

    private void warn(Property prop, String message) {
        reporter.err(prop.location + ":warning: " + message);
    }
}
