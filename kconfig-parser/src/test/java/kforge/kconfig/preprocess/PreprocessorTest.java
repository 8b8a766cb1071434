package kforge.kconfig.preprocess;

import static kforge.kconfig.preprocess.AssignFlavor.APPEND;
import static kforge.kconfig.preprocess.AssignFlavor.RECURSIVE;
import static kforge.kconfig.preprocess.AssignFlavor.SIMPLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.diag.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class PreprocessorTest {
    private static final SourceLocation HERE = new SourceLocation("arch/x86/Kconfig", 12);

    private final Reporter.Collecting reporter = new Reporter.Collecting();
    private SourceLocation location = HERE;

    private Preprocessor preprocessor(Map<String, String> env) {
        return new Preprocessor(env, reporter, () -> location);
    }

    private Preprocessor preprocessor() {
        return preprocessor(Map.of());
    }

    /** The helper macros of the kernel's scripts/Kconfig.include, copied verbatim. */
    private static void defineKconfigIncludeMacros(Preprocessor pp) {
        pp.assign("comma", ",", SIMPLE);
        pp.assign("quote", "\"", SIMPLE);
        pp.assign("squote", "'", SIMPLE);
        pp.assign("empty", "", SIMPLE);
        pp.assign("space", "$(empty) $(empty)", SIMPLE);
        pp.assign("dollar", "$", SIMPLE);
        pp.assign("right_paren", ")", SIMPLE);
        pp.assign("left_paren", "(", SIMPLE);
        pp.assign("if-success",
                "$(shell,{ $(1); } >/dev/null 2>&1 && echo \"$(2)\" || echo \"$(3)\")", RECURSIVE);
        pp.assign("success", "$(if-success,$(1),y,n)", RECURSIVE);
        pp.assign("failure", "$(if-success,$(1),n,y)", RECURSIVE);
    }

    // --- assignment flavors

    @Test
    void recursiveVariableIsExpandedAtEachUseAndSimpleOneAtAssignment() {
        Preprocessor pp = preprocessor();
        pp.assign("A", "1", SIMPLE);
        pp.assign("R", "$(A)", RECURSIVE);
        pp.assign("S", "$(A)", SIMPLE);
        pp.assign("A", "2", SIMPLE);

        assertEquals("2 1", pp.expandString("$(R) $(S)"));
        assertEquals(Optional.of("$(A)"), pp.variableValue("R"));
        assertEquals(Optional.of("1"), pp.variableValue("S"));
    }

    @Test
    void appendToNewVariableIsRecursive() {
        Preprocessor pp = preprocessor();
        pp.assign("X", "$(Y)", APPEND);
        pp.assign("Y", "late", SIMPLE);

        assertEquals(Optional.of("$(Y)"), pp.variableValue("X"));
        assertEquals("late", pp.expandString("$(X)"));
    }

    @Test
    void appendToSimpleVariableExpandsTheAddition() {
        Preprocessor pp = preprocessor();
        pp.assign("Y", "y1", SIMPLE);
        pp.assign("X", "a", SIMPLE);
        pp.assign("X", "$(Y) $(X)", APPEND);
        pp.assign("Y", "y2", SIMPLE);

        assertEquals(Optional.of("a y1 a"), pp.variableValue("X"));
        assertEquals("a y1 a", pp.expandString("$(X)"));
    }

    @Test
    void appendToRecursiveVariableKeepsTheAdditionRaw() {
        Preprocessor pp = preprocessor();
        pp.assign("X", "a", RECURSIVE);
        pp.assign("X", "$(Y)", APPEND);
        pp.assign("X", "", APPEND);
        pp.assign("Y", "b", SIMPLE);

        assertEquals(Optional.of("a $(Y) "), pp.variableValue("X"));
        assertEquals("a b ", pp.expandString("$(X)"));
    }

    @Test
    void reassignmentReplacesValueAndFlavor() {
        Preprocessor pp = preprocessor();
        pp.assign("X", "$(Y)", RECURSIVE);
        pp.assign("Y", "old", SIMPLE);
        pp.assign("X", "$(X) more", SIMPLE);
        pp.assign("Y", "new", SIMPLE);

        assertEquals(Optional.of("old more"), pp.variableValue("X"));
        assertEquals("old more", pp.expandString("$(X)"));
    }

    @Test
    void clearVariablesForgetsMacros() {
        Preprocessor pp = preprocessor();
        pp.assign("X", "1", SIMPLE);
        pp.clearVariables();

        assertEquals(Optional.empty(), pp.variableValue("X"));
        assertEquals("", pp.expandString("$(X)"));
    }

    // --- references

    @Test
    void undefinedVariableExpandsToEmpty() {
        assertEquals("ab", preprocessor().expandString("a$(NOT_DEFINED_ANYWHERE)b"));
    }

    @Test
    void dollarNotFollowedByParenthesisIsLiteral() {
        assertEquals("$A ${B} $$ $", preprocessor().expandString("$A ${B} $$ $"));
    }

    @Test
    void environmentVariablesAreLookedUpAndRecordedInFirstUseOrder() {
        Preprocessor pp = preprocessor(Map.of("SRCARCH", "x86", "CC", "gcc", "UNUSED", "u"));

        assertEquals("gcc x86 gcc", pp.expandString("$(CC) $(SRCARCH) $(CC)"));
        assertEquals(List.of("CC", "SRCARCH"), new ArrayList<>(pp.environmentUsed().keySet()));
        assertEquals(Map.of("CC", "gcc", "SRCARCH", "x86"), pp.environmentUsed());
    }

    @Test
    void variableShadowsEnvironmentAndEnvironmentIsNotCalledWithArguments() {
        Preprocessor pp = preprocessor(Map.of("CC", "gcc"));
        assertEquals("", pp.expandString("$(CC,x)"));
        pp.assign("CC", "clang", SIMPLE);

        assertEquals("clang", pp.expandString("$(CC)"));
        assertEquals(Map.of(), pp.environmentUsed());
    }

    @Test
    void nameOfReferenceIsItselfExpanded() {
        Preprocessor pp = preprocessor();
        pp.assign("which", "B", SIMPLE);
        pp.assign("AB", "found", SIMPLE);

        assertEquals("found", pp.expandString("$(A$(which))"));
    }

    @Test
    void unterminatedReferenceIsFatal() {
        KconfigException e = assertThrows(KconfigException.class,
                () -> preprocessor().expandString("x $(FOO $(BAR) rest"));
        assertEquals("arch/x86/Kconfig:12: unterminated reference to 'FOO $(BAR) rest': missing ')'",
                e.getMessage());
    }

    // --- user-defined functions

    @Test
    void userFunctionReceivesArguments() {
        Preprocessor pp = preprocessor();
        pp.assign("pair", "<$(1)|$(2)|$(3)>", RECURSIVE);

        assertEquals("<a| b|>", pp.expandString("$(pair,a, b)"));
    }

    @Test
    void nestedCallsExpandArgumentsInTheCallersScope() {
        Preprocessor pp = preprocessor();
        pp.assign("wrap", "[$(1)]", RECURSIVE);
        pp.assign("twice", "$(wrap,$(1))$(wrap,$(1)$(2))", RECURSIVE);

        assertEquals("[[x]][[x]y]", pp.expandString("$(twice,$(wrap,x),y)"));
    }

    @Test
    void commasInsideParenthesesDoNotSplitArguments() {
        Preprocessor pp = preprocessor();
        pp.assign("first", "$(1)", RECURSIVE);

        assertEquals("f(a,b)", pp.expandString("$(first,f(a,b),c)"));
    }

    @Test
    void argumentNumbersAreReadLikeStrtoul() {
        Preprocessor pp = preprocessor();
        pp.assign("f", "$( 01)$(+2)$(-1)$(2x)", RECURSIVE);

        assertEquals("ab", pp.expandString("$(f,a,b)"));
    }

    @Test
    void simpleVariableCalledWithArgumentsIgnoresThem() {
        Preprocessor pp = preprocessor();
        pp.assign("s", "$(1)", SIMPLE);

        assertEquals("", pp.expandString("$(s,a)"));
    }

    @Test
    void userVariableShadowsBuiltinFunction() {
        Preprocessor pp = preprocessor();
        pp.assign("info", "mine $(1)", RECURSIVE);

        assertEquals("mine x", pp.expandString("$(info,x)"));
        assertEquals(List.of(), reporter.outLines());
    }

    @Test
    void sixteenthArgumentIsTooMany() {
        Preprocessor pp = preprocessor();
        pp.assign("last", "$(15)", RECURSIVE);

        assertEquals("o", pp.expandString("$(last,a,b,c,d,e,f,g,h,i,j,k,l,m,n,o)"));
        KconfigException e = assertThrows(KconfigException.class,
                () -> pp.expandString("$(last,a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p)"));
        assertEquals("arch/x86/Kconfig:12: too many function arguments", e.getMessage());
    }

    @Test
    void selfReferencingRecursiveVariableIsFatal() {
        Preprocessor pp = preprocessor();
        pp.assign("X", "a $(X)", RECURSIVE);

        KconfigException e = assertThrows(KconfigException.class, () -> pp.expandString("$(X)"));
        assertEquals("arch/x86/Kconfig:12: Recursive variable 'X' references itself (eventually)",
                e.getMessage());
    }

    @Test
    void indirectSelfReferenceIsFatalAndLeavesVariablesUsable() {
        Preprocessor pp = preprocessor();
        pp.assign("A", "$(B)", RECURSIVE);
        pp.assign("B", "$(A)", RECURSIVE);

        KconfigException e = assertThrows(KconfigException.class, () -> pp.expandString("$(A)"));
        assertEquals("arch/x86/Kconfig:12: Recursive variable 'A' references itself (eventually)",
                e.getMessage());
        pp.assign("B", "b", SIMPLE);
        assertEquals("b", pp.expandString("$(A)"));
    }

    @Test
    void endlessRecursionWithArgumentsIsFatal() {
        Preprocessor pp = preprocessor();
        pp.assign("f", "$(f,$(1))", RECURSIVE);

        KconfigException e = assertThrows(KconfigException.class, () -> pp.expandString("$(f,x)"));
        assertEquals("arch/x86/Kconfig:12: Too deep recursive expansion", e.getMessage());
    }

    // --- built-in functions

    @Test
    void infoPrintsOnStdout() {
        assertEquals("ab", preprocessor().expandString("a$(info,hello world)b"));
        assertEquals(List.of("hello world"), reporter.outLines());
    }

    @Test
    void warningIfPrintsFileAndLineOnStderrOnlyForY() {
        Preprocessor pp = preprocessor();
        assertEquals("", pp.expandString("$(warning-if,y,watch out)$(warning-if,n,quiet)$(warning-if,yes,quiet)"));
        assertEquals(List.of("arch/x86/Kconfig:12: watch out"), reporter.errLines());
    }

    @Test
    void errorIfStopsWithFileAndLineOnlyForY() {
        Preprocessor pp = preprocessor();
        assertEquals("", pp.expandString("$(error-if,n,fine)"));

        KconfigException e = assertThrows(KconfigException.class, () -> pp.expandString("$(error-if,y,broken)"));
        assertEquals("arch/x86/Kconfig:12: broken", e.getMessage());
        assertEquals(HERE, e.location());
    }

    @Test
    void filenameAndLinenoFollowTheLocation() {
        Preprocessor pp = preprocessor();
        assertEquals("arch/x86/Kconfig:12", pp.expandString("$(filename):$(lineno)"));
        location = new SourceLocation("init/Kconfig", 7);
        assertEquals("init/Kconfig:7", pp.expandString("$(filename):$(lineno)"));
    }

    @Test
    void builtinArgumentCountsAreChecked() {
        Preprocessor pp = preprocessor();
        assertEquals("arch/x86/Kconfig:12: too few function arguments passed to 'info'",
                assertThrows(KconfigException.class, () -> pp.expandString("$(info)")).getMessage());
        assertEquals("arch/x86/Kconfig:12: too many function arguments passed to 'info'",
                assertThrows(KconfigException.class, () -> pp.expandString("$(info,a,b)")).getMessage());
        assertEquals("arch/x86/Kconfig:12: too many function arguments passed to 'filename'",
                assertThrows(KconfigException.class, () -> pp.expandString("$(filename,x)")).getMessage());
        assertEquals("arch/x86/Kconfig:12: too few function arguments passed to 'error-if'",
                assertThrows(KconfigException.class, () -> pp.expandString("$(error-if,y)")).getMessage());
    }

    // --- $(shell,...)

    @Test
    void shellJoinsLinesWithSpaces() {
        assertEquals("a b", preprocessor().expandString("$(shell,echo a; echo b)"));
    }

    @Test
    void shellStripsTrailingNewlinesOnly() {
        assertEquals("  x  y", preprocessor().expandString("$(shell,printf '\\n x\\n y\\n\\n\\n')"));
    }

    @Test
    void shellSeesExactlyTheGivenEnvironment() {
        Preprocessor pp = preprocessor(Map.of("FOO", "bar"));
        assertEquals("bar-", pp.expandString("$(shell,echo $FOO-$HOME)"));
    }

    @Test
    void shellRunsInTheWorkingDirectory(@TempDir Path dir) throws IOException {
        Preprocessor pp = preprocessor();
        pp.setWorkingDirectory(dir);
        assertEquals(dir.toRealPath().toString(), pp.expandString("$(shell,pwd -P)"));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void shellKeepsAtMost4095BytesAndDoesNotWaitForEndlessOutput() {
        Preprocessor pp = preprocessor();
        String out = pp.expandString("$(shell,yes)");
        assertEquals(4095, out.length());
        assertTrue(out.startsWith("y y y "));
        assertTrue(out.endsWith(" y"));
    }

    @Test
    void shellOutputStopsAtNulByte() {
        assertEquals("ab", preprocessor().expandString("$(shell,printf 'ab\\000cd')"));
    }

    @Test
    void shellRunnerIsPluggable() {
        List<String> commands = new ArrayList<>();
        Preprocessor pp = new Preprocessor(Map.of("K", "v"), reporter, () -> location,
                (command, env, cwd) -> {
                    commands.add(command + " " + env);
                    return "out";
                });

        assertEquals("<out>", pp.expandString("<$(shell,run $(K))>"));
        assertEquals(List.of("run v {K=v}"), commands);
    }

    // --- the lexer's entry points

    @Test
    void expandOneTokenStopsAtTheEndOfTheToken() {
        Preprocessor pp = preprocessor();
        pp.assign("X", "1 2", SIMPLE);

        assertEquals(new Expansion("foo1 2bar", 10), pp.expandOneToken("foo$(X)bar baz"));
        assertEquals(new Expansion("a-b_c1 2", 9), pp.expandOneToken("a-b_c$(X)=y"));
        assertEquals(new Expansion("", 4), pp.expandOneToken("$(Y)"));
    }

    @Test
    void expandOneTokenKeepsSpacesInsideReferencesAndALoneDollar() {
        Preprocessor pp = preprocessor();
        pp.assign("f", "$(1)$(2)", RECURSIVE);

        assertEquals(new Expansion("a b$", 10), pp.expandOneToken("$(f,a, b)$ x"));
    }

    @Test
    void expandDollarExpandsOneReference() {
        Preprocessor pp = preprocessor();
        pp.assign("X", "x", SIMPLE);

        assertEquals(new Expansion("x", 3), pp.expandDollar("(X)$(X)\""));
        assertEquals(new Expansion("$", 0), pp.expandDollar("X\""));
        assertEquals(new Expansion("$", 0), pp.expandDollar(""));
    }

    // --- the kernel's scripts/Kconfig.include

    @Test
    void kconfigIncludeConvenienceVariables() {
        Preprocessor pp = preprocessor();
        defineKconfigIncludeMacros(pp);

        assertEquals(", \" ' [] $ ) (",
                pp.expandString("$(comma)$(space)$(quote) $(squote) [$(empty)]$(space)$(dollar) $(right_paren) "
                        + "$(left_paren)"));
    }

    @Test
    void kconfigIncludeSuccessFailureAndIfSuccess() {
        Preprocessor pp = preprocessor();
        defineKconfigIncludeMacros(pp);

        assertEquals("y n", pp.expandString("$(success,true) $(success,false)"));
        assertEquals("n y", pp.expandString("$(failure,true) $(failure,false)"));
        assertEquals("yes|no", pp.expandString("$(if-success,true,yes,no)|$(if-success,false,yes,no)"));
        assertEquals("y", pp.expandString("$(success,test a$(comma)b = a$(comma)b)"));
    }

    @Test
    void kconfigIncludeCompilerCheck() {
        String check = "$(error-if,$(failure,command -v $(CC)),C compiler '$(CC)' not found)";
        Preprocessor found = preprocessor(Map.of("CC", "true"));
        defineKconfigIncludeMacros(found);
        assertEquals("", found.expandString(check));

        Preprocessor missing = preprocessor(Map.of("CC", "kforge-no-such-cc"));
        defineKconfigIncludeMacros(missing);
        KconfigException e = assertThrows(KconfigException.class, () -> missing.expandString(check));
        assertEquals("arch/x86/Kconfig:12: C compiler 'kforge-no-such-cc' not found", e.getMessage());
        assertEquals(Map.of("CC", "kforge-no-such-cc"), missing.environmentUsed());
    }

    @Test
    void kconfigIncludeVersionSplitting() {
        Preprocessor pp = preprocessor();
        defineKconfigIncludeMacros(pp);
        pp.assign("cc-info", "$(shell,echo GCC 120200)", SIMPLE);
        pp.assign("cc-name", "$(shell,set -- $(cc-info) && echo $1)", SIMPLE);
        pp.assign("cc-version", "$(shell,set -- $(cc-info) && echo $2)", SIMPLE);

        assertEquals("GCC 120200", pp.expandString("$(cc-name) $(cc-version)"));
        assertEquals("", pp.expandString("$(error-if,$(success,test -z \"$(cc-info)\"),Sorry$(comma) unsupported.)"));
    }
}
