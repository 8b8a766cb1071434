package kforge.kconfig.parse;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;

import kforge.kconfig.lex.KconfigToken;

/**
 * ANTLR's recovery, except that a token it pretends was there (single-token insertion) is a
 * {@link KconfigToken} placed where the real one was expected. The default strategy builds it through
 * the lexer's token factory and char stream, which {@link kforge.kconfig.lex.KconfigLexer} does not have,
 * so any missing token (an unclosed parenthesis, a bad assignment) used to end in a NullPointerException
 * instead of a syntax error.
 */
final class RecoveringErrorStrategy extends DefaultErrorStrategy {
    @Override
    protected Token getMissingSymbol(Parser recognizer) {
        Token current = recognizer.getCurrentToken();
        Token lookback = recognizer.getInputStream().LT(-1);
        if (current.getType() == Token.EOF && lookback != null) {
            current = lookback;
        }
        KconfigToken at = (KconfigToken) current;
        int expected = getExpectedTokens(recognizer).getMinElement();
        String text = expected == Token.EOF ? "<missing EOF>"
                : "<missing " + recognizer.getVocabulary().getDisplayName(expected) + ">";
        return new KconfigToken(expected, text, at.location(), at.getLine(), KconfigToken.SourceKind.PLAIN);
    }
}
