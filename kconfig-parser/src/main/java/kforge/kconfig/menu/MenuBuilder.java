package kforge.kconfig.menu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kforge.kconfig.ast.Entry;
import kforge.kconfig.ast.ExprNode;
import kforge.kconfig.ast.KconfigTree;
import kforge.kconfig.ast.Option;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.diag.SourceLocation;
import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.eval.CNumbers;
import kforge.kconfig.model.Expr;
import kforge.kconfig.model.ExprType;
import kforge.kconfig.model.Menu;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.PropertyType;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolTable;
import kforge.kconfig.model.SymbolType;

/**
 * Builds the menu tree and symbols from the AST, doing what parser.y's actions and menu.c's
 * menu_add_* functions do, in the same order: symbols are created in the order conf creates them,
 * which fixes their order in the symbol table.
 */
public final class MenuBuilder {
    /** Flag for the legacy 'option allnoconfig_y'. */
    public static final int ALLNOCONFIG_Y = 0x4000;

    private final SymbolTable symbols;
    private final Reporter reporter;
    private final Map<String, String> environment;
    /** Everything conf's grammar actions print, in their order: warnings and errors interleave there. */
    private final List<String> messages = new ArrayList<>();
    private int errorCount;
    private final Menu rootMenu = new Menu(null, null, SourceLocation.NONE);
    private Menu currentMenu = rootMenu;
    private Menu currentEntry = rootMenu;
    private Symbol modulesSym;
    private final boolean boolChoiceBlocks;
    private final boolean choicePromptRequired;
    /** Before the 4.18 preprocessor, 'option env' was conf's only way to the environment (prop_add_env). */
    private final boolean optionEnvOnly;
    /** The choice whose block is being built (parser.y's current_choice), when choices are bool blocks. */
    private Menu currentChoice;

    public MenuBuilder(SymbolTable symbols, Reporter reporter, Map<String, String> environment, Dialect dialect) {
        this.symbols = symbols;
        this.reporter = new Reporter() {
            @Override
            public void out(String line) {
                reporter.out(line);
            }

            @Override
            public void err(String line) {
                messages.add(line);
            }
        };
        this.environment = environment;
        this.boolChoiceBlocks = dialect.has(KconfigChange.BOOL_CHOICE_BLOCKS);
        this.choicePromptRequired = dialect.has(KconfigChange.CHOICE_PROMPT_REQUIRED);
        this.optionEnvOnly = !dialect.has(KconfigChange.PREPROCESSOR);
        rootMenu.flags |= Menu.ROOT;
    }

    public Menu rootMenu() {
        return rootMenu;
    }

    /** The 'modules' symbol, or null when no symbol has the option. */
    public Symbol modulesSymbol() {
        return modulesSym;
    }

    /**
     * Prints the warnings; with errors (conf counts them and stops after parsing), throws them and the
     * warnings between them instead, in conf's order.
     */
    public void finish(Reporter out) {
        if (errorCount > 0) {
            throw new KconfigException(String.join("\n", messages));
        }
        messages.forEach(out::err);
    }

    private void error(String message) {
        messages.add(message);
        errorCount++;
    }

    public void build(KconfigTree tree) {
        if (tree.mainmenu() != null) {
            addPrompt(PropertyType.MENU, tree.mainmenu(), null, tree.mainmenuLocation());
        }
        entries(tree.entries());
    }

    private void entries(List<Entry> list) {
        for (Entry e : list) {
            entry(e);
        }
    }

    private void entry(Entry e) {
        if (e instanceof Entry.Config c) {
            config(c);
        } else if (e instanceof Entry.Choice c) {
            choice(c);
        } else if (e instanceof Entry.Menu m) {
            menu(m);
        } else if (e instanceof Entry.If i) {
            addEntry(null, i.location());
            addDep(expr(i.condition()));
            block(i.location(), i.body(), i.end(), "if");
        } else if (e instanceof Entry.Comment c) {
            addEntry(null, c.location());
            addPrompt(PropertyType.COMMENT, c.text(), null, c.location());
            for (Option o : c.options()) {
                addDep(expr(((Option.DependsOn) o).condition()));
            }
        }
        // Source and Assignment entries were carried out while scanning.
    }

    private void config(Entry.Config c) {
        Symbol sym = symbols.lookup(c.name(), 0);
        sym.flags |= Symbol.OPTIONAL;
        addEntry(sym, c.location());
        for (Option o : c.options()) {
            configOption(o);
        }
        if (c.menuconfig()) {
            if (currentEntry.prompt != null) {
                currentEntry.prompt.type = PropertyType.MENU;
            } else {
                reporter.err(c.endLocation() + ": warning: menuconfig statement without prompt");
            }
        } else if (currentChoice != null) {
            addChoiceMember(currentEntry);
        }
    }

