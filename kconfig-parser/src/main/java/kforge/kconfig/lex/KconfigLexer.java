package kforge.kconfig.lex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.diag.SourceLocation;
import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.preprocess.AssignFlavor;
import kforge.kconfig.preprocess.Expansion;
import kforge.kconfig.preprocess.Preprocessor;

import static kforge.kconfig.parse.KconfigParser.*;

/**
 * The Kconfig scanner, a port of lexer.l. It is a hand-written token source for the ANTLR parser because
 * Kconfig's lexing depends on context: '$(...)' is expanded while scanning (so variables assigned on one
 * line affect the next), help text ends by indentation, and 'source' splices another file's tokens into
 * the stream at once, before the next line is read.
 */
public final class KconfigLexer implements TokenSource {
    private enum State { INITIAL, ASSIGN_VAL, HELP }

    private final SourceResolver resolver;
    private final Reporter reporter;
    private Preprocessor preprocessor;
    private final List<String> filesRead = new ArrayList<>();
    private final Deque<KconfigToken> queued = new ArrayDeque<>();

    private SourceFile current;
    private State state = State.INITIAL;
    private int prevToken = T_EOL;
    private int prevPrevToken = T_EOL;
    private SourceLocation statementLocation = SourceLocation.NONE;
    private boolean finished;
    private boolean usedGlob;
    private SourceLocation endOfInput = SourceLocation.NONE;

    /** The statement in progress, for source statements and assignments that act when their line ends. */
    private final List<KconfigToken> statement = new ArrayList<>();

    private final StringBuilder helpText = new StringBuilder();
    private int helpFirstTs;
    private int helpLastTs;

    private final Keywords keywords;
    /** Since 6.9 the end of input keeps the name of the file that ended (cur_filename); before, "<none>". */
    private final boolean endOfInputNamesFile;
    /** Without KconfigChange.LEXER_REWRITE: zconf.l's COMMAND and PARAM states (see {@link #scanLegacy}). */
    private final boolean legacyScanner;
    /** With KconfigChange.PREPROCESSOR: '$' starts an expansion in words and strings. */
    private final boolean preprocess;

    public KconfigLexer(SourceResolver resolver, Reporter reporter) {
        this(resolver, reporter, Dialect.BASELINE);
    }

    public KconfigLexer(SourceResolver resolver, Reporter reporter, Dialect dialect) {
        this.resolver = resolver;
        this.reporter = reporter;
        this.keywords = new Keywords(dialect);
        this.endOfInputNamesFile = dialect.has(KconfigChange.PARSER_LOCATIONS);
        this.legacyScanner = !dialect.has(KconfigChange.LEXER_REWRITE);
        this.preprocess = dialect.has(KconfigChange.PREPROCESSOR);
    }

    /** The preprocessor needs the lexer's position; the two are wired after construction. */
    public void setPreprocessor(Preprocessor preprocessor) {
        this.preprocessor = preprocessor;
    }

    /** Starts on the top-level Kconfig file (zconf_initscan). */
    public void open(String name) {
        Path path = resolver.resolve(name);
        if (path == null) {
            throw new KconfigException("can't find file " + name);
        }
        current = load(name, path, null);
    }

    /** True when a source statement used a glob pattern (its result depends on directory contents). */
    public boolean usedGlob() {
        return usedGlob;
    }

    /** Every file read so far, in order. */
    public List<String> filesRead() {
        return filesRead;
    }

    /** The current file and line, for $(filename), $(lineno) and preprocessor messages. */
    public SourceLocation currentPosition() {
        return current == null ? SourceLocation.NONE : new SourceLocation(current.name, current.line);
    }

    /** conf's zconf_curname()/zconf_lineno(): the first line of the current statement. */
    public SourceLocation statementLocation() {
        return statementLocation;
    }

    // ---- the second stage (yylex) ----

    @Override
    public Token nextToken() {
        Token next = scanStatementToken();
        returned++;
        return next;
    }

    /** Follow conf's parser while scanning, so that a statement it rejects has no effect here either. */
    public void shadowParser(ParserShadow parserShadow) {
        this.shadow = parserShadow;
    }

    private ParserShadow shadow;

