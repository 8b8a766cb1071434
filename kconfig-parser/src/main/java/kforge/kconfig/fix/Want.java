package kforge.kconfig.fix;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolTable;
import kforge.kconfig.model.SymbolType;
import kforge.kconfig.model.Tristate;

/** A value the user wants a symbol to have: SYMBOL=VALUE, the value as .config spells it (y/m/n, 0x10, text). */
public record Want(Symbol symbol, String value) {

    /** Reads "SYM=VALUE" or "CONFIG_SYM=\"text\""; a fault names the word and what is wrong with it. */
    public static Want parse(String word, SymbolTable symbols, String prefix) {
        int eq = word.indexOf('=');
        if (eq <= 0) {
            throw new KconfigException("'" + word + "': expected SYMBOL=VALUE");
        }
        String name = word.substring(0, eq);
        if (name.startsWith(prefix)) {
            name = name.substring(prefix.length());
        }
        String value = word.substring(eq + 1);
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        Symbol sym = symbols.find(name);
        if (sym == null || sym.type == SymbolType.UNKNOWN) {
            throw new KconfigException(name + ": no such symbol in this tree");
        }
        if (sym.type.isLogic()) {
            Tristate t = value.length() == 1 ? Tristate.fromLetter(value.charAt(0)) : null;
            if (t == null) {
                throw new KconfigException(word + ": a " + sym.type.displayName() + " takes y, m or n");
            }
            if (t == Tristate.MOD && sym.type == SymbolType.BOOLEAN) {
                throw new KconfigException(word + ": a bool cannot be m");
            }
            return new Want(sym, t.text());
        }
        if (!Evaluator.stringValid(sym, value)) {
            throw new KconfigException(word + ": not a valid " + sym.type.displayName() + " value");
        }
        return new Want(sym, value);
    }

    public Tristate tristate() {
        return Tristate.fromLetter(value.charAt(0));
    }

    @Override
    public String toString() {
        return symbol.name() + "=" + value;
    }
}
