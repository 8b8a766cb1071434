package kforge.kconfig.lex;

import org.antlr.v4.runtime.CommonToken;

import kforge.kconfig.diag.SourceLocation;

/**
 * A token that knows the file it came from and the line conf would report for it: the line of the first
 * token of its statement (conf's current_pos), which is what conf's messages name.
 */
public final class KconfigToken extends CommonToken {
    private final SourceLocation location;
    private final SourceKind sourceKind;
    private boolean startsStatement;
    private boolean closesFile;

    /** How a source statement treats its path: kernel 'source', or a Kconfiglib extension. */
    public enum SourceKind { PLAIN, RELATIVE, OPTIONAL, OPTIONAL_RELATIVE }

    public KconfigToken(int type, String text, SourceLocation location, int actualLine, SourceKind sourceKind) {
        super(type, text);
        this.location = location;
        this.sourceKind = sourceKind;
        setLine(actualLine);
    }

    /** True for the first token of a statement (conf's "unknown statement" names such a word). */
    public boolean startsStatement() {
        return startsStatement;
    }

    void markStatementStart() {
        startsStatement = true;
    }

    /** The T_EOL the scanner makes when a file ends: the file it ended is already closed. */
    public boolean closesFile() {
        return closesFile;
    }

    void markClosesFile() {
        closesFile = true;
    }

    public SourceLocation location() {
        return location;
    }

    public SourceKind sourceKind() {
        return sourceKind;
    }
}