    /** How many tokens the parser has been given: the index of the token being scanned. */
    public int tokensReturned() {
        return returned;
    }

    private int returned;

    private Token scanStatementToken() {
        while (true) {
            KconfigToken token = scanToken();
            int type = token.getType();
            if (prevToken == T_EOL || prevToken == T_HELPTEXT) {
                if (type == T_EOL) {
                    continue;
                }
                statementLocation = current == null ? token.location()
                        : new SourceLocation(current.name, token.getLine());
                token = relocate(token);
                statement.clear();
            }
            if (preprocess && prevPrevToken == T_EOL && prevToken == T_WORD
                    && (type == T_EQUAL || type == T_COLON_EQUAL || type == T_PLUS_EQUAL)) {
                state = State.ASSIGN_VAL;
            }
            prevPrevToken = prevToken;
            prevToken = type;
            trackStatement(token);
            return token;
        }
    }

    private KconfigToken relocate(KconfigToken token) {
        KconfigToken moved = new KconfigToken(token.getType(), token.getText(), statementLocation, token.getLine(),
                token.sourceKind());
        moved.markStatementStart();
        return moved;
    }

    /** Acts on statements the scanner itself carries out when their line ends: help, assignments, source. */
    private void trackStatement(KconfigToken token) {
        if (shadow != null) {
            shadow.feed(token);
        }
        if (token.getType() == Token.EOF) {
            return;
        }
        statement.add(token);
        if (token.getType() != T_EOL) {
            return;
        }
        // The list is cleared when the next statement starts (nextToken).
        List<KconfigToken> done = statement;
        int first = done.get(0).getType();
        if (shadow != null && first != T_HELP && !shadow.lastStatementAccepted()) {
            return;
        }
        if (first == T_HELP && done.size() == 2) {
            if (shadow == null || shadow.helpAccepted()) {
                startHelp();
            }
        } else if (preprocess && first == T_WORD && done.size() >= 3 && isAssignOperator(done.get(1).getType())) {
            String value = done.size() == 4 ? done.get(2).getText() : "";
            preprocessor.assign(done.get(0).getText(), value, AssignFlavor.fromOperator(done.get(1).getText()));
        } else if (first == T_SOURCE && done.size() == 3 && done.get(1).getType() == T_WORD_QUOTE) {
            include(done.get(0), done.get(1).getText());
        }
    }

    private static boolean isAssignOperator(int type) {
        return type == T_EQUAL || type == T_COLON_EQUAL || type == T_PLUS_EQUAL;
    }

    // ---- the first stage (yylex1) ----

    private KconfigToken scanToken() {
        if (!queued.isEmpty()) {
            return queued.poll();
        }
        if (finished || current == null) {
            finished = true;
            if (state == State.HELP) {
                // A "help" on the last line without a newline: conf's HELP state ends at the end of input.
                state = State.INITIAL;
                return new KconfigToken(T_HELPTEXT, helpText.toString(), endOfInput, endOfInput.line(),
                        KconfigToken.SourceKind.PLAIN);
            }
            // Past the last file conf has no current file: it names the place "<none>".
            return new KconfigToken(Token.EOF, "<EOF>", endOfInput, endOfInput.line(), KconfigToken.SourceKind.PLAIN);
        }
        switch (state) {
            case ASSIGN_VAL:
                return scanAssignValue();
            case HELP:
                return scanHelp();
            default:
                return legacyScanner ? scanLegacy() : scanInitial();
        }
    }

