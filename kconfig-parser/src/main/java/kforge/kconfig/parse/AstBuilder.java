package kforge.kconfig.parse;

import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import kforge.kconfig.ast.Entry;
import kforge.kconfig.ast.ExprNode;
import kforge.kconfig.ast.KconfigTree;
import kforge.kconfig.ast.Option;
import kforge.kconfig.diag.SourceLocation;
import kforge.kconfig.lex.KconfigToken;
import kforge.kconfig.model.SymbolType;

import static kforge.kconfig.parse.KconfigParser.*;

/** Turns ANTLR's parse tree into the immutable AST. */
final class AstBuilder {
    private final org.antlr.v4.runtime.TokenStream tokens;

    AstBuilder(org.antlr.v4.runtime.TokenStream tokens) {
        this.tokens = tokens;
    }

    KconfigTree build(InputContext input) {
        String mainmenu = null;
        SourceLocation mainmenuLocation = null;
        if (input.mainmenuStmt() != null) {
            mainmenu = input.mainmenuStmt().T_WORD_QUOTE().getText();
            mainmenuLocation = location(input.mainmenuStmt());
        }
        return new KconfigTree(mainmenu, mainmenuLocation, statements(input.stmtList()));
    }

    private static SourceLocation location(ParserRuleContext ctx) {
        return location(ctx.getStart());
    }

    private static SourceLocation location(Token token) {
        return ((KconfigToken) token).location();
    }

    private List<Entry> statements(StmtListContext list) {
        List<Entry> entries = new ArrayList<>();
        for (StmtContext stmt : list.stmt()) {
            entries.add(statement(stmt));
        }
        return List.copyOf(entries);
    }

    private List<Entry> statementsInChoice(StmtListInChoiceContext list) {
        List<Entry> entries = new ArrayList<>();
        for (StmtInChoiceContext stmt : list.stmtInChoice()) {
            if (stmt.commentStmt() != null) {
                entries.add(comment(stmt.commentStmt()));
            } else if (stmt.configStmt() != null) {
                entries.add(config(stmt.configStmt()));
            } else {
                IfStmtInChoiceContext ifs = stmt.ifStmtInChoice();
                entries.add(new Entry.If(location(ifs), expr(ifs.expr()), statementsInChoice(ifs.stmtListInChoice()),
                        end(ifs.end())));
            }
        }
        return List.copyOf(entries);
    }

    private Entry statement(StmtContext stmt) {
        if (stmt.configStmt() != null) {
            return config(stmt.configStmt());
        }
        if (stmt.choiceStmt() != null) {
            return choice(stmt.choiceStmt());
        }
        if (stmt.commentStmt() != null) {
            return comment(stmt.commentStmt());
        }
        if (stmt.ifStmt() != null) {
            IfStmtContext ifs = stmt.ifStmt();
            return new Entry.If(location(ifs), expr(ifs.expr()), statements(ifs.stmtList()), end(ifs.end()));
        }
        if (stmt.menuStmt() != null) {
            return menu(stmt.menuStmt());
        }
        if (stmt.sourceStmt() != null) {
            return new Entry.Source(location(stmt.sourceStmt()), stmt.sourceStmt().T_WORD_QUOTE().getText());
        }
        AssignmentStmtContext a = stmt.assignmentStmt();
        String value = a.T_ASSIGN_VAL() != null ? a.T_ASSIGN_VAL().getText() : "";
        return new Entry.Assignment(location(a), a.T_WORD().getText(), a.op.getText(), value);
    }

    private Entry.Config config(ConfigStmtContext c) {
        List<Option> options = new ArrayList<>();
        for (ConfigOptionContext o : c.configOption()) {
            options.add(configOption(o));
        }
        return new Entry.Config(location(c), c.T_WORD().getText(), c.kind.getType() == T_MENUCONFIG,
                List.copyOf(options), location(tokens.get(c.getStop().getTokenIndex() + 1)));
    }

    private Option configOption(ConfigOptionContext o) {
        SourceLocation loc = location(o);
        if (o instanceof TypeOptionContext t) {
            PromptContext p = t.prompt();
            return new Option.Type(loc, type(t.type()), p == null ? null : p.T_WORD_QUOTE().getText(),
                    p == null ? null : ifExpr(p.ifExpr()));
        }
        if (o instanceof PromptOptionContext p) {
            return new Option.Prompt(loc, p.T_WORD_QUOTE().getText(), ifExpr(p.ifExpr()));
        }
        if (o instanceof DefaultOptionContext d) {
            SymbolType implied = d.kind.getType() == T_DEF_BOOL ? SymbolType.BOOLEAN
                    : d.kind.getType() == T_DEF_TRISTATE ? SymbolType.TRISTATE : SymbolType.UNKNOWN;
            return new Option.Default(loc, implied, expr(d.expr()), ifExpr(d.ifExpr()));
        }
        if (o instanceof SelectOptionContext s) {
            return new Option.Select(loc, s.T_WORD().getText(), ifExpr(s.ifExpr()));
        }
        if (o instanceof ImplyOptionContext i) {
            return new Option.Imply(loc, i.T_WORD().getText(), ifExpr(i.ifExpr()));
        }
        if (o instanceof RangeOptionContext r) {
            return new Option.Range(loc, symbol(r.symbol(0)), symbol(r.symbol(1)), ifExpr(r.ifExpr()));
        }
        if (o instanceof ModulesOptionContext) {
            return new Option.Modules(loc);
        }
        if (o instanceof OptionOptionContext opt) {
            return new Option.Legacy(loc, opt.name.getText(), opt.value == null ? null : opt.value.getText());
        }
        if (o instanceof DependsOptionContext d) {
            return depends(d.depends());
        }
        return help(((HelpOptionContext) o).help());
    }

