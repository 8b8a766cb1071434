package kforge.app.gui.model;

import java.util.ArrayList;
import java.util.List;

import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.Tristate;

/**
 * The user-set part of some symbols' state (what .config and the UI give them). Restoring a snapshot taken
 * before a change undoes it exactly: everything else is computed from these.
 */
final class UserValues {
    private final List<Saved> saved;

    private UserValues(List<Saved> saved) {
        this.saved = saved;
    }

    /** The symbols a change to sym can touch: sym, and for a choice value its choice and the choice's values. */
    static UserValues capture(Symbol sym) {
        List<Saved> list = new ArrayList<>();
        list.add(Saved.of(sym));
        if (sym.isChoiceValue() && sym.choice != null) {
            list.add(Saved.of(sym.choice));
            for (Symbol value : sym.choice.choiceValues) {
                if (value != sym) {
                    list.add(Saved.of(value));
                }
            }
        }
        return new UserValues(list);
    }

    /** Every symbol's user value: what a change that rereads the whole .config (a fix) can touch. */
    static UserValues captureAll(kforge.kconfig.model.Kconfig kconfig) {
        List<Saved> list = new ArrayList<>();
        for (Symbol sym : kconfig.symbols().inCreationOrder()) {
            if (!sym.isConst()) {
                list.add(Saved.of(sym));
            }
        }
        return new UserValues(list);
    }

    void restore(Evaluator evaluator) {
        for (Saved s : saved) {
            s.restore();
        }
        evaluator.clearAllValid();
    }

    /** The symbols this snapshot covers: what restoring it can change directly. */
    List<Symbol> symbols() {
        return saved.stream().map(Saved::sym).toList();
    }

    boolean sameAs(UserValues other) {
        return saved.equals(other.saved);
    }

    private record Saved(Symbol sym, boolean hasUserValue, Object userValue, Tristate userTri) {
        static Saved of(Symbol sym) {
            return new Saved(sym, sym.hasUserValue(), sym.defVal[Symbol.S_DEF_USER], sym.defTri[Symbol.S_DEF_USER]);
        }

        void restore() {
            if (hasUserValue) {
                sym.flags |= Symbol.DEF_USER;
            } else {
                sym.flags &= ~Symbol.DEF_USER;
            }
            sym.defVal[Symbol.S_DEF_USER] = userValue;
            sym.defTri[Symbol.S_DEF_USER] = userTri;
        }
    }
}