    /**
     * zconf.l before the 4.19 rewrite. The first word of a statement is read in the COMMAND state: only
     * [A-Za-z0-9_]+ counts and every other character is skipped silently (so "---help---" is "help"), and a
     * keyword is one only there. The rest of the line is read in the PARAM state: operators, strings, words
     * of [A-Za-z0-9_/.-] ('if' and 'on' the only keywords), "---" and any other character skipped silently.
     * A word where a prompt belongs (after source, menu, comment, prompt or a type) is the prompt, as
     * zconf.y's "prompt: T_WORD | T_WORD_QUOTE" has it.
     */
    private KconfigToken scanLegacy() {
        SourceFile f = current;
        boolean command = prevToken == T_EOL || prevToken == T_HELPTEXT;
        while (true) {
            if (f.atEnd()) {
                return endOfFile();
            }
            char c = f.peek();
            if (c == '\n') {
                f.pos++;
                f.line++;
                return token(T_EOL, "\n", f.line - 1);
            }
            if (command) {
                if (c == '#' && onlyBlanksBefore(f)) {
                    f.pos = f.lineEnd();
                    continue;
                }
                if (isLegacyCommandChar(c)) {
                    int end = f.pos;
                    while (end < f.text.length() && isLegacyCommandChar(f.text.charAt(end))) {
                        end++;
                    }
                    String word = f.text.substring(f.pos, end);
                    f.pos = end;
                    return new KconfigToken(Keywords.legacyCommandTypeOf(word), word, statementLocation, f.line,
                            KconfigToken.SourceKind.PLAIN);
                }
                f.pos++;
                continue;
            }
            switch (c) {
                case '#':
                    f.pos = f.lineEnd();
                    continue;
                case '\\':
                    if (f.peek(1) == '\n') {
                        f.pos += 2;
                        f.line++;
                    } else {
                        f.pos++;
                    }
                    continue;
                case '"': case '\'':
                    f.pos++;
                    return scanString(c);
                case '&': case '|':
                    if (f.peek(1) == c) {
                        return op(f, c == '&' ? T_AND : T_OR, c == '&' ? "&&" : "||");
                    }
                    f.pos++;
                    continue;
                case '(':
                    return op(f, T_OPEN_PAREN, "(");
                case ')':
                    return op(f, T_CLOSE_PAREN, ")");
                case '!':
                    return f.peek(1) == '=' ? op(f, T_UNEQUAL, "!=") : op(f, T_NOT, "!");
                case '=':
                    return op(f, T_EQUAL, "=");
                default:
                    break;
            }
            if (isLegacyParamChar(c)) {
                int end = f.pos;
                while (end < f.text.length() && isLegacyParamChar(f.text.charAt(end))) {
                    end++;
                }
                String word = f.text.substring(f.pos, end);
                f.pos = end;
                if (word.equals("---")) {
                    continue;
                }
                int type = word.equals("if") ? T_IF : word.equals("on") ? T_ON : T_WORD;
                if (type == T_WORD && (prevPrevToken == T_EOL || prevPrevToken == T_HELPTEXT) && Keywords.takesLegacyPrompt(prevToken)) {
                    type = T_WORD_QUOTE;
                }
                return token(type, word);
            }
            f.pos++;
        }
    }

