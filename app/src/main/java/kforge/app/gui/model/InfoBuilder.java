package kforge.app.gui.model;

import java.util.ArrayList;
import java.util.List;

import kforge.kconfig.conf.HelpText;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.expr.ExprPrinter;
import kforge.kconfig.expr.ExprSimplifier;
import kforge.kconfig.explain.Explainer;
import kforge.kconfig.explain.Explanation;
import kforge.kconfig.model.Expr;
import kforge.kconfig.model.ExprType;
import kforge.kconfig.model.Menu;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.PropertyType;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;
import kforge.kconfig.model.Tristate;

/** Builds the info pane's content for a menu entry; engine thread only. */
final class InfoBuilder {
    private static final String NO_HELP = "There is no help available for this option.";

    private final Evaluator evaluator;
    private final ExprSimplifier simplifier;
    private final String configPrefix;

    InfoBuilder(Evaluator evaluator, String configPrefix) {
        this.evaluator = evaluator;
        this.simplifier = new ExprSimplifier(evaluator.kconfig().symbols(), Reporter.silent(), evaluator.kconfig().dialect());
        this.configPrefix = configPrefix;
    }

    EntryInfo of(Menu menu) {
        Symbol sym = menu.sym;
        String confHelp = new HelpText(evaluator, configPrefix).forMenu(menu);
        String help = menu.help != null ? menu.help.stripTrailing() : NO_HELP;
        String prompt = menu.promptText() == null ? "" : menu.promptText();
        List<EntryInfo.Section> sections = new ArrayList<>();
        if (sym == null) {
            addExpression(sections, "Depends on", menu.dep);
            addExpression(sections, "Visible if", menu.visibility);
            return new EntryInfo(prompt, "", menu.isMenu() ? "menu" : "comment", "", prompt,
                    List.of(String.valueOf(menu.location)), MenuPath.of(menu), help, sections, confHelp, null);
        }
        evaluator.calcValue(sym);
        List<String> definedAt = new ArrayList<>();
        for (Property p : sym.properties) {
            if (p.type == PropertyType.SYMBOL) {
                definedAt.add(String.valueOf(p.menu.location));
            }
        }
        addExpression(sections, "Depends on", sym.dirDep);
        if (menu.prompt != null && !simplifier.exprEq(menu.dep, menu.prompt.visibleExpr)) {
            addExpression(sections, "Visible if", menu.prompt.visibleExpr);
        }
        addProperties(sections, sym, PropertyType.SELECT, "Selects");
        addOperands(sections, "Selected by", sym.revDep);
        addProperties(sections, sym, PropertyType.IMPLY, "Implies");
        addOperands(sections, "Implied by", sym.implied);
        addProperties(sections, sym, PropertyType.RANGE, "Range");
        addProperties(sections, sym, PropertyType.DEFAULT, "Defaults");
        String name = sym.name() == null ? "" : configPrefix + sym.name();
        String title = menu.prompt != null ? menu.prompt.text : sym.displayName();
        String value = sym.isChoice() ? choiceValue(sym) : String.valueOf(evaluator.stringValue(sym));
        String type = sym.isChoice() ? "choice (" + sym.type.displayName() + ")" : sym.type.displayName();
        return new EntryInfo(title, name, type, value, prompt, definedAt, MenuPath.of(menu), help, sections,
                confHelp, verdict(sym));
    }

    /** A row below y is one the user may want at y, so the question is what stops that. */
    private EntryInfo.Verdict verdict(Symbol sym) {
        String wanted = sym.type.isLogic() && sym.currTri != Tristate.YES ? "y" : null;
        Explanation explanation = Explainer.explain(evaluator, sym, wanted);
        return new EntryInfo.Verdict(explanation.headline(), explanation.verdict().holds());
    }

    private static String choiceValue(Symbol choice) {
        Symbol selected = choice.choiceSelection();
        return selected != null ? selected.displayName() : choice.currTri.text();
    }

