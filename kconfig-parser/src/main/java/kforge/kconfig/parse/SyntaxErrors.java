package kforge.kconfig.parse;

import java.util.ArrayList;
import java.util.List;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

import kforge.kconfig.diag.SourceLocation;
import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.lex.KconfigToken;

import static kforge.kconfig.parse.KconfigParser.*;

/**
 * Collects syntax errors as "file:line: message" lines in conf's wording where conf has one
 * (unknown statement, missing end statement), naming the offending token otherwise.
 * <p>
 * With {@code confWording}, the lines are exactly bison's and conf's instead: "syntax error" on the line
 * after the statement's first line (conf's yyerror adds one), then "unknown statement" or "invalid
 * statement", or at the end of the input "missing end statement" for each block left open.
 */
final class SyntaxErrors extends BaseErrorListener {
    private final List<String> messages = new ArrayList<>();
    private final boolean confWording;
    private int lastLine = -1;
    private String lastFile;

    /** conf before 6.9 put "syntax error" on the line after the statement's first (zconf_lineno() + 1). */
    private final int syntaxErrorLineOffset;

    SyntaxErrors(boolean confWording, Dialect dialect) {
        this.confWording = confWording;
        this.syntaxErrorLineOffset = dialect.has(KconfigChange.PARSER_LOCATIONS) ? 0 : 1;
    }

    List<String> messages() {
        return messages;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        KconfigToken token = (KconfigToken) offendingSymbol;
        if (confWording) {
            reportAsConf((KconfigParser) recognizer, token);
            return;
        }
        if (token.getType() == Token.EOF) {
            reportUnterminatedBlock((KconfigParser) recognizer, token);
            return;
        }
        SourceLocation at = new SourceLocation(token.location().file(), token.getLine());
        if (at.line() == lastLine && at.file().equals(lastFile)) {
            return;
        }
        lastLine = at.line();
        lastFile = at.file();
        String unknown = unknownStatement((KconfigParser) recognizer, token);
        if (unknown != null) {
            messages.add(at + ": unknown statement \"" + unknown + "\"");
        } else {
            messages.add(at + ": syntax error, unexpected " + describe(token));
        }
    }

    /**
     * The word conf names in "unknown statement": a statement that starts with a plain word, which only an
     * assignment may do, so the error is either on that word or inside an assignment that lacks its operator.
     */
    private static String unknownStatement(KconfigParser parser, KconfigToken token) {
        if (token.getType() == T_WORD && token.startsStatement()) {
            return token.getText();
        }
        for (ParserRuleContext ctx = parser.getContext(); ctx != null; ctx = ctx.getParent()) {
            if (ctx instanceof AssignmentStmtContext) {
                return ctx.getStart().getText();
            }
        }
        return null;
    }

    private void reportAsConf(KconfigParser parser, KconfigToken token) {
        SourceLocation stmt = token.location();
        if (stmt.line() == lastLine && stmt.file().equals(lastFile)) {
            return;
        }
        lastLine = stmt.line();
        lastFile = stmt.file();
        messages.add(stmt.file() + ":" + (stmt.line() + syntaxErrorLineOffset) + ": syntax error");
        if (token.getType() == Token.EOF) {
            for (ParserRuleContext ctx = parser.getContext(); ctx != null; ctx = ctx.getParent()) {
                if (blockName(ctx) != null) {
                    messages.add(((KconfigToken) ctx.getStart()).location() + ": missing end statement for this entry");
                }
            }
            return;
        }
        KconfigToken first = statementStart(parser, token);
        if (first != null && first.getType() == T_WORD) {
            messages.add(stmt + ": unknown statement \"" + first.getText() + "\"");
        } else {
            messages.add(stmt + ": invalid statement");
        }
    }

    /** The first token of the statement the offending token belongs to. */
    private static KconfigToken statementStart(KconfigParser parser, KconfigToken token) {
        org.antlr.v4.runtime.TokenStream tokens = parser.getTokenStream();
        for (int i = token.getTokenIndex(); i >= 0; i--) {
            KconfigToken t = (KconfigToken) tokens.get(i);
            if (t.startsStatement()) {
                return t;
            }
        }
        return null;
    }

    private void reportUnterminatedBlock(KconfigParser parser, KconfigToken eof) {
        for (ParserRuleContext ctx = parser.getContext(); ctx != null; ctx = ctx.getParent()) {
            String what = blockName(ctx);
            if (what != null) {
                SourceLocation start = ((KconfigToken) ctx.getStart()).location();
                messages.add(start + ": missing end statement for this entry");
                messages.add(start + ": '" + what + "' is not closed: expected 'end" + what + "' before the end of "
                        + start.file());
                return;
            }
        }
        messages.add(eof.location() + ": syntax error, unexpected end of file");
    }

    private static String blockName(ParserRuleContext ctx) {
        if (ctx instanceof MenuStmtContext) {
            return "menu";
        }
        if (ctx instanceof ChoiceStmtContext) {
            return "choice";
        }
        if (ctx instanceof IfStmtContext || ctx instanceof IfStmtInChoiceContext) {
            return "if";
        }
        return null;
    }

    private static String describe(Token token) {
        switch (token.getType()) {
            case T_EOL: return "end of line";
            case T_WORD_QUOTE: return "string \"" + token.getText() + "\"";
            case T_HELPTEXT: return "help text";
            default: return "'" + token.getText() + "'";
        }
    }
}
