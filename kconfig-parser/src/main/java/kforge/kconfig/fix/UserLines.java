package kforge.kconfig.fix;

import java.util.HashMap;
import java.util.Map;

import kforge.kconfig.model.Kconfig;
import kforge.kconfig.model.Symbol;

/**
 * The user values the .config's lines give, before conf_read drops those of invisible symbols: a .config
 * the fix has edited is no longer what conf wrote, so conf keeps them, and they return once visible.
 */
final class UserLines {
    private final Map<Symbol, String> values;

    private UserLines(Map<Symbol, String> values) {
        this.values = values;
    }

    /** Taken right after conf_read_simple read the file into the user values. */
    static UserLines of(Kconfig kconfig) {
        Map<Symbol, String> values = new HashMap<>();
        for (Symbol sym : kconfig.symbols().inCreationOrder()) {
            if (!sym.hasUserValue() || sym.isChoice()) {
                continue;
            }
            if (sym.type.isLogic()) {
                values.put(sym, sym.defTri[Symbol.S_DEF_USER].text());
            } else if (sym.type.holdsString() && sym.defVal[Symbol.S_DEF_USER] instanceof String text) {
                values.put(sym, text);
            }
        }
        return new UserLines(values);
    }

    /** The line's value (y, m, n or the text), or null when the .config has no line for the symbol. */
    String value(Symbol sym) {
        return values.get(sym);
    }
}