    private void addExpression(List<EntryInfo.Section> sections, String title, Expr e) {
        if (e == null || simplifier.isYes(e)) {
            return;
        }
        sections.add(new EntryInfo.Section(title, List.of(termLine(e))));
    }

    /** One line per top-level "||" operand: for reverse dependencies each is one selecting symbol. */
    private void addOperands(List<EntryInfo.Section> sections, String title, Expr e) {
        if (e == null) {
            return;
        }
        List<EntryInfo.Line> lines = new ArrayList<>();
        collectOperands(e, lines);
        sections.add(new EntryInfo.Section(title, lines));
    }

    private void collectOperands(Expr e, List<EntryInfo.Line> lines) {
        if (e.type == ExprType.OR) {
            collectOperands(e.left, lines);
            collectOperands(e.right, lines);
        } else {
            lines.add(termLine(e));
        }
    }

    /**
     * A condition split at its "&&"s, each conjunct with its truth: the condition holds only if each does,
     * so the false ones are what to fix. The printed text is the same as printing e whole.
     */
    private EntryInfo.Line termLine(Expr e) {
        List<EntryInfo.Fragment> fragments = new ArrayList<>();
        addTerms(e, fragments, ExprType.NONE);
        return new EntryInfo.Line(List.copyOf(fragments), evaluator.value(e) != Tristate.NO);
    }

    private void addTerms(Expr e, List<EntryInfo.Fragment> fragments, ExprType enclosing) {
        if (e.type == ExprType.AND) {
            addTerms(e.left, fragments, ExprType.AND);
            fragments.add(new EntryInfo.Fragment(" && ", null, false));
            addTerms(e.right, fragments, ExprType.AND);
            return;
        }
        Tristate truth = evaluator.value(e);
        ExprPrinter.print(e, (sym, text) -> {
            EntryInfo.Fragment f = fragment(sym, text);
            fragments.add(new EntryInfo.Fragment(f.text(), f.symbol(), f.active(), truth));
        }, enclosing);
    }

    private void addProperties(List<EntryInfo.Section> sections, Symbol sym, PropertyType type, String title) {
        List<EntryInfo.Line> lines = new ArrayList<>();
        for (Property p : sym.properties) {
            if (p.type == type) {
                lines.add(line(p.expr, p.visibleExpr));
            }
        }
        if (!lines.isEmpty()) {
            sections.add(new EntryInfo.Section(title, lines));
        }
    }

    /** "expr [if condition]"; active when the condition (or, without one, the expression) holds. */
    private EntryInfo.Line line(Expr e, Expr condition) {
        List<EntryInfo.Fragment> fragments = new ArrayList<>();
        ExprPrinter.Sink sink = (sym, text) -> fragments.add(fragment(sym, text));
        if (e.type == ExprType.RANGE) {
            sink.append(e.leftSym, e.leftSym.name());
            sink.append(null, " ");
            sink.append(e.rightSym, e.rightSym.name());
        } else {
            ExprPrinter.print(e, sink, ExprType.NONE);
        }
        boolean active;
        if (condition != null && !simplifier.isYes(condition)) {
            fragments.add(new EntryInfo.Fragment(" if ", null, false));
            ExprPrinter.print(condition, sink, ExprType.NONE);
            active = evaluator.value(condition) != Tristate.NO;
        } else {
            active = condition != null || evaluator.value(e) != Tristate.NO;
        }
        return new EntryInfo.Line(List.copyOf(fragments), active);
    }

    private EntryInfo.Fragment fragment(Symbol sym, String text) {
        if (sym == null || sym.isConst() || sym.type == SymbolType.UNKNOWN) {
            return new EntryInfo.Fragment(text, null, false);
        }
        evaluator.calcValue(sym);
        String value = evaluator.stringValue(sym);
        boolean active = sym.type.isLogic() && sym.currTri != Tristate.NO;
        return new EntryInfo.Fragment(text + " [=" + value + "]", sym.name(), active);
    }
}
