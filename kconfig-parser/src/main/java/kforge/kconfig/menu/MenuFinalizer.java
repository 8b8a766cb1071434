package kforge.kconfig.menu;

import kforge.kconfig.diag.Reporter;
import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.expr.ExprSimplifier;
import kforge.kconfig.model.Expr;
import kforge.kconfig.model.ExprType;
import kforge.kconfig.model.Menu;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.PropertyType;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolTable;
import kforge.kconfig.model.SymbolType;

/**
 * menu_finalize: propagates menu/if/choice dependencies to entries and properties, turns selects and
 * implies into reverse dependencies, builds automatic submenus, flattens 'if' blocks and wires choices.
 */
public final class MenuFinalizer {
    private final SymbolTable symbols;
    private final Reporter reporter;
    private final ExprSimplifier simplifier;
    private final PropertyChecks checks;
    /** Since 6.11 a choice is a block of bool members, which the parser has already collected. */
    private final boolean boolChoiceBlocks;
    private final boolean noReparentInChoice;
    private final boolean choiceTypeNotImplied;
    /** Since 6.9 a choice without a prompt is a parse error, no longer a warning here. */
    private final boolean choicePromptRequired;
    /** Since 6.10 a member's default or stray prompt is an error of conf_parse, not a warning here. */
    private final boolean memberErrors;

    public MenuFinalizer(SymbolTable symbols, Reporter reporter, Dialect dialect) {
        this.symbols = symbols;
        this.reporter = reporter;
        this.boolChoiceBlocks = dialect.has(KconfigChange.BOOL_CHOICE_BLOCKS);
        this.noReparentInChoice = dialect.has(KconfigChange.CHOICE_NO_REPARENT);
        this.choiceTypeNotImplied = dialect.has(KconfigChange.CHOICE_TYPE_NOT_IMPLIED);
        this.choicePromptRequired = dialect.has(KconfigChange.CHOICE_PROMPT_REQUIRED);
        this.memberErrors = dialect.has(KconfigChange.CHOICE_MEMBER_ERRORS);
        this.simplifier = new ExprSimplifier(symbols, reporter, dialect);
        this.checks = new PropertyChecks(reporter);
    }

    public void finalizeMenu(Menu parent) {
        finalizeMenu(parent, false);
    }

    private void finalizeMenu(Menu parent, boolean insideChoice) {
        Symbol sym = parent.sym;
        if (parent.list != null) {
            propagateToChildren(parent, sym);
        } else if (sym != null && !insideChoice) {
            buildAutomaticSubmenu(parent, sym);
        }
        for (Menu menu = parent.list; menu != null; menu = menu.next) {
            if (!boolChoiceBlocks && sym != null && sym.isChoice() && menu.sym != null && !menu.sym.isChoiceValue()) {
                attachChoiceValue(sym, menu);
            }
            flattenPromptless(parent, menu);
        }
        if (sym != null && !sym.has(Symbol.WARNED)) {
            if (sym.type == SymbolType.UNKNOWN) {
                warn(parent, "config symbol defined without type");
            }
            if (!choicePromptRequired && sym.isChoice() && parent.prompt == null) {
                warn(parent, "choice must have a prompt");
            }
            checks.check(sym);
            sym.flags |= Symbol.WARNED;
        }
        // A visible non-optional choice must not be set to n: a reverse dependency of "<visibility> && m".
        if (!boolChoiceBlocks && sym != null && !sym.isOptional() && parent.prompt != null) {
            sym.revDep = Expr.or(sym.revDep, Expr.and(parent.prompt.visibleExpr, Expr.symbol(symbols.mod)));
        }
    }

    private void propagateToChildren(Menu parent, Symbol sym) {
        Expr parentDep;
        if (!boolChoiceBlocks && sym != null && sym.isChoice()) {
            if (!choiceTypeNotImplied) {
                settleChoiceTypes(parent, sym);
            }
            // The choice's mode bounds the visibility of its values.
            parentDep = Expr.symbol(sym);
        } else {
            parentDep = parent.dep;
        }
        for (Menu menu = parent.list; menu != null; menu = menu.next) {
            Expr baseDep = rewriteM(menu.dep);
            baseDep = simplifier.transform(baseDep);
            baseDep = Expr.and(Expr.copy(parentDep), baseDep);
            baseDep = simplifier.eliminateDups(baseDep);
            menu.dep = baseDep;
            if (menu.sym != null) {
                for (Property prop : menu.sym.properties) {
                    propagateToProperty(menu, prop, baseDep);
                }
            } else if (menu.prompt != null) {
                propagateToProperty(menu, menu.prompt, baseDep);
            }
        }
        boolean choiceBlock = noReparentInChoice && sym != null && sym.isChoice();
        for (Menu menu = parent.list; menu != null; menu = menu.next) {
            finalizeMenu(menu, choiceBlock);
        }
    }

    private void propagateToProperty(Menu menu, Property prop, Expr baseDep) {
        if (prop.menu != menu) {
            // Defined at another location of the same symbol; handled there.
            return;
        }
        Expr dep = rewriteM(prop.visibleExpr);
        dep = simplifier.transform(dep);
        dep = Expr.and(Expr.copy(baseDep), dep);
        dep = simplifier.eliminateDups(dep);
        prop.visibleExpr = dep;
        if (prop.type == PropertyType.SELECT) {
            Symbol es = prop.symbol();
            es.revDep = Expr.or(es.revDep, Expr.and(Expr.symbol(menu.sym), Expr.copy(dep)));
        } else if (prop.type == PropertyType.IMPLY) {
            Symbol es = prop.symbol();
            es.implied = Expr.or(es.implied, Expr.and(Expr.symbol(menu.sym), Expr.copy(dep)));
        }
    }