    private static boolean onlyBlanksBefore(SourceFile f) {
        for (int i = f.pos - 1; i >= 0 && f.text.charAt(i) != '\n'; i--) {
            if (f.text.charAt(i) != ' ' && f.text.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLegacyCommandChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isLegacyParamChar(char c) {
        return isLegacyCommandChar(c) || c == '-' || c == '/' || c == '.';
    }

    private KconfigToken scanInitial() {
        SourceFile f = current;
        while (true) {
            if (f.atEnd()) {
                return endOfFile();
            }
            char c = f.peek();
            switch (c) {
                case '#':
                    f.pos = f.lineEnd();
                    continue;
                case ' ': case '\t':
                    f.pos++;
                    continue;
                case '\n':
                    f.pos++;
                    f.line++;
                    return token(T_EOL, "\n", f.line - 1);
                case '\\':
                    if (f.peek(1) == '\n') {
                        f.pos += 2;
                        f.line++;
                        continue;
                    }
                    break;
                case '"': case '\'':
                    f.pos++;
                    return scanString(c);
                default:
                    break;
            }
            KconfigToken op = scanOperator(f);
            if (op != null) {
                return op;
            }
            if (isWordChar(c) || c == '$') {
                KconfigToken word = scanWord(f);
                if (word != null) {
                    return word;
                }
                continue;
            }
            warnIgnored(c);
            f.pos++;
        }
    }

    private KconfigToken scanOperator(SourceFile f) {
        char c = f.peek();
        char n = f.peek(1);
        switch (c) {
            case '|':
                return n == '|' ? op(f, T_OR, "||") : null;
            case '&':
                return n == '&' ? op(f, T_AND, "&&") : null;
            case '=':
                return op(f, T_EQUAL, "=");
            case '!':
                return n == '=' ? op(f, T_UNEQUAL, "!=") : op(f, T_NOT, "!");
            case '<':
                return n == '=' ? op(f, T_LESS_EQUAL, "<=") : op(f, T_LESS, "<");
            case '>':
                return n == '=' ? op(f, T_GREATER_EQUAL, ">=") : op(f, T_GREATER, ">");
            case '(':
                return op(f, T_OPEN_PAREN, "(");
            case ')':
                return op(f, T_CLOSE_PAREN, ")");
            case ':':
                return n == '=' ? op(f, T_COLON_EQUAL, ":=") : null;
            case '+':
                return n == '=' ? op(f, T_PLUS_EQUAL, "+=") : null;
            default:
                return null;
        }
    }

    private KconfigToken op(SourceFile f, int type, String text) {
        f.pos += text.length();
        return token(type, text);
    }

    static boolean isWordChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** A word, a keyword, or a word with '$' that is expanded (and may vanish when it expands to nothing). */
    private KconfigToken scanWord(SourceFile f) {
        int start = f.pos;
        int end = start;
        boolean hasDollar = false;
        while (end < f.text.length()) {
            char ch = f.text.charAt(end);
            if (isWordChar(ch)) {
                end++;
            } else if (ch == '$') {
                hasDollar = true;
                end++;
            } else {
                break;
            }
        }
        if (!hasDollar) {
            String word = f.text.substring(start, end);
            f.pos = end;
            int type = keywords.typeOf(word);
            return new KconfigToken(type, word, statementLocation, f.line, Keywords.sourceKindOf(word));
        }
        String rest = f.text.substring(start, f.lineEnd());
        Expansion expanded = preprocessor.expandOneToken(rest);
        f.pos = start + expanded.consumed();
        if (expanded.value().isEmpty()) {
            return null;
        }
        return token(T_WORD, expanded.value());
    }

    private KconfigToken scanString(char openQuote) {
        SourceFile f = current;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (f.atEnd()) {
                return token(T_WORD_QUOTE, sb.toString());
            }
            char c = f.peek();
            if (c == '$' && preprocess) {
                String rest = f.text.substring(f.pos + 1, f.lineEnd());
                Expansion expanded = preprocessor.expandDollar(rest);
                sb.append(expanded.value());
                f.pos += 1 + expanded.consumed();
            } else if (c == '\\') {
                char next = f.peek(1);
                if (next != 0 && next != '\n' && f.pos + 1 < f.text.length()) {
                    sb.append(next);
                    f.pos += 2;
                } else {
                    f.pos++;
                }
            } else if (c == '\'' || c == '"') {
                f.pos++;
                if (c == openQuote) {
                    return token(T_WORD_QUOTE, sb.toString());
                }
                sb.append(c);
            } else if (c == '\n') {
                reporter.err(statementLocation.file() + ":" + statementLocation.line()
                        + ":warning: multi-line strings not supported");
                return token(T_WORD_QUOTE, sb.toString());
            } else {
                int end = f.pos;
                while (end < f.text.length()) {
                    char ch = f.text.charAt(end);
                    if ((ch == '$' && preprocess) || ch == '\'' || ch == '"' || ch == '\\' || ch == '\n') {
                        break;
                    }
                    end++;
                }
                sb.append(f.text, f.pos, end);
                f.pos = end;
            }
        }
    }

    private KconfigToken scanAssignValue() {
        SourceFile f = current;
        while (true) {
            if (f.atEnd()) {
                return endOfFile();
            }
            char c = f.peek();
            if (c == '\n') {
                f.pos++;
                f.line++;
                state = State.INITIAL;
                return token(T_EOL, "\n", f.line - 1);
            }
            if (c == ' ' || c == '\t') {
                f.pos++;
                continue;
            }
            int end = f.lineEnd();
            String value = f.text.substring(f.pos, end);
            f.pos = end;
            return token(T_ASSIGN_VAL, value);
        }
    }

    // ---- help text ----

    private void startHelp() {
        helpText.setLength(0);
        helpFirstTs = 0;
        helpLastTs = 0;
        state = State.HELP;
    }

    private KconfigToken endHelp() {
        state = State.INITIAL;
        return token(T_HELPTEXT, helpText.toString());
    }

    /** One step of lexer.l's HELP state: indentation, a blank line, or a line of text. */
    private KconfigToken scanHelp() {
        SourceFile f = current;
        while (true) {
            if (f.atEnd()) {
                return endHelp();
            }
            int wsEnd = f.pos;
            while (wsEnd < f.text.length() && (f.text.charAt(wsEnd) == ' ' || f.text.charAt(wsEnd) == '\t')) {
                wsEnd++;
            }
            if (wsEnd < f.text.length() && f.text.charAt(wsEnd) == '\n') {
                char after = wsEnd + 1 < f.text.length() ? f.text.charAt(wsEnd + 1) : 0;
                f.pos = wsEnd + 1;
                f.line++;
                if (after != 0 && after != ' ' && after != '\t' && after != '\n') {
                    return endHelp();
                }
                helpText.append('\n');
                continue;
            }
            if (wsEnd > f.pos) {
                int ts = indentation(f.text, f.pos, wsEnd);
                helpLastTs = ts;
                f.pos = wsEnd;
                if (helpFirstTs != 0) {
                    if (ts < helpFirstTs) {
                        return endHelp();
                    }
                    ts -= helpFirstTs;
                    while (ts > 8) {
                        helpText.append("        ");
                        ts -= 8;
                    }
                    helpText.append(" ".repeat(ts));
                }
                continue;
            }
            int end = f.lineEnd();
            int textEnd = end;
            while (textEnd > f.pos && (f.text.charAt(textEnd - 1) == ' ' || f.text.charAt(textEnd - 1) == '\t')) {
                textEnd--;
            }
            helpText.append(f.text, f.pos, textEnd);
            if (helpFirstTs == 0) {
                helpFirstTs = helpLastTs;
            }
            f.pos = end;
        }
    }

    /** The column conf's help scanner reaches over text[from, to): a tab goes on to the next multiple of 8. */
    public static int indentation(String text, int from, int to) {
        int ts = 0;
        for (int i = from; i < to; i++) {
            ts = text.charAt(i) == '\t' ? (ts & ~7) + 8 : ts + 1;
        }
        return ts;
    }

    // ---- files ----

    private KconfigToken endOfFile() {
        state = State.INITIAL;
        if (prevToken != T_EOL && prevToken != T_HELPTEXT) {
            reporter.err(current.name + ":" + current.line + ":warning: no new line at end of file");
        }
        SourceFile ended = current;
        current = ended.parent;
        KconfigToken eol = new KconfigToken(T_EOL, "\n", statementLocation, ended.line, KconfigToken.SourceKind.PLAIN);
        eol.markClosesFile();
        if (current == null) {
            finished = true;
            endOfInput = new SourceLocation(endOfInputNamesFile ? ended.name : "<none>", ended.line);
            if (endOfInputNamesFile) {
                // cur_lineno moves only at a statement's first token: after a last line without a newline it
                // is still that statement's line.
                if (prevToken != T_EOL && prevToken != T_HELPTEXT) {
                    endOfInput = new SourceLocation(ended.name, statementLocation.line());
                }
                // Since 6.9 the top file is no buffer of its own: its end gives no T_EOL, only the end of input.
                return new KconfigToken(Token.EOF, "<EOF>", endOfInput, endOfInput.line(), KconfigToken.SourceKind.PLAIN);
            }
        }
        return eol;
    }

    /** zconf_nextfile, with the Kconfiglib extensions for relative, optional and glob sources. */
    private void include(KconfigToken sourceToken, String path) {
        KconfigToken.SourceKind kind = sourceToken.sourceKind();
        boolean relative = kind == KconfigToken.SourceKind.RELATIVE
                || kind == KconfigToken.SourceKind.OPTIONAL_RELATIVE;
        boolean optional = kind == KconfigToken.SourceKind.OPTIONAL
                || kind == KconfigToken.SourceKind.OPTIONAL_RELATIVE;
        String name = relative ? relativeToCurrentFile(path) : path;
        if (kind != KconfigToken.SourceKind.PLAIN && SourceGlob.isPattern(name)) {
            includeAll(name, optional);
            return;
        }
        Path resolved = resolver.resolve(name);
        if (resolved == null) {
            if (optional) {
                return;
            }
            throw KconfigException.verbatim(statementLocation, statementLocation.file() + ":"
                    + statementLocation.line() + ": can't open file \"" + name + "\"");
        }
        requireAnOpenFile();
        checkRecursion(name);
        current.lineInParent = current.line;
        current.sourceLineInParent = statementLocation.line();
        current = load(name, resolved, current);
    }

    /**
     * A source on the top file's last line, without a newline, is read after that file has been closed: conf
     * before 6.9 then reads freed memory and crashes. kforge says what to change instead.
     */
    private void requireAnOpenFile() {
        if (current == null) {
            throw KconfigException.verbatim(statementLocation, statementLocation.file() + ":"
                    + statementLocation.line() + ": \"source\" is the last line of the top Kconfig file and has no"
                    + " newline; end the line");
        }
    }

    /** Glob sources: each match is entered in turn, the first one last so they are read in sorted order. */
    private void includeAll(String pattern, boolean optional) {
        Path base = resolver.srctree() != null ? resolver.srctree() : resolver.workingDirectory();
        List<String> matches = SourceGlob.expand(base != null ? base : Path.of("."), pattern);
        usedGlob = true;
        if (matches.isEmpty() && !optional) {
            throw KconfigException.verbatim(statementLocation, statementLocation.file() + ":"
                    + statementLocation.line() + ": \"" + pattern + "\" does not match any file");
        }
        // Splice the files one after another: read each fully, in order, as a chain of parents.
        for (int i = matches.size() - 1; i >= 0; i--) {
            String name = matches.get(i);
            checkRecursion(name);
        }
        requireAnOpenFile();
        SourceFile parent = current;
        parent.lineInParent = parent.line;
        parent.sourceLineInParent = statementLocation.line();
        SourceFile chain = parent;
        for (int i = matches.size() - 1; i >= 0; i--) {
            Path resolved = resolver.resolve(matches.get(i));
            chain = load(matches.get(i), resolved, chain);
        }
        current = chain;
    }

    private String relativeToCurrentFile(String path) {
        return SourceResolver.relativeTo(current.name, path);
    }

    private void checkRecursion(String name) {
        for (SourceFile it = current; it != null; it = it.parent) {
            if (it.name.equals(name)) {
                StringBuilder msg = new StringBuilder();
                msg.append("Recursive inclusion detected.\nInclusion path:\n  current file : ").append(name);
                SourceFile f = current;
                // Before 6.9 conf printed its line counter less one, and stopped at the file included again;
                // since, each file's source statement line, up to the top.
                int lineno = endOfInputNamesFile ? statementLocation.line() : f.line - 1;
                while (true) {
                    msg.append("\n  included from: ").append(f.name).append(':').append(lineno);
                    if ((!endOfInputNamesFile && f.name.equals(name)) || f.parent == null) {
                        break;
                    }
                    f = f.parent;
                    lineno = endOfInputNamesFile ? f.sourceLineInParent : f.lineInParent - 1;
                }
                throw KconfigException.verbatim(statementLocation, msg.toString());
            }
        }
    }

    private SourceFile load(String name, Path path, SourceFile parent) {
        try {
            SourceFile f = new SourceFile(name, path, SourceResolver.read(path), parent);
            filesRead.add(name);
            return f;
        } catch (IOException e) {
            throw new KconfigException(statementLocation, "can't open file \"" + name + "\": " + e.getMessage());
        }
    }

    // ---- tokens ----

    private KconfigToken token(int type, String text) {
        return token(type, text, current == null ? 0 : current.line);
    }

    private KconfigToken token(int type, String text, int line) {
        return new KconfigToken(type, text, statementLocation, line, KconfigToken.SourceKind.PLAIN);
    }

    private void warnIgnored(char c) {
        reporter.err(current.name + ":" + current.line + ":warning: ignoring unsupported character '" + c + "'");
    }

    @Override
    public int getLine() {
        return current == null ? 0 : current.line;
    }

    @Override
    public int getCharPositionInLine() {
        return 0;
    }

    @Override
    public CharStream getInputStream() {
        return null;
    }

    @Override
    public String getSourceName() {
        return current == null ? "<none>" : current.name;
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return null;
    }
}