    /** config_stmt inside a choice block: members are known when parsed, and must be bool with a prompt. */
    private void addChoiceMember(Menu member) {
        Symbol sym = member.sym;
        if (member.prompt == null) {
            error(member.location + ": error: choice member must have a prompt");
        }
        if (sym.type != SymbolType.BOOLEAN) {
            error(member.location + ": error: choice member must be bool");
        }
        if (sym.choice != null) {
            return;
        }
        Symbol choice = currentChoice.sym;
        sym.flags |= Symbol.CHOICEVAL;
        sym.properties.add(new Property(PropertyType.CHOICE, member.location, member, Expr.symbol(choice), null));
        sym.choice = choice;
        choice.choiceValues.add(sym);
    }

    private void configOption(Option o) {
        SourceLocation loc = o.location();
        if (o instanceof Option.Type t) {
            if (t.prompt() != null) {
                addPrompt(PropertyType.PROMPT, t.prompt(), expr(t.promptCondition()), loc);
            }
            setType(t.type());
        } else if (o instanceof Option.Prompt p) {
            addPrompt(PropertyType.PROMPT, p.text(), expr(p.condition()), loc);
        } else if (o instanceof Option.Default d) {
            Expr value = expr(d.value());
            addProperty(PropertyType.DEFAULT, value, expr(d.condition()), loc);
            if (d.impliedType() != SymbolType.UNKNOWN) {
                setType(d.impliedType());
            }
        } else if (o instanceof Option.Select s) {
            Symbol target = symbols.lookup(s.symbol(), 0);
            addProperty(PropertyType.SELECT, Expr.symbol(target), expr(s.condition()), loc);
        } else if (o instanceof Option.Imply i) {
            Symbol target = symbols.lookup(i.symbol(), 0);
            addProperty(PropertyType.IMPLY, Expr.symbol(target), expr(i.condition()), loc);
        } else if (o instanceof Option.Range r) {
            Symbol low = symbol(r.low());
            Symbol high = symbol(r.high());
            addProperty(PropertyType.RANGE, Expr.comparison(ExprType.RANGE, low, high), expr(r.condition()), loc);
        } else if (o instanceof Option.Modules) {
            declareModules(loc);
        } else if (o instanceof Option.Legacy l) {
            legacyOption(l);
        } else if (o instanceof Option.DependsOn d) {
            addDep(expr(d.condition()));
        } else if (o instanceof Option.Help h) {
            help(h);
        } else if (o instanceof Option.Optional) {
            currentEntry.sym.flags |= Symbol.OPTIONAL;
        }
    }

    private void declareModules(SourceLocation loc) {
        if (modulesSym != null) {
            error(loc + ": symbol '" + currentEntry.sym.name()
                    + "' redefines option 'modules' already defined by symbol '" + modulesSym.name() + "'");
            return;
        }
        modulesSym = currentEntry.sym;
    }

    /** The 'option' forms of kernels before 5.x, kept so older trees still load. */
    private void legacyOption(Option.Legacy l) {
        Symbol sym = currentEntry.sym;
        switch (l.name()) {
            case "modules":
                declareModules(l.location());
                break;
            case "env": {
                if (optionEnvOnly && !environment.containsKey(l.value())) {
                    // prop_add_env: an unset variable adds no default, so the symbol keeps an earlier one or "".
                    reporter.err(currentEntry.location + ":warning: environment variable " + l.value() + " undefined");
                    sym.flags |= Symbol.NO_WRITE;
                    break;
                }
                String value = environment.getOrDefault(l.value(), "");
                addProperty(PropertyType.DEFAULT, Expr.symbol(symbols.lookup(value, Symbol.CONST)), null,
                        l.location());
                sym.flags |= Symbol.NO_WRITE;
                break;
            }
            case "allnoconfig_y":
                sym.flags |= ALLNOCONFIG_Y;
                break;
            case "defconfig_list":
                break;
            default:
                reporter.err(l.location() + ":warning: ignoring unknown option " + l.name());
        }
    }

    private void help(Option.Help h) {
        String name = currentEntry.sym != null && currentEntry.sym.name() != null ? currentEntry.sym.name()
                : "<choice>";
        if (currentEntry.help != null) {
            reporter.err(h.location() + ": warning: '" + name
                    + "' defined with more than one help text -- only the last one will be used");
        }
        if (h.text().chars().allMatch(c -> CNumbers.isSpace((char) c))) {
            reporter.err(h.location() + ": warning: '" + name + "' defined with blank help text");
        }
        currentEntry.help = h.text();
    }

    private void choice(Entry.Choice c) {
        Symbol sym = symbols.lookup(c.name(), Symbol.CHOICE);
        sym.flags |= Symbol.NO_WRITE;
        addEntry(sym, c.location());
        if (boolChoiceBlocks) {
            setType(SymbolType.BOOLEAN);
        }
        addProperty(PropertyType.CHOICE, null, null, c.location());
        for (Option o : c.options()) {
            if (o instanceof Option.Default d) {
                Symbol def = symbol((ExprNode.SymbolRef) d.value());
                addProperty(PropertyType.DEFAULT, Expr.symbol(def), expr(d.condition()), d.location());
            } else {
                configOption(o);
            }
        }
        if (choicePromptRequired && currentEntry.prompt == null) {
            error(currentEntry.location + ": error: choice must have a prompt");
        }
        Menu outerChoice = currentChoice;
        currentChoice = boolChoiceBlocks ? currentEntry : null;
        block(c.location(), c.body(), c.end(), "choice");
        currentChoice = outerChoice;
    }