    private void settleChoiceTypes(Menu parent, Symbol choice) {
        if (choice.type == SymbolType.UNKNOWN) {
            // The first typed value decides the choice's type.
            for (Menu menu = parent.list; menu != null; menu = menu.next) {
                if (menu.sym != null && menu.sym.type != SymbolType.UNKNOWN) {
                    setType(parent, menu.sym.type);
                    break;
                }
            }
        }
        for (Menu menu = parent.list; menu != null; menu = menu.next) {
            if (menu.sym != null && menu.sym.type == SymbolType.UNKNOWN) {
                setType(menu, choice.type);
            }
        }
    }

    private void setType(Menu entry, SymbolType type) {
        SymbolTypes.set(entry, type, reporter);
    }

    /**
     * Consecutive entries after sym that depend on it become its children, recursively; an entry also
     * qualifies when its dependencies contain sym and are a superset of sym's own.
     */
    private void buildAutomaticSubmenu(Menu parent, Symbol sym) {
        Expr baseDep = parent.prompt != null ? parent.prompt.visibleExpr : null;
        baseDep = simplifier.transCompare(baseDep, ExprType.UNEQUAL, symbols.no);
        baseDep = simplifier.eliminateDups(simplifier.transform(baseDep));
        Menu lastMenu = null;
        for (Menu menu = parent.next; menu != null; menu = menu.next) {
            Expr dep = menu.prompt != null ? menu.prompt.visibleExpr : menu.dep;
            if (!ExprSimplifier.containsSymbol(dep, sym)) {
                break;
            }
            if (!simplifier.dependsOnSymbol(dep, sym) && !isSupersetOf(dep, baseDep)) {
                break;
            }
            finalizeMenu(menu);
            menu.parent = parent;
            lastMenu = menu;
        }
        if (lastMenu != null) {
            parent.list = parent.next;
            parent.next = lastMenu.next;
            lastMenu.next = null;
        }
        sym.dirDep = Expr.or(sym.dirDep, parent.dep);
    }

    private boolean isSupersetOf(Expr dep, Expr baseDep) {
        Expr d = simplifier.transCompare(dep, ExprType.UNEQUAL, symbols.no);
        d = simplifier.eliminateDups(simplifier.transform(d));
        Expr[] reduced = simplifier.eliminateEq(d, Expr.copy(baseDep));
        return reduced[1] == null || reduced[1].isSymbol(symbols.yes);
    }

    private void attachChoiceValue(Symbol choice, Menu menu) {
        Symbol value = menu.sym;
        value.flags |= Symbol.CHOICEVAL;
        if (menu.prompt == null) {
            warn(menu, "choice value must have a prompt");
        }
        for (Property prop : memberErrors ? java.util.List.<Property>of() : value.properties) {
            if (prop.type == PropertyType.DEFAULT) {
                propWarn(prop, "defaults for choice values not supported");
            }
            if (prop.menu == menu) {
                continue;
            }
            if (prop.type == PropertyType.PROMPT && prop.menu.parent.sym != choice) {
                propWarn(prop, "choice value used outside its choice group");
            }
        }
        // Non-tristate values of a tristate choice need the choice to be y; re-propagate that.
        if (choice.type == SymbolType.TRISTATE && value.type != SymbolType.TRISTATE) {
            Expr baseDep = Expr.comparison(ExprType.EQUAL, choice, symbols.yes);
            menu.dep = Expr.and(baseDep, menu.dep);
            for (Property prop : value.properties) {
                if (prop.menu != menu) {
                    continue;
                }
                prop.visibleExpr = Expr.and(Expr.copy(baseDep), prop.visibleExpr);
            }
        }
        Property choiceProp = new Property(PropertyType.CHOICE, menu.location, menu, Expr.symbol(choice), null);
        value.properties.add(choiceProp);
        value.choice = choice;
        choice.choiceValues.add(value);
    }

    /** 'if' blocks and automatic submenus under promptless symbols are spliced back into the parent. */
    private static void flattenPromptless(Menu parent, Menu menu) {
        if (menu.list == null || (menu.prompt != null && menu.prompt.text != null)) {
            return;
        }
        Menu last = menu.list;
        while (true) {
            last.parent = parent;
            if (last.next == null) {
                break;
            }
            last = last.next;
        }
        last.next = menu.next;
        menu.next = menu.list;
        menu.list = null;
    }

    /** Rewrites the constant 'm' to "m && MODULES", so it is n without module support. */
    private Expr rewriteM(Expr e) {
        if (e == null) {
            return null;
        }
        switch (e.type) {
            case NOT:
                e.left = rewriteM(e.left);
                break;
            case OR: case AND:
                e.left = rewriteM(e.left);
                e.right = rewriteM(e.right);
                break;
            case SYMBOL:
                if (e.leftSym == symbols.mod) {
                    return Expr.and(e, Expr.symbol(modulesSymbol));
                }
                break;
            default:
                break;
        }
        return e;
    }

    private Symbol modulesSymbol;

    /** The MODULES symbol that 'm' is tied to; set before finalizing. */
    public void setModulesSymbol(Symbol modules) {
        this.modulesSymbol = modules;
    }

    private void warn(Menu menu, String message) {
        reporter.err(menu.location + ":warning: " + message);
    }

    private void propWarn(Property prop, String message) {
        reporter.err(prop.location + ":warning: " + message);
    }
}
