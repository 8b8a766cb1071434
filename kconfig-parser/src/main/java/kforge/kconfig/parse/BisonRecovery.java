package kforge.kconfig.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.antlr.v4.runtime.Token;

import kforge.kconfig.diag.SourceLocation;
import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.lex.KconfigToken;
import kforge.kconfig.model.SymbolType;

import static kforge.kconfig.parse.KconfigParser.*;

/**
 * conf's bison parser, shadowed statement by statement as the scanner produces tokens: the messages it prints
 * for a Kconfig file with syntax errors, and what its grammar actions decide for the scanner (whether a help
 * text starts, a source or an assignment is carried out), worked out the way its LALR automaton behaves: statements are read line by line within their block (top level,
 * menu, if, choice); an entry's option list ends at the first line that cannot continue it (a default
 * reduction); an error pops back to the innermost statement list ({@code error T_EOL}), skips to the end of
 * the line and reports "invalid statement" ("unknown statement" for a line that began with a word outside a
 * choice), and a new "syntax error" is only reported once three tokens have been shifted since the last one.
 * The parse-time checks that conf's grammar actions make (choice prompts and members, end keywords) are
 * reported where conf reports them, between the syntax errors.
 */
final class BisonRecovery implements kforge.kconfig.lex.ParserShadow {
    private enum Block { TOP, MENU, IF, CHOICE, IF_IN_CHOICE }

    /** An entry whose option lines are being read (config_option_list and friends). */
    private enum Entry { NONE, CONFIG, MENUCONFIG, CHOICE_HEADER, MENU_HEADER, COMMENT }

    private record OpenBlock(Block kind, KconfigToken start) {
    }

    private final List<KconfigToken> tokens = new ArrayList<>();
    private final Dialect dialect;
    private final int syntaxErrorLineOffset;
    private final List<String> messages = new ArrayList<>();
    private final Deque<OpenBlock> blocks = new ArrayDeque<>();
    private final Map<String, SymbolType> symbolTypes = new HashMap<>();
    private int pos;
    private int errStatus;
    private String modulesSymbol;

    private Entry entry = Entry.NONE;
    private KconfigToken entryStart;
    private String entrySymbol;
    private boolean entryHasPrompt;
    private boolean entryHasHelp;

    /** What the scanner printed, by the token it was scanning: printed when the parser reads that token. */
    private final ParseMessages held;
    private int nextScanned;
    private boolean started;
    private boolean finished;
    private boolean lastStatementAccepted;

    BisonRecovery(Dialect dialect, ParseMessages held) {
        this.dialect = dialect;
        this.held = held;
        this.syntaxErrorLineOffset = dialect.has(KconfigChange.PARSER_LOCATIONS) ? 0 : 1;
    }

    /** The messages, in the order conf prints them, once the scanner has given the end of input. */
    List<String> messages() {
        read(Integer.MAX_VALUE);
        printed.forEach(held::release);
        printed.clear();
        return messages;
    }

    /** stdout lines ($(info ...)) read so far: a separate stream, released with the messages. */
    private final List<ParseMessages.Held> printed = new ArrayList<>();

    @Override
    public void feed(KconfigToken token) {
        if (finished) {
            return;
        }
        tokens.add(token);
        int type = token.getType();
        if (type == T_EOL || type == T_HELPTEXT || type == Token.EOF) {
            advance();
        }
    }

    /** Whether the scanner fed this shadow (it does from 4.19 on, whose parser decides about help texts). */
    boolean fedByScanner() {
        return !tokens.isEmpty();
    }

    @Override
    public boolean helpAccepted() {
        return type(pos) == T_HELP && acceptsHelp();
    }

    @Override
    public boolean lastStatementAccepted() {
        return lastStatementAccepted;
    }