    private Entry.Choice choice(ChoiceStmtContext c) {
        List<Option> options = new ArrayList<>();
        for (ChoiceOptionContext o : c.choiceOption()) {
            options.add(choiceOption(o));
        }
        String name = c.T_WORD() != null ? c.T_WORD().getText() : null;
        return new Entry.Choice(location(c), name, List.copyOf(options), statementsInChoice(c.stmtListInChoice()),
                end(c.end()));
    }

    private Option choiceOption(ChoiceOptionContext o) {
        SourceLocation loc = location(o);
        if (o instanceof ChoicePromptOptionContext p) {
            return new Option.Prompt(loc, p.T_WORD_QUOTE().getText(), ifExpr(p.ifExpr()));
        }
        if (o instanceof ChoiceTypeOptionContext t) {
            PromptContext p = t.prompt();
            SymbolType type = t.logicType().T_BOOL() != null ? SymbolType.BOOLEAN : SymbolType.TRISTATE;
            return new Option.Type(loc, type, p == null ? null : p.T_WORD_QUOTE().getText(),
                    p == null ? null : ifExpr(p.ifExpr()));
        }
        if (o instanceof ChoiceOptionalOptionContext) {
            return new Option.Optional(loc);
        }
        if (o instanceof ChoiceDefaultOptionContext d) {
            return new Option.Default(loc, SymbolType.UNKNOWN,
                    new ExprNode.SymbolRef(d.T_WORD().getText(), false), ifExpr(d.ifExpr()));
        }
        if (o instanceof ChoiceDependsOptionContext d) {
            return depends(d.depends());
        }
        return help(((ChoiceHelpOptionContext) o).help());
    }

    private Entry.Menu menu(MenuStmtContext m) {
        List<Option> options = new ArrayList<>();
        for (MenuOptionContext o : m.menuOption()) {
            if (o.visible() != null) {
                options.add(new Option.VisibleIf(location(o), ifExpr(o.visible().ifExpr())));
            } else {
                options.add(depends(o.depends()));
            }
        }
        return new Entry.Menu(location(m), m.T_WORD_QUOTE().getText(), List.copyOf(options),
                statements(m.stmtList()), end(m.end()));
    }

    private Entry.Comment comment(CommentStmtContext c) {
        List<Option> options = new ArrayList<>();
        for (DependsContext d : c.depends()) {
            options.add(depends(d));
        }
        return new Entry.Comment(location(c), c.T_WORD_QUOTE().getText(), List.copyOf(options));
    }

    private Option.DependsOn depends(DependsContext d) {
        return new Option.DependsOn(location(d), expr(d.expr()));
    }

    /** Located where the help text ends, as conf's warnings about it are. */
    private Option.Help help(HelpContext h) {
        return new Option.Help(location(h.T_HELPTEXT().getSymbol()), h.T_HELPTEXT().getText());
    }

    private static Entry.End end(EndContext e) {
        String keyword;
        switch (e.kind.getType()) {
            case T_ENDMENU: keyword = "menu"; break;
            case T_ENDCHOICE: keyword = "choice"; break;
            default: keyword = "if";
        }
        return new Entry.End(location(e), keyword, ((KconfigToken) e.T_EOL().getSymbol()).closesFile());
    }

    private static SymbolType type(TypeContext t) {
        if (t.logicType() != null) {
            return t.logicType().T_BOOL() != null ? SymbolType.BOOLEAN : SymbolType.TRISTATE;
        }
        if (t.T_INT() != null) {
            return SymbolType.INT;
        }
        return t.T_HEX() != null ? SymbolType.HEX : SymbolType.STRING;
    }

    private ExprNode ifExpr(IfExprContext ctx) {
        return ctx == null ? null : expr(ctx.expr());
    }

    private ExprNode expr(ExprContext e) {
        if (e instanceof SymbolExprContext s) {
            return symbol(s.symbol());
        }
        if (e instanceof ComparisonExprContext c) {
            return new ExprNode.Comparison(operator(c.op.getType()), symbol(c.left), symbol(c.right));
        }
        if (e instanceof ParenExprContext p) {
            return expr(p.expr());
        }
        if (e instanceof NotExprContext n) {
            return new ExprNode.Not(expr(n.expr()));
        }
        if (e instanceof AndExprContext a) {
            return new ExprNode.And(expr(a.expr(0)), expr(a.expr(1)));
        }
        OrExprContext o = (OrExprContext) e;
        return new ExprNode.Or(expr(o.expr(0)), expr(o.expr(1)));
    }

    private static ExprNode.SymbolRef symbol(SymbolContext s) {
        return new ExprNode.SymbolRef(s.getStart().getText(), s.T_WORD_QUOTE() != null);
    }

    private static ExprNode.Operator operator(int tokenType) {
        switch (tokenType) {
            case T_EQUAL: return ExprNode.Operator.EQUAL;
            case T_UNEQUAL: return ExprNode.Operator.UNEQUAL;
            case T_LESS: return ExprNode.Operator.LESS;
            case T_LESS_EQUAL: return ExprNode.Operator.LESS_EQUAL;
            case T_GREATER: return ExprNode.Operator.GREATER;
            default: return ExprNode.Operator.GREATER_EQUAL;
        }
    }
}
