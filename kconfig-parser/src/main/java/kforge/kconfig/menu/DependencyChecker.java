package kforge.kconfig.menu;

import java.util.ArrayList;
import java.util.List;

import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.model.Expr;
import kforge.kconfig.model.Menu;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.PropertyType;
import kforge.kconfig.model.Symbol;

/**
 * sym_check_deps: finds recursive dependencies and describes the cycle in conf's words, one line per
 * link ("symbol A depends on B", "symbol B is selected by A", ...).
 */
public final class DependencyChecker {
    private enum Role { NONE, DIR_DEP, REV_DEP, IMPLIED, PROPERTY_EXPR }

    private static final class Frame {
        final Symbol sym;
        Property prop;
        Role role = Role.NONE;

        Frame(Symbol sym) {
            this.sym = sym;
        }
    }

    private final List<Frame> stack = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();
    /** Since 6.11 the report has no file:line prefixes, and a choice is named by where its block starts. */
    private final boolean plainMessages;
    /** Since 6.12 a symbol has no P_SYMBOL property, so a cycle is never found through one. */
    private final boolean noSymbolProperty;

    public DependencyChecker(Dialect dialect) {
        this.plainMessages = dialect.has(KconfigChange.RECURSIVE_DEP_PLAIN_MESSAGES);
        this.noSymbolProperty = dialect.has(KconfigChange.SYMBOL_PROPERTY_REMOVED);
    }

    /** Adds another error of the same pass to the report, in the order conf prints them. */
    public void note(String line) {
        report.append(line).append('\n');
    }

    /** The text conf prints on stderr for the cycles found so far. */
    public String report() {
        return report.toString();
    }

    /** Returns the symbol closing a cycle, or null when sym's dependencies are fine. */
    public Symbol check(Symbol sym) {
        if (sym.has(Symbol.CHECK)) {
            printRecursive(sym);
            return sym;
        }
        if (sym.has(Symbol.CHECKED)) {
            return null;
        }
        Symbol sym2;
        if (sym.isChoiceValue()) {
            // For choice groups start the check with the choice itself.
            push(sym);
            sym2 = check(sym.choice);
            pop();
        } else if (sym.isChoice()) {
            sym2 = checkChoice(sym);
        } else {
            sym.flags |= Symbol.CHECK | Symbol.CHECKED;
            sym2 = checkSymbol(sym);
            sym.flags &= ~Symbol.CHECK;
        }
        return sym2;
    }

    private Frame push(Symbol sym) {
        Frame f = new Frame(sym);
        stack.add(f);
        return f;
    }

    private void pop() {
        stack.remove(stack.size() - 1);
    }

    private Symbol checkExpr(Expr e) {
        if (e == null) {
            return null;
        }
        switch (e.type) {
            case OR: case AND: {
                Symbol sym = checkExpr(e.left);
                return sym != null ? sym : checkExpr(e.right);
            }
            case NOT:
                return checkExpr(e.left);
            case EQUAL: case GEQ: case GTH: case LEQ: case LTH: case UNEQUAL: {
                Symbol sym = check(e.leftSym);
                return sym != null ? sym : check(e.rightSym);
            }
            case SYMBOL:
                return check(e.leftSym);
            default:
                return null;
        }
    }

    private Symbol checkSymbol(Symbol sym) {
        Frame frame = push(sym);
        Symbol sym2 = checkSymbolDeps(sym, frame);
        pop();
        return sym2;
    }

    private Symbol checkSymbolDeps(Symbol sym, Frame frame) {
        frame.role = Role.DIR_DEP;
        Symbol sym2 = checkExpr(sym.dirDep);
        if (sym2 != null) {
            return sym2;
        }
        frame.role = Role.REV_DEP;
        sym2 = checkExpr(sym.revDep);
        if (sym2 != null) {
            return sym2;
        }
        frame.role = Role.IMPLIED;
        sym2 = checkExpr(sym.implied);
        if (sym2 != null) {
            return sym2;
        }
        frame.role = Role.NONE;
        for (Property prop : sym.properties) {
            if (prop.type == PropertyType.CHOICE || prop.type == PropertyType.SELECT
                    || prop.type == PropertyType.IMPLY || (noSymbolProperty && prop.type == PropertyType.SYMBOL)) {
                continue;
            }
            frame.prop = prop;
            sym2 = checkExpr(prop.visibleExpr);
            if (sym2 != null) {
                break;
            }
            if (prop.type != PropertyType.DEFAULT || sym.isChoice()) {
                continue;
            }
            frame.role = Role.PROPERTY_EXPR;
            sym2 = checkExpr(prop.expr);
            if (sym2 != null) {
                break;
            }
            frame.role = Role.NONE;
        }
        return sym2;
    }

