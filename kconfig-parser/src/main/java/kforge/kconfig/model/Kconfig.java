package kforge.kconfig.model;

import java.util.List;
import java.util.Map;

import kforge.kconfig.dialect.Dialect;

/** A parsed and finalized Kconfig tree: the symbol table and the menu tree, ready for evaluation. */
public final class Kconfig {
    /** Flags that describe the tree rather than a configuration; they survive a state reset. */
    private static final int PARSE_TIME_FLAGS = Symbol.CONST | Symbol.CHOICE | Symbol.CHOICEVAL
            | Symbol.OPTIONAL | Symbol.NO_WRITE | Symbol.WARNED | Symbol.CHECKED;

    private final SymbolTable symbols;
    private final Menu rootMenu;
    private final Symbol modulesSym;
    private final List<String> files;
    private final Map<String, String> environmentUsed;
    private final Dialect dialect;

    public Kconfig(SymbolTable symbols, Menu rootMenu, Symbol modulesSym, List<String> files,
                   Map<String, String> environmentUsed, Dialect dialect) {
        this.dialect = dialect;
        this.symbols = symbols;
        this.rootMenu = rootMenu;
        this.modulesSym = modulesSym;
        this.files = List.copyOf(files);
        // In first-use order: auto.conf.cmd lists them in that order.
        this.environmentUsed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environmentUsed));
    }

    public SymbolTable symbols() {
        return symbols;
    }

    public Menu rootMenu() {
        return rootMenu;
    }

    /** The symbol with the 'modules' option, or the constant n when there is none. */
    public Symbol modulesSymbol() {
        return modulesSym;
    }

    /** Every Kconfig file read, in the order they were read. */
    public List<String> files() {
        return files;
    }

    /** Environment variables the Kconfig files referenced, with the values they had. */
    public Map<String, String> environmentUsed() {
        return environmentUsed;
    }

    /** The release whose Kconfig language and conf behaviour this tree was parsed with, and is evaluated with. */
    public Dialect dialect() {
        return dialect;
    }

    /** The mainmenu title, written at the top of .config. */
    public String title() {
        return rootMenu.prompt.text;
    }

    /** Back to the state right after parsing, so the next configuration starts as in a new conf process. */
    public void resetEvaluationState() {
        for (Symbol s : symbols.inCreationOrder()) {
            s.resetEvaluationState(PARSE_TIME_FLAGS);
        }
        resetMenuVisibility(rootMenu);
    }

    private static void resetMenuVisibility(Menu menu) {
        for (Menu m = menu; m != null; m = m.next) {
            if (m.prompt != null && m.sym == null) {
                m.prompt.visibleTri = Tristate.NO;
            }
            m.flags &= Menu.ROOT;
            if (m.list != null) {
                resetMenuVisibility(m.list);
            }
        }
    }
}