    /** Carries out every complete statement; a help line in an entry waits for its text. */
    private void advance() {
        while (!finished) {
            if (pos >= tokens.size()) {
                return;
            }
            if (tokens.get(pos).getType() == Token.EOF) {
                if (!started) {
                    blocks.push(new OpenBlock(Block.TOP, null));
                    started = true;
                }
                endOfInput();
                finished = true;
                return;
            }
            int eol = pos;
            while (eol < tokens.size() && !ends(tokens.get(eol).getType())) {
                eol++;
            }
            if (eol >= tokens.size()) {
                return;
            }
            if (tokens.get(eol).getType() == T_EOL && tokens.get(pos).getType() == T_HELP && acceptsHelp()
                    && eol + 1 >= tokens.size()) {
                return;
            }
            if (!started) {
                start();
            } else {
                statement();
            }
        }
    }

    private static boolean ends(int type) {
        return type == T_EOL || type == Token.EOF;
    }

    private boolean acceptsHelp() {
        return entry == Entry.CONFIG || entry == Entry.MENUCONFIG || entry == Entry.CHOICE_HEADER;
    }

    private void start() {
        started = true;
        blocks.push(new OpenBlock(Block.TOP, null));
        if (type(pos) == T_MAINMENU) {
            int failed = matchAll(pos, T_MAINMENU, T_WORD_QUOTE, T_EOL);
            if (failed >= 0) {
                fail(failed);
            } else {
                newPrompt(pos + 1);
                shift(3);
            }
            return;
        }
        statement();
    }

    // ---- statements ----

    private void statement() {
        lastStatementAccepted = false;
        if (entry != Entry.NONE) {
            int failed = option();
            if (failed < 0) {
                lastStatementAccepted = true;
                return;
            }
            if (failed > pos) {
                // The line started an option of the entry and went wrong inside it.
                fail(failed);
                return;
            }
            endEntry();
        }
        int failed = blockStatement();
        if (failed >= 0) {
            fail(failed);
        } else {
            lastStatementAccepted = true;
        }
    }

    /** A statement of the innermost block; returns the failing token's index, or -1 after carrying it out. */
    private int blockStatement() {
        boolean inChoice = blocks.peek().kind == Block.CHOICE || blocks.peek().kind == Block.IF_IN_CHOICE;
        int t = type(pos);
        switch (t) {
            case T_CONFIG:
            case T_MENUCONFIG: {
                if (t == T_MENUCONFIG && inChoice) {
                    return pos;
                }
                int failed = matchAll(pos, t, T_WORD, T_EOL);
                if (failed >= 0) {
                    return failed;
                }
                startEntry(t == T_CONFIG ? Entry.CONFIG : Entry.MENUCONFIG, tokens.get(pos + 1).getText());
                shift(3);
                return -1;
            }
            case T_CHOICE: {
                if (inChoice) {
                    return pos;
                }
                int at = pos + 1;
                if (type(at) == T_WORD && !dialect.has(KconfigChange.NAMED_CHOICE_REMOVED)) {
                    at++;
                }
                if (type(at) != T_EOL) {
                    return at;
                }
                startEntry(Entry.CHOICE_HEADER, null);
                shift(at + 1 - pos);
                return -1;
            }
            case T_COMMENT: {
                int failed = matchAll(pos, T_COMMENT, T_WORD_QUOTE, T_EOL);
                if (failed >= 0) {
                    return failed;
                }
                startEntry(Entry.COMMENT, null);
                newPrompt(pos + 1);
                shift(3);
                return -1;
            }
            case T_IF: {
                int end = expression(pos + 1);
                if (end < 0 || type(end) != T_EOL) {
                    return end < 0 ? -end - 1 : end;
                }
                blocks.push(new OpenBlock(inChoice ? Block.IF_IN_CHOICE : Block.IF, tokens.get(pos)));
                shift(end + 1 - pos);
                return -1;
            }
            case T_MENU: {
                if (inChoice) {
                    return pos;
                }
                int failed = matchAll(pos, T_MENU, T_WORD_QUOTE, T_EOL);
                if (failed >= 0) {
                    return failed;
                }
                startEntry(Entry.MENU_HEADER, null);
                newPrompt(pos + 1);
                shift(3);
                return -1;
            }
            case T_SOURCE: {
                if (inChoice) {
                    return pos;
                }
                int failed = matchAll(pos, T_SOURCE, T_WORD_QUOTE, T_EOL);
                if (failed >= 0) {
                    return failed;
                }
                shift(3);
                return -1;
            }
            case T_ENDMENU:
            case T_ENDCHOICE:
            case T_ENDIF: {
                if (blocks.peek().kind == Block.TOP) {
                    return pos;
                }
                if (type(pos + 1) != T_EOL) {
                    return pos + 1;
                }
                closeBlock(tokens.get(pos), tokens.get(pos + 1).closesFile());
                shift(2);
                return -1;
            }
            case T_WORD: {
                if (inChoice) {
                    return pos;
                }
                int at = pos + 1;
                int op = type(at);
                if (op != T_EQUAL && op != T_COLON_EQUAL && op != T_PLUS_EQUAL) {
                    return at;
                }
                at++;
                if (type(at) == T_ASSIGN_VAL) {
                    at++;
                }
                if (type(at) != T_EOL) {
                    return at;
                }
                shift(at + 1 - pos);
                return -1;
            }
            default:
                return pos;
        }
    }

