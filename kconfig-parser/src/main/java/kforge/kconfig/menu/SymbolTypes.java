package kforge.kconfig.menu;

import kforge.kconfig.diag.Reporter;
import kforge.kconfig.model.Menu;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;

/** menu_set_type, used while building (type lines) and while finalizing (choice values take the choice's). */
final class SymbolTypes {
    private SymbolTypes() {
    }

    /** Gives the entry's symbol a type; a second, different type is ignored with conf's warning. */
    static void set(Menu entry, SymbolType type, Reporter reporter) {
        Symbol sym = entry.sym;
        if (sym.type == type) {
            return;
        }
        if (sym.type == SymbolType.UNKNOWN) {
            sym.type = type;
            return;
        }
        reporter.err(entry.location + ":warning: ignoring type redefinition of '" + sym.displayName()
                + "' from '" + sym.type.displayName() + "' to '" + type.displayName() + "'");
    }
}
