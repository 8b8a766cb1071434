package kforge.kconfig.fix;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import kforge.kconfig.eval.CNumbers;
import kforge.kconfig.model.Expr;
import kforge.kconfig.model.Kconfig;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;

/**
 * For each int, hex and string symbol, the constants the tree compares it with anywhere (and for numbers
 * one either side, so "> 5" and "< 5" have a value that holds): the values a fix may need to give it.
 */
final class ComparedConstants {
    private final Map<Symbol, Set<String>> constants = new HashMap<>();

    static ComparedConstants of(Kconfig kconfig) {
        ComparedConstants result = new ComparedConstants();
        for (Symbol sym : kconfig.symbols().inCreationOrder()) {
            result.scan(sym.dirDep);
            result.scan(sym.revDep);
            result.scan(sym.implied);
            for (Property p : sym.properties) {
                result.scan(p.expr);
                result.scan(p.visibleExpr);
            }
        }
        return result;
    }

    Set<String> of(Symbol sym) {
        return constants.getOrDefault(sym, Set.of());
    }

    private void scan(Expr e) {
        if (e == null) {
            return;
        }
        if (e.type.isComparison()) {
            note(e.leftSym, e.rightSym);
            note(e.rightSym, e.leftSym);
            return;
        }
        scan(e.left);
        scan(e.right);
    }

    private void note(Symbol sym, Symbol constant) {
        if (sym == null || constant == null || !sym.type.holdsString() || sym.isConst() || !isLiteral(constant)) {
            return;
        }
        String text = constant.isConst() && constant.currVal instanceof String s ? s : constant.name();
        Set<String> values = constants.computeIfAbsent(sym, s -> new LinkedHashSet<>());
        values.add(text);
        if (sym.type.isNumeric()) {
            int base = sym.type == SymbolType.INT ? 10 : 16;
            long n = CNumbers.strtoll(text, base);
            values.add(format(n - 1, sym.type));
            values.add(format(n + 1, sym.type));
        }
    }

    /** A quoted constant, or an unquoted word no config defines (0x8000 in "BASE = 0x8000"): its name is its value. */
    static boolean isLiteral(Symbol sym) {
        return sym.isConst() || sym.type == SymbolType.UNKNOWN;
    }

    private static String format(long n, SymbolType type) {
        return type == SymbolType.INT ? Long.toString(n) : "0x" + Long.toHexString(n);
    }
}