    private void closeBlock(KconfigToken end, boolean afterFileEnded) {
        OpenBlock block = blocks.pop();
        String expected = block.kind == Block.MENU ? "menu" : block.kind == Block.CHOICE ? "choice" : "if";
        String keyword = end.getText().substring("end".length());
        if (!keyword.equals(expected)) {
            messages.add(end.location() + ": unexpected '" + keyword + "' within " + expected + " block");
        } else if (afterFileEnded || !end.location().file().equals(block.start.location().file())) {
            messages.add(end.location() + ": '" + keyword + "' in different file than '" + expected + "'");
            messages.add(block.start.location() + ": location of the '" + expected + "'");
        }
    }

    // ---- entries and their options ----

    private void startEntry(Entry kind, String symbol) {
        entry = kind;
        entryStart = tokens.get(pos);
        entrySymbol = symbol;
        entryHasPrompt = false;
        entryHasHelp = false;
    }

    /** The entry's option list ends: conf reduces it and runs the entry's action. */
    private void endEntry() {
        Entry ended = entry;
        entry = Entry.NONE;
        switch (ended) {
            case CHOICE_HEADER:
                if (!entryHasPrompt && dialect.has(KconfigChange.CHOICE_PROMPT_REQUIRED)) {
                    messages.add(entryStart.location() + ": error: choice must have a prompt");
                }
                blocks.push(new OpenBlock(Block.CHOICE, entryStart));
                break;
            case MENU_HEADER:
                blocks.push(new OpenBlock(Block.MENU, entryStart));
                break;
            case CONFIG:
                checkChoiceMember();
                break;
            case MENUCONFIG:
                if (!entryHasPrompt) {
                    messages.add(tokens.get(pos).location() + ": warning: menuconfig statement without prompt");
                }
                break;
            default:
                break;
        }
    }

    /** config_stmt's checks of a choice member, since choices collect their members while parsing. */
    private void checkChoiceMember() {
        Block block = blocks.peek().kind;
        if (block != Block.CHOICE && block != Block.IF_IN_CHOICE) {
            return;
        }
        if (dialect.has(KconfigChange.CHOICE_MEMBER_ERRORS) && !entryHasPrompt) {
            messages.add(entryStart.location() + ": error: choice member must have a prompt");
        }
        if (dialect.has(KconfigChange.BOOL_CHOICE_BLOCKS)
                && symbolTypes.getOrDefault(entrySymbol, SymbolType.UNKNOWN) != SymbolType.BOOLEAN) {
            messages.add(entryStart.location() + ": error: choice member must be bool");
        }
    }

