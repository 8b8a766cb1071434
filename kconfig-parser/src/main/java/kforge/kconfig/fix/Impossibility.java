package kforge.kconfig.fix;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.expr.ExprPrinter;
import kforge.kconfig.model.Expr;
import kforge.kconfig.model.ExprType;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;
import kforge.kconfig.model.Tristate;

/**
 * Says why no fix exists: the wanted value's dependency term that no choice of user values can make true,
 * and what its symbols are (not in this tree at all, or set only by defaults and selects that never fire).
 */
final class Impossibility {
    private final Circuit c;
    private final KconfigEncoding encoding;
    private final Evaluator evaluator;
    private final String arch;

    Impossibility(Circuit c, KconfigEncoding encoding, Evaluator evaluator, String arch) {
        this.c = c;
        this.encoding = encoding;
        this.evaluator = evaluator;
        this.arch = arch;
    }

    String explain(List<Want> wants) {
        for (Want w : wants) {
            if (!c.solve(encoding.hasValue(w.symbol(), w.value()))) {
                return explain(w);
            }
        }
        return "each wanted value can hold, but not all of them together";
    }

    private String explain(Want w) {
        Symbol sym = w.symbol();
        String subject = w + " is impossible";
        if (sym.type.isLogic() && w.tristate() != Tristate.NO) {
            for (Expr term : conjuncts(sym.dirDep)) {
                Tri value = encoding.expr(term);
                int reachable = w.tristate() == Tristate.YES ? value.isYes() : value.atLeastMod();
                if (!c.solve(reachable)) {
                    return subject + ": it depends on " + ExprPrinter.withValues(term, evaluator::stringValue)
                            + ", which no user value can make " + w.value() + " here" + symbolsOf(term);
                }
            }
            if (!sym.hasPrompt()) {
                return subject + ": it has no prompt, and no default or select can make it " + w.value() + " here";
            }
        }
        if (w.tristate() == Tristate.NO && sym.type.isLogic()) {
            return subject + ": it is selected by " + ExprPrinter.withValues(sym.revDep, evaluator::stringValue)
                    + ", and no user value can stop that here";
        }
        return subject + ": no choice of user values gives it in this tree (ARCH=" + arch + ")";
    }

    /** What the term's symbols are, for a term no user value can change. */
    private String symbolsOf(Expr term) {
        Set<Symbol> symbols = new LinkedHashSet<>();
        collect(term, symbols);
        List<String> notes = new ArrayList<>();
        for (Symbol s : symbols) {
            if (s.type == SymbolType.UNKNOWN && !looksLikeANumber(s.name())) {
                notes.add(s.name() + " is not a symbol of this tree (ARCH=" + arch + ")");
            } else if (!s.hasPrompt()) {
                notes.add(s.name() + " has no prompt; only defaults and selects set it");
            }
        }
        return notes.isEmpty() ? "" : ": " + String.join("; ", notes);
    }

    private static boolean looksLikeANumber(String name) {
        return name.matches("-?[0-9].*");
    }

    private static void collect(Expr e, Set<Symbol> into) {
        if (e == null) {
            return;
        }
        for (Symbol s : new Symbol[] {e.leftSym, e.rightSym}) {
            if (s != null && !s.isConst()) {
                into.add(s);
            }
        }
        collect(e.left, into);
        collect(e.right, into);
    }

    static List<Expr> conjuncts(Expr e) {
        List<Expr> terms = new ArrayList<>();
        addConjuncts(e, terms);
        return terms;
    }

    private static void addConjuncts(Expr e, List<Expr> into) {
        if (e == null) {
            return;
        }
        if (e.type == ExprType.AND) {
            addConjuncts(e.left, into);
            addConjuncts(e.right, into);
        } else {
            into.add(e);
        }
    }
}
