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
        KconfigLexer lexer = new KconfigLexer(resolver, reporter, dialect);
        Preprocessor preprocessor = new Preprocessor(environment, reporter, lexer::currentPosition, shell);
        if (resolver.workingDirectory() != null) {
            preprocessor.setWorkingDirectory(resolver.workingDirectory());
        }
        lexer.setPreprocessor(preprocessor);
        lexer.open(topFile);

        CommonTokenStream tokens = new CommonTokenStream(lexer);
        KconfigParser parser = new KconfigParser(tokens);
        parser.namedChoices = !dialect.has(KconfigChange.NAMED_CHOICE_REMOVED);
        parser.boolChoices = dialect.has(KconfigChange.BOOL_CHOICE_BLOCKS);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.removeErrorListeners();
        parser.setErrorHandler(new RecoveringErrorStrategy());
        SyntaxErrors errors = new SyntaxErrors(confWording, dialect);
        parser.addErrorListener(errors);
        KconfigParser.InputContext input = parser.input();
        if (!errors.messages().isEmpty()) {
            throw new KconfigException(String.join("\n", confWording ? asConf(tokens, dialect, errors) : errors.messages()));
        }
        KconfigTree tree = new AstBuilder(tokens).build(input);
        return new Result(tree, lexer.filesRead(), preprocessor.environmentUsed(),
                preprocessor.environmentQueried(), lexer.usedGlob());
    }

    /** conf's own messages for the errors, from its parser's recovery; ANTLR's when that finds none. */
    private static List<String> asConf(CommonTokenStream tokens, Dialect dialect, SyntaxErrors errors) {
        tokens.fill();
        List<KconfigToken> all = new java.util.ArrayList<>();
        for (org.antlr.v4.runtime.Token token : tokens.getTokens()) {
            all.add((KconfigToken) token);
        }
        List<String> messages = new BisonRecovery(all, dialect).messages();
        return messages.isEmpty() ? errors.messages() : messages;
    }
}