    /** One option line of the current entry: -1 when it was one, else the failing token (pos: not an option). */
    private int option() {
        int t = type(pos);
        if (t == T_DEPENDS) {
            return shifted(dependsOn(pos));
        }
        if (t == T_HELP && entry != Entry.MENU_HEADER && entry != Entry.COMMENT) {
            return shifted(help(pos));
        }
        switch (entry) {
            case CONFIG:
            case MENUCONFIG:
                return shifted(configOption(t));
            case CHOICE_HEADER:
                return shifted(choiceOption(t));
            case MENU_HEADER:
                if (t == T_VISIBLE) {
                    int at = pos + 1;
                    if (type(at) == T_IF) {
                        at = expression(at + 1);
                        if (at < 0) {
                            return -at - 1;
                        }
                    }
                    return shifted(type(at) == T_EOL ? at + 1 : -at - 1);
                }
                return pos;
            default:
                return pos;
        }
    }

    /** Shifts the tokens of a matched option ({@code end} is the index after it), or passes a failure on. */
    private int shifted(int end) {
        if (end < 0) {
            return -end - 1;
        }
        shift(end - pos);
        return -1;
    }

    private int configOption(int t) {
        switch (t) {
            case T_BOOL: case T_TRISTATE: case T_INT: case T_HEX: case T_STRING: {
                int end = optionalPrompt(pos + 1);
                if (end >= 0) {
                    setType(t);
                }
                return end;
            }
            case T_PROMPT: {
                if (type(pos + 1) != T_WORD_QUOTE) {
                    return -(pos + 1) - 1;
                }
                return prompted(pos + 1, optionalIf(pos + 2));
            }
            case T_DEFAULT: case T_DEF_BOOL: case T_DEF_TRISTATE: {
                int end = expression(pos + 1);
                if (end < 0) {
                    return end;
                }
                end = optionalIf(end);
                if (end >= 0 && t != T_DEFAULT) {
                    setType(t == T_DEF_BOOL ? T_BOOL : T_TRISTATE);
                }
                return end;
            }
            case T_SELECT: case T_IMPLY:
                return type(pos + 1) == T_WORD ? optionalIf(pos + 2) : -(pos + 1) - 1;
            case T_RANGE:
                if (!isSymbol(pos + 1)) {
                    return -(pos + 1) - 1;
                }
                return isSymbol(pos + 2) ? optionalIf(pos + 3) : -(pos + 2) - 1;
            case T_MODULES:
                // Before 5.13 "modules" is a keyword only after "option".
                if (!dialect.has(KconfigChange.OPTION_KEYWORD_REMOVED) || type(pos + 1) != T_EOL) {
                    return -(pos + 1) - 1;
                }
                return modules(pos);
            case T_OPTION: {
                if (type(pos + 1) == T_MODULES && type(pos + 2) == T_EOL) {
                    return modules(pos) + 1;
                }
                if (type(pos + 1) != T_WORD) {
                    return -(pos + 1) - 1;
                }
                int at = pos + 2;
                if (type(at) == T_EQUAL) {
                    if (type(at + 1) != T_WORD_QUOTE) {
                        return -(at + 1) - 1;
                    }
                    at += 2;
                }
                return type(at) == T_EOL ? at + 1 : -at - 1;
            }
            default:
                return -pos - 1;
        }
    }

    /** menu_add_option_modules: a second symbol with 'modules' is an error; returns the position after "modules EOL". */
    private int modules(int at) {
        if (modulesSymbol != null) {
            messages.add(tokens.get(at).location() + ": symbol '" + entrySymbol
                    + "' redefines option 'modules' already defined by symbol '" + modulesSymbol + "'");
        }
        modulesSymbol = entrySymbol;
        return at + 2;
    }