    private void menu(Entry.Menu m) {
        addEntry(null, m.location());
        addPrompt(PropertyType.MENU, m.title(), null, m.location());
        for (Option o : m.options()) {
            if (o instanceof Option.VisibleIf v) {
                currentEntry.visibility = Expr.and(currentEntry.visibility, expr(v.condition()));
            } else {
                addDep(expr(((Option.DependsOn) o).condition()));
            }
        }
        block(m.location(), m.body(), m.end(), "menu");
    }

    /** menu_add_menu, the block's statements, then the end check and menu_end_menu. */
    private void block(SourceLocation start, List<Entry> body, Entry.End end, String expected) {
        Menu blockMenu = currentEntry;
        currentMenu = blockMenu;
        entries(body);
        currentMenu = blockMenu;
        if (!end.keyword().equals(expected)) {
            error(end.location() + ": unexpected '" + end.keyword() + "' within " + expected + " block");
        } else if (end.afterFileEnded() || !end.location().file().equals(start.file())) {
            // A last line without a newline is ended by the scanner after it closed the file.
            error(end.location() + ": '" + expected + "' in different file than '" + expected + "'\n"
                    + start + ": location of the '" + expected + "'");
        }
        currentMenu = blockMenu.parent;
        currentEntry = blockMenu;
    }

    // ---- menu.c ----

    private void addEntry(Symbol sym, SourceLocation location) {
        Menu menu = new Menu(sym, currentMenu, location);
        appendChild(currentMenu, menu);
        currentEntry = menu;
        if (sym != null) {
            addProperty(PropertyType.SYMBOL, Expr.symbol(sym), null, location);
        }
    }

    private static void appendChild(Menu parent, Menu child) {
        if (parent.list == null) {
            parent.list = child;
            return;
        }
        Menu last = parent.list;
        while (last.next != null) {
            last = last.next;
        }
        last.next = child;
    }

    private void addDep(Expr dep) {
        currentEntry.dep = Expr.and(currentEntry.dep, dep);
    }

    private void setType(SymbolType type) {
        SymbolTypes.set(currentEntry, type, reporter);
    }

    private Property addProperty(PropertyType type, Expr expr, Expr dep, SourceLocation location) {
        Property prop = new Property(type, location, currentEntry, expr, dep);
        if (currentEntry.sym != null) {
            currentEntry.sym.properties.add(prop);
        }
        return prop;
    }

    private void addPrompt(PropertyType type, String prompt, Expr dep, SourceLocation location) {
        Property prop = addProperty(type, null, dep, location);
        if (!prompt.isEmpty() && CNumbers.isSpace(prompt.charAt(0))) {
            reporter.err(location + ":warning: leading whitespace ignored");
            int i = 0;
            while (i < prompt.length() && CNumbers.isSpace(prompt.charAt(i))) {
                i++;
            }
            prompt = prompt.substring(i);
        }
        if (currentEntry.prompt != null) {
            reporter.err(location + ":warning: prompt redefined");
        }
        if (type == PropertyType.PROMPT) {
            for (Menu menu = currentEntry.parent; menu != null; menu = menu.parent) {
                if (menu.visibility != null) {
                    prop.visibleExpr = Expr.and(prop.visibleExpr, Expr.copy(menu.visibility));
                }
            }
        }
        currentEntry.prompt = prop;
        prop.text = prompt;
    }


    // ---- expressions ----

    private Symbol symbol(ExprNode.SymbolRef ref) {
        return symbols.lookup(ref.name(), ref.quoted() ? Symbol.CONST : 0);
    }

    private Expr expr(ExprNode node) {
        if (node == null) {
            return null;
        }
        if (node instanceof ExprNode.SymbolRef s) {
            return Expr.symbol(symbol(s));
        }
        if (node instanceof ExprNode.Comparison c) {
            Symbol left = symbol(c.left());
            Symbol right = symbol(c.right());
            return Expr.comparison(comparisonType(c.op()), left, right);
        }
        if (node instanceof ExprNode.Not n) {
            return Expr.one(ExprType.NOT, expr(n.operand()));
        }
        if (node instanceof ExprNode.And a) {
            Expr left = expr(a.left());
            return Expr.two(ExprType.AND, left, expr(a.right()));
        }
        ExprNode.Or o = (ExprNode.Or) node;
        Expr left = expr(o.left());
        return Expr.two(ExprType.OR, left, expr(o.right()));
    }

    private static ExprType comparisonType(ExprNode.Operator op) {
        switch (op) {
            case EQUAL: return ExprType.EQUAL;
            case UNEQUAL: return ExprType.UNEQUAL;
            case LESS: return ExprType.LTH;
            case LESS_EQUAL: return ExprType.LEQ;
            case GREATER: return ExprType.GTH;
            default: return ExprType.GEQ;
        }
    }
}