    private Symbol checkChoice(Symbol choice) {
        push(choice);
        for (Symbol value : choice.choiceValues) {
            value.flags |= Symbol.CHECK | Symbol.CHECKED;
        }
        choice.flags |= Symbol.CHECK | Symbol.CHECKED;
        Symbol sym2 = checkSymbol(choice);
        choice.flags &= ~Symbol.CHECK;
        if (sym2 == null) {
            for (Symbol value : choice.choiceValues) {
                sym2 = checkSymbol(value);
                if (sym2 != null) {
                    break;
                }
            }
        }
        for (Symbol value : choice.choiceValues) {
            value.flags &= ~Symbol.CHECK;
        }
        if (sym2 != null && sym2.isChoiceValue() && sym2.choice == choice) {
            sym2 = choice;
        }
        pop();
        return sym2;
    }

    private void printRecursive(Symbol lastSym) {
        boolean pushedChoiceValue = false;
        if (lastSym.isChoiceValue()) {
            push(lastSym);
            pushedChoiceValue = true;
            lastSym = lastSym.choice;
        }
        int start = -1;
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (stack.get(i).sym == lastSym) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            report.append("unexpected recursive dependency error\n");
            return;
        }
        for (int i = start; i < stack.size(); i++) {
            Frame frame = stack.get(i);
            Symbol sym = frame.sym;
            Symbol next = i + 1 < stack.size() ? stack.get(i + 1).sym : lastSym;
            Property prop = frame.prop != null ? frame.prop : first(sym);
            if (prop == null && !plainMessages) {
                // conf dereferences the symbol's first property here and crashes: the constant y, m or n
                // took part through a select or imply of it.
                throw new kforge.kconfig.diag.KconfigException("error: recursive dependency through the constant '"
                        + sym.displayName() + "', which something selects or implies (the kernel's conf crashes"
                        + " on this); select or imply a symbol instead");
            }
            Menu menu = null;
            if (sym.isChoice() || sym.isChoiceValue()) {
                for (Property p : sym.properties) {
                    prop = p;
                    menu = p.menu;
                    if (p.menu != null) {
                        break;
                    }
                }
            }
            if (plainMessages) {
                if (sym == lastSym) {
                    report.append("error: recursive dependency detected!\n");
                }
                report.append(describePlainly(frame, sym, next)).append('\n');
                continue;
            }
            if (sym == lastSym) {
                report.append(prop.location).append(":error: recursive dependency detected!\n");
            }
            report.append(describe(frame, sym, next, prop, menu)).append('\n');
        }
        report.append("For a resolution refer to Documentation/kbuild/kconfig-language.rst\n")
                .append("subsection \"Kconfig recursive dependency limitations\"\n\n");
        if (pushedChoiceValue) {
            pop();
        }
    }

    private static Property first(Symbol sym) {
        return sym.properties.isEmpty() ? null : sym.properties.get(0);
    }

    /** sym_check_print_recursive as of 6.11. */
    private static String describePlainly(Frame frame, Symbol sym, Symbol next) {
        String name = sym.displayName();
        if (next.isChoice()) {
            return "\tsymbol " + name + " is part of choice block at " + choiceMenu(next).location;
        }
        String type = frame.prop != null ? frame.prop.type.displayName() : "unknown";
        switch (frame.role) {
            case DIR_DEP:
                return "\tsymbol " + name + " depends on " + next.name();
            case REV_DEP:
                return "\tsymbol " + name + " is selected by " + next.name();
            case IMPLIED:
                return "\tsymbol " + name + " is implied by " + next.name();
            case PROPERTY_EXPR:
                return "\tsymbol " + name + " " + type + " value contains " + next.name();
            default:
                return "\tsymbol " + name + " " + type + " is visible depending on " + next.name();
        }
    }

    /** The choice's first menu entry (its block). */
    private static Menu choiceMenu(Symbol choice) {
        for (Property p : choice.properties) {
            if (p.menu != null) {
                return p.menu;
            }
        }
        throw new IllegalStateException("choice without a menu entry");
    }

    private static String describe(Frame frame, Symbol sym, Symbol next, Property prop, Menu menu) {
        String name = sym.displayName();
        String nextName = next.displayName();
        if (sym.isChoice()) {
            return menu.location + ":\tchoice " + name + " contains symbol " + nextName;
        }
        if (sym.isChoiceValue()) {
            return menu.location + ":\tsymbol " + name + " is part of choice " + nextName;
        }
        switch (frame.role) {
            case DIR_DEP:
                return prop.location + ":\tsymbol " + name + " depends on " + nextName;
            case REV_DEP:
                return prop.location + ":\tsymbol " + name + " is selected by " + nextName;
            case IMPLIED:
                return prop.location + ":\tsymbol " + name + " is implied by " + nextName;
            case PROPERTY_EXPR:
                return prop.location + ":\tsymbol " + name + " " + prop.type.displayName() + " value contains "
                        + nextName;
            default:
                return prop.location + ":\tsymbol " + name + " " + prop.type.displayName()
                        + " is visible depending on " + nextName;
        }
    }
}