    private int choiceOption(int t) {
        switch (t) {
            case T_PROMPT: {
                if (type(pos + 1) != T_WORD_QUOTE) {
                    return -(pos + 1) - 1;
                }
                return prompted(pos + 1, optionalIf(pos + 2));
            }
            case T_BOOL: case T_TRISTATE: {
                if (dialect.has(KconfigChange.BOOL_CHOICE_BLOCKS)) {
                    if (t != T_BOOL) {
                        return -pos - 1;
                    }
                    if (type(pos + 1) != T_WORD_QUOTE) {
                        return -(pos + 1) - 1;
                    }
                    return prompted(pos + 1, optionalIf(pos + 2));
                }
                return optionalPrompt(pos + 1);
            }
            case T_OPTIONAL:
                return type(pos + 1) == T_EOL ? pos + 2 : -(pos + 1) - 1;
            case T_DEFAULT:
                return type(pos + 1) == T_WORD ? optionalIf(pos + 2) : -(pos + 1) - 1;
            default:
                return -pos - 1;
        }
    }

    /**
     * A prompt option that parsed up to {@code end}: menu_add_prompt's warnings once the whole option is
     * reduced, then the entry has a prompt.
     */
    private int prompted(int text, int end) {
        if (end < 0) {
            return end;
        }
        newPrompt(text);
        if (entryHasPrompt) {
            messages.add(tokens.get(text).location() + ":warning: prompt redefined");
        }
        entryHasPrompt = true;
        return end;
    }

    /** menu_add_prompt's check of the text itself. */
    private void newPrompt(int text) {
        String prompt = tokens.get(text).getText();
        if (!prompt.isEmpty() && kforge.kconfig.eval.CNumbers.isSpace(prompt.charAt(0))) {
            messages.add(tokens.get(text).location() + ":warning: leading whitespace ignored");
        }
    }

    /** menu_set_type for a config entry's symbol: a second, different type is ignored with a warning. */
    private void setType(int token) {
        SymbolType type = token == T_BOOL ? SymbolType.BOOLEAN : token == T_TRISTATE ? SymbolType.TRISTATE
                : token == T_INT ? SymbolType.INT : token == T_HEX ? SymbolType.HEX : SymbolType.STRING;
        SymbolType current = symbolTypes.getOrDefault(entrySymbol, SymbolType.UNKNOWN);
        if (current == type) {
            return;
        }
        if (current == SymbolType.UNKNOWN) {
            symbolTypes.put(entrySymbol, type);
            return;
        }
        messages.add(entryStart.location() + ":warning: ignoring type redefinition of '" + entrySymbol + "' from '"
                + current.displayName() + "' to '" + type.displayName() + "'");
    }

    /** prompt_stmt_opt T_EOL after a type. */
    private int optionalPrompt(int at) {
        if (type(at) == T_WORD_QUOTE) {
            return prompted(at, optionalIf(at + 1));
        }
        return type(at) == T_EOL ? at + 1 : -at - 1;
    }

    /** if_expr T_EOL. */
    private int optionalIf(int at) {
        if (type(at) == T_IF) {
            at = expression(at + 1);
            if (at < 0) {
                return at;
            }
        }
        return type(at) == T_EOL ? at + 1 : -at - 1;
    }

    private int dependsOn(int at) {
        if (type(at + 1) != T_ON) {
            return -(at + 1) - 1;
        }
        int end = expression(at + 2);
        if (end < 0) {
            return end;
        }
        return type(end) == T_EOL ? end + 1 : -end - 1;
    }

    /** A help option; its action warns about a second or a blank help text. */
    private int help(int at) {
        if (type(at + 1) != T_EOL) {
            return -(at + 1) - 1;
        }
        if (type(at + 2) != T_HELPTEXT) {
            return -(at + 2) - 1;
        }
        KconfigToken text = tokens.get(at + 2);
        String name = entrySymbol != null ? entrySymbol : "<choice>";
        if (entryHasHelp) {
            messages.add(text.location() + ": warning: '" + name
                    + "' defined with more than one help text -- only the last one will be used");
        }
        if (text.getText().chars().allMatch(c -> kforge.kconfig.eval.CNumbers.isSpace((char) c))) {
            messages.add(text.location() + ": warning: '" + name + "' defined with blank help text");
        }
        entryHasHelp = true;
        return at + 3;
    }

    // ---- expressions: the index after one, or -(failing index) - 1 ----

