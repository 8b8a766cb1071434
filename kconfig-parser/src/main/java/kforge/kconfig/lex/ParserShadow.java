package kforge.kconfig.lex;

/**
 * conf's parser, followed as the scanner runs: in conf the parser's actions start a help text, carry out a
 * source and set a variable, so a statement the parser rejects does none of them.
 */
public interface ParserShadow {
    /** The scanner gives the parser this token. */
    void feed(KconfigToken token);

    /** The "help" line just ended starts a help text: the parser takes it as an option of an entry. */
    boolean helpAccepted();

    /** The statement just ended was one the parser took (so its action runs). */
    boolean lastStatementAccepted();
}
