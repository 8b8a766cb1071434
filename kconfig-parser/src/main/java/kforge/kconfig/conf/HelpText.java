package kforge.kconfig.conf;

import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.expr.ExprPrinter;
import kforge.kconfig.expr.ExprSimplifier;
import kforge.kconfig.io.MenuVisibility;
import kforge.kconfig.model.Expr;
import kforge.kconfig.model.Menu;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.PropertyType;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;
import kforge.kconfig.model.Tristate;

/** The extended help conf shows for '?' and helpnewconfig (menu_get_ext_help and get_symbol_str). */
public final class HelpText {
    private static final String NO_HELP = "There is no help available for this option.";

    private final Evaluator evaluator;
    private final ExprSimplifier simplifier;
    private final String configPrefix;

    public HelpText(Evaluator evaluator, String configPrefix) {
        this.evaluator = evaluator;
        this.simplifier = new ExprSimplifier(evaluator.kconfig().symbols(), kforge.kconfig.diag.Reporter.silent(),
                evaluator.kconfig().dialect());
        this.configPrefix = configPrefix;
    }

    public String forMenu(Menu menu) {
        StringBuilder r = new StringBuilder();
        Symbol sym = menu.sym;
        String helpText = NO_HELP;
        if (menu.help != null) {
            if (sym.name() != null) {
                r.append(configPrefix).append(sym.name()).append(":\n\n");
            }
            helpText = menu.help;
        }
        r.append(helpText).append('\n');
        if (sym != null) {
            symbolInfo(r, sym);
        }
        return r.toString();
    }

    private String values(Expr e) {
        return ExprPrinter.withValues(e, evaluator::stringValue);
    }

    private void symbolInfo(StringBuilder r, Symbol sym) {
        if (sym.name() != null) {
            r.append("Symbol: ").append(sym.name()).append(" [=").append(evaluator.stringValue(sym)).append("]\n");
            r.append("Type  : ").append(sym.type.displayName()).append('\n');
            if (sym.type == SymbolType.INT || sym.type == SymbolType.HEX) {
                Property range = evaluator.rangeProperty(sym);
                if (range != null) {
                    r.append("Range : ").append(values(range.expr)).append('\n');
                }
            }
        }
        for (Property prop : sym.properties) {
            if (prop.type == PropertyType.SYMBOL && prop.menu.prompt != null) {
                r.append("Defined at ").append(prop.menu.location).append('\n');
                promptInfo(r, prop.menu.prompt);
            }
        }
        for (Property prop : sym.properties) {
            if (prop.type == PropertyType.SYMBOL && prop.menu.prompt == null) {
                r.append("Defined at ").append(prop.menu.location).append('\n');
                dependency(r, prop.menu.dep, "  Depends on: ");
            }
        }
        propertyList(r, sym, PropertyType.SELECT, "Selects: ");
        if (sym.revDep != null) {
            reverse(r, sym.revDep, "Selected by");
        }
        propertyList(r, sym, PropertyType.IMPLY, "Implies: ");
        if (sym.implied != null) {
            reverse(r, sym.implied, "Implied by");
        }
        r.append("\n\n");
    }

    private void reverse(StringBuilder r, Expr e, String title) {
        for (Tristate t : new Tristate[] {Tristate.YES, Tristate.MOD, Tristate.NO}) {
            r.append(ExprPrinter.reverseDependencies(e, t, title + " [" + t.text() + "]:\n", evaluator::value,
                    evaluator::stringValue));
        }
    }

    private void dependency(StringBuilder r, Expr e, String prefix) {
        if (!simplifier.isYes(e)) {
            r.append(prefix).append(values(e)).append('\n');
        }
    }

    private void propertyList(StringBuilder r, Symbol sym, PropertyType type, String prefix) {
        boolean hit = false;
        for (Property prop : sym.properties) {
            if (prop.type != type) {
                continue;
            }
            r.append(hit ? " && " : prefix);
            hit = true;
            r.append(values(prop.expr));
        }
        if (hit) {
            r.append('\n');
        }
    }

    private void promptInfo(StringBuilder r, Property prop) {
        r.append("  Prompt: ").append(prop.text).append('\n');
        dependency(r, prop.menu.dep, "  Depends on: ");
        if (!simplifier.exprEq(prop.menu.dep, prop.visibleExpr)) {
            dependency(r, prop.visibleExpr, "  Visible if: ");
        }
        Menu[] submenu = new Menu[8];
        int i = 0;
        Menu root = evaluator.kconfig().rootMenu();
        // Before LOCATION_INCLUDES_ENTRY the chain starts at the parent, and is left out when that is the root.
        boolean withEntry = evaluator.kconfig().dialect().has(KconfigChange.LOCATION_INCLUDES_ENTRY);
        for (Menu menu = withEntry ? prop.menu : prop.menu.parent; menu != root && i < 8; menu = menu.parent) {
            MenuVisibility.isVisible(evaluator, menu);
            submenu[i++] = menu;
        }
        if (!withEntry && i == 0) {
            return;
        }
        r.append("  Location:\n");
        for (int j = 4; --i >= 0; j += 2) {
            Menu menu = submenu[i];
            r.append(" ".repeat(j)).append("-> ").append(menu.promptText());
            if (menu.sym != null) {
                r.append(" (").append(menu.sym.displayName()).append(" [=")
                        .append(evaluator.stringValue(menu.sym)).append("])");
            }
            r.append('\n');
        }
    }
}