    private int expression(int at) {
        int end = term(at);
        while (end >= 0 && (type(end) == T_OR || type(end) == T_AND)) {
            end = term(end + 1);
        }
        return end;
    }

    private int term(int at) {
        int t = type(at);
        if (t == T_NOT) {
            return term(at + 1);
        }
        if (t == T_OPEN_PAREN) {
            int end = expression(at + 1);
            if (end < 0) {
                return end;
            }
            return type(end) == T_CLOSE_PAREN ? end + 1 : -end - 1;
        }
        if (!isSymbol(at)) {
            return -at - 1;
        }
        int next = type(at + 1);
        if (next == T_EQUAL || next == T_UNEQUAL || next == T_LESS || next == T_LESS_EQUAL || next == T_GREATER
                || next == T_GREATER_EQUAL) {
            return isSymbol(at + 2) ? at + 3 : -(at + 2) - 1;
        }
        return at + 1;
    }

    private boolean isSymbol(int at) {
        int t = type(at);
        return t == T_WORD || t == T_WORD_QUOTE;
    }

    private int matchAll(int at, int... expected) {
        for (int i = 0; i < expected.length; i++) {
            if (type(at + i) != expected[i]) {
                return at + i;
            }
        }
        return -1;
    }

    // ---- errors ----

    /** yyerror and the recovery: back to the innermost statement list, to the end of the line. */
    private void fail(int failing) {
        errStatus = Math.max(0, errStatus - (failing - pos));
        KconfigToken bad = tokens.get(failing);
        if (bad.getType() == Token.EOF) {
            // The statement in progress is popped with no action; open blocks are reported at the end.
            if (errStatus == 0) {
                SourceLocation at = bad.location();
                messages.add(at.file() + ":" + (at.line() + syntaxErrorLineOffset) + ": syntax error");
            }
            entry = Entry.NONE;
            pos = failing;
            errStatus = 3;
            return;
        }
        if (errStatus == 0) {
            SourceLocation at = bad.location();
            messages.add(at.file() + ":" + (at.line() + syntaxErrorLineOffset) + ": syntax error");
        }
        boolean unknownWord = type(pos) == T_WORD && failing > pos && entry == Entry.NONE
                && blocks.peek().kind != Block.CHOICE && blocks.peek().kind != Block.IF_IN_CHOICE;
        String word = tokens.get(pos).getText();
        entry = Entry.NONE;
        int eol = failing;
        while (type(eol) != T_EOL && type(eol) != Token.EOF) {
            eol++;
        }
        if (type(eol) == Token.EOF) {
            pos = eol;
            errStatus = 3;
            return;
        }
        messages.add(bad.location() + (unknownWord ? ": unknown statement \"" + word + "\"" : ": invalid statement"));
        pos = eol + 1;
        errStatus = 2;
    }

    /** At the end of the input every open block is popped, each reported by its destructor. */
    private void endOfInput() {
        if (entry != Entry.NONE) {
            endEntry();
        }
        if (blocks.peek().kind == Block.TOP) {
            return;
        }
        if (errStatus == 0) {
            SourceLocation at = tokens.get(pos).location();
            messages.add(at.file() + ":" + (at.line() + syntaxErrorLineOffset) + ": syntax error");
        }
        while (blocks.peek().kind != Block.TOP) {
            messages.add(blocks.pop().start.location() + ": missing end statement for this entry");
        }
    }

    private void shift(int count) {
        errStatus = Math.max(0, errStatus - count);
        pos += count;
    }

    private int type(int at) {
        read(at);
        return at < tokens.size() ? tokens.get(at).getType() : Token.EOF;
    }

    /** The parser reads up to token {@code at}: what the scanner printed before it comes out now. */
    private void read(int at) {
        List<ParseMessages.Held> scanned = held.lines();
        while (nextScanned < scanned.size() && scanned.get(nextScanned).tokenIndex() <= at) {
            ParseMessages.Held line = scanned.get(nextScanned++);
            if (line.stderr()) {
                messages.add(line.line());
            } else {
                printed.add(line);
            }
        }
    }
}
