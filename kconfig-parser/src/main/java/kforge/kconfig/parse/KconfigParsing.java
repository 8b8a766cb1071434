package kforge.kconfig.parse;

import java.util.List;
import java.util.Map;

import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;

import kforge.kconfig.ast.KconfigTree;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.lex.KconfigLexer;
import kforge.kconfig.lex.KconfigToken;
import kforge.kconfig.lex.SourceResolver;
import kforge.kconfig.preprocess.Preprocessor;
import kforge.kconfig.preprocess.ShellRunner;

/** Scans and parses a Kconfig tree from its top file into an AST; every sourced file is read on the way. */
public final class KconfigParsing {
    /**
     * What parsing produced: the tree, the files read, the environment variables the files used (and all
     * those looked up, set or not), and whether a glob source made the result depend on directory listings.
     */
    public record Result(KconfigTree tree, List<String> files, Map<String, String> environmentUsed,
                         Map<String, String> environmentQueried, boolean usedGlob) {
    }

    private KconfigParsing() {
    }

    public static Result parse(String topFile, SourceResolver resolver, Map<String, String> environment,
                               ShellRunner shell, Reporter reporter) {
        return parse(topFile, resolver, environment, shell, reporter, false, Dialect.BASELINE);
    }

    /** As above; {@code confWording} words syntax errors exactly as conf's bison parser does. */
    public static Result parse(String topFile, SourceResolver resolver, Map<String, String> environment,
                               ShellRunner shell, Reporter reporter, boolean confWording) {
        return parse(topFile, resolver, environment, shell, reporter, confWording, Dialect.BASELINE);
    }

    /** As above, in a release's Kconfig language, scanned and parsed as that release's conf does. */
    public static Result parse(String topFile, SourceResolver resolver, Map<String, String> environment,
                               ShellRunner shell, Reporter reporter, boolean confWording, Dialect dialect) {
        // conf's wording includes its order: scanner warnings fall between the parser's messages.
        ParseMessages held = confWording ? new ParseMessages(reporter) : null;
        Reporter scanning = held != null ? held : reporter;
        KconfigLexer lexer = new KconfigLexer(resolver, scanning, dialect);
        BisonRecovery shadow = null;
        if (held != null) {
            held.clock(lexer::tokensReturned);
            shadow = new BisonRecovery(dialect, held);
            if (dialect.has(KconfigChange.LEXER_REWRITE)) {
                lexer.shadowParser(shadow);
            }
        }
        Preprocessor preprocessor = new Preprocessor(environment, scanning, lexer::currentPosition, shell);
        // The line a statement starts on, even once its newline is read (an assignment acts then).
        preprocessor.setCallSite(lexer::statementLocation);
        if (resolver.workingDirectory() != null) {
            preprocessor.setWorkingDirectory(resolver.workingDirectory());
        }
        lexer.setPreprocessor(preprocessor);
        lexer.open(topFile);

        CommonTokenStream tokens = new CommonTokenStream(lexer);
        KconfigParser parser = new KconfigParser(tokens);
        parser.namedChoices = !dialect.has(KconfigChange.NAMED_CHOICE_REMOVED);
        parser.modulesAttribute = dialect.has(KconfigChange.OPTION_KEYWORD_REMOVED);
        parser.boolChoices = dialect.has(KconfigChange.BOOL_CHOICE_BLOCKS);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.removeErrorListeners();
        parser.setErrorHandler(new RecoveringErrorStrategy());
        SyntaxErrors errors = new SyntaxErrors(confWording, dialect);
        parser.addErrorListener(errors);
        KconfigParser.InputContext input;
        try {
            input = parser.input();
        } catch (KconfigException fatal) {
            if (shadow != null && shadow.fedByScanner()) {
                // conf has printed what its parser and actions said before the scanner gave up.
                List<String> before = new java.util.ArrayList<>(shadow.messages());
                before.add(fatal.getMessage());
                throw new KconfigException(String.join("\n", before));
            }
            if (held != null) {
                held.flush();
            }
            throw fatal;
        }
        if (!errors.messages().isEmpty()) {
            throw new KconfigException(String.join("\n", confWording ? asConf(tokens, shadow, errors, held)
                    : errors.messages()));
        }
        if (held != null) {
            held.flush();
        }
        KconfigTree tree = new AstBuilder(tokens).build(input);
        return new Result(tree, lexer.filesRead(), preprocessor.environmentUsed(),
                preprocessor.environmentQueried(), lexer.usedGlob());
    }

    /** conf's own messages for the errors, from its parser's recovery; ANTLR's when that finds none. */
    private static List<String> asConf(CommonTokenStream tokens, BisonRecovery shadow, SyntaxErrors errors,
                                       ParseMessages held) {
        tokens.fill();
        if (!shadow.fedByScanner()) {
            for (org.antlr.v4.runtime.Token token : tokens.getTokens()) {
                shadow.feed((KconfigToken) token);
            }
        }
        List<String> messages = shadow.messages();
        if (messages.isEmpty()) {
            held.flush();
            return errors.messages();
        }
        return messages;
    }
}
