package kforge.kconfig.constructs;

import static kforge.kconfig.constructs.ConfPair.same;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.conf.ConfMode;

/**
 * The $(...) preprocessor: variables (=, :=, +=), user functions with $(1), the built-ins shell, info,
 * warning-if, error-if, filename and lineno, and expansion inside prompts, defaults, names and strings.
 * Messages are compared on stdout and stderr as well as the resulting .config.
 */
class PreprocessorConstructsTest {
    @TempDir
    Path dir;

    @Test
    void variableFlavors() {
        // The kernel's tests/preprocess/variable fixture.
        ConfPair.kernelKconfig(dir, "preprocess/variable").runSame(ConfMode.ALLDEFCONFIG);
    }

    @Test
    void escapes() {
        // The kernel's tests/preprocess/escape fixture: commas, quotes, lone '$' and unbalanced parentheses.
        ConfPair.kernelKconfig(dir, "preprocess/escape").runSame(ConfMode.ALLDEFCONFIG);
    }

    @Test
    void builtinFunctions() {
        // The kernel's tests/preprocess/builtin_func fixture.
        ConfPair.Outcome conf = ConfPair.kernelKconfig(dir, "preprocess/builtin_func").runSame(ConfMode.ALLDEFCONFIG);

        assertTrue(conf.stdout().startsWith("hello world 0\n"), conf.stdout());
        assertTrue(conf.stderr().contains("Kconfig:26: filename=Kconfig\n"), conf.stderr());
    }

    @Test
    void circularExpansionIsAnError() {
        // The kernel's tests/preprocess/circular_expansion fixture.
        ConfPair.Outcome conf = ConfPair.kernelKconfig(dir, "preprocess/circular_expansion")
                .runSame(ConfMode.ALLDEFCONFIG);

        assertNotEquals(0, conf.exit());
    }

    @Test
    void errorIfStopsParsing() {
        ConfPair.Outcome conf = same(dir, """
                $(info,before)
                $(error-if,y,stop here)
                $(info,after)
                config A
                    bool "a"
                """, ConfMode.ALLDEFCONFIG);

        assertEquals(1, conf.exit());
        assertEquals("before\n", conf.stdout());
    }

    @Test
    void warningIfOnlyForY() {
        same(dir, """
                $(warning-if,n,no)
                $(warning-if,,empty)
                $(warning-if,yes,not exactly y)
                $(warning-if,y,yes)
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void infoWithoutArgumentsIsAnError() {
        // $(info) passes no argument at all: "too few function arguments passed to 'info'".
        ConfPair.Outcome conf = same(dir, """
                $(info)
                """, ConfMode.ALLDEFCONFIG);

        assertEquals(1, conf.exit());
    }

    @Test
    void infoWithEmptyAndSpacedArguments() {
        same(dir, """
                $(info,)
                $(info,  padded  )
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void expansionInPromptsDefaultsAndDependencies() {
        ConfPair.kconfig(dir, """
                PREFIX := MY
                greeting = hello $(1)
                ON := y
                config $(PREFIX)_FEATURE
                    bool "$(greeting,world) feature"
                    default $(ON)
                config NAME
                    string "name"
                    default "$(PREFIX)-$(shell,echo name)"
                config GATED
                    bool "gated"
                    depends on $(PREFIX)_FEATURE && $(ON)
                    default y
                config FROM_ENV
                    string "from the environment"
                    default "$(SOME_ENV)"
                """).env("SOME_ENV", "environment value").runSame(ConfMode.ALLDEFCONFIG);
    }

    @Test
    void variablesShadowTheEnvironment() {
        ConfPair.kconfig(dir, """
                $(info,env first: $(SHADOWED))
                SHADOWED := from kconfig
                $(info,then: $(SHADOWED))
                $(info,undefined: [$(NOT_ANYWHERE)])
                """).env("SHADOWED", "from env").runSame(ConfMode.ALLDEFCONFIG);
    }

    @Test
    void assignmentValueKeepsEverythingToTheEndOfTheLine() {
        // The value of an assignment is raw: trailing blanks and '#' are kept, leading blanks dropped.
        same(dir, """
                A :=    spaced value\t  \s
                B := value # not a comment
                C :=
                D = $(A)|$(B)|$(C)
                $(info,[$(A)])
                $(info,[$(B)])
                $(info,[$(C)])
                $(info,[$(D)])
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void userFunctionArguments() {
        same(dir, """
                swap = $(2)$(1)
                nested = [$(swap,$(1),$(2))]
                count = $(3)
                $(info,$(swap,a,b))
                $(info,$(nested,x,y))
                $(info,[$(count,1,2)])
                $(info,$(swap, a , b ))
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void shellOutputNewlinesBecomeSpaces() {
        // Arguments are split at commas before expansion, so $(comma) passes one through to the shell.
        same(dir, """
                comma := ,
                $(info,[$(shell,printf 'a\\n\\nb\\n')])
                $(info,[$(shell,true)])
                $(info,[$(shell,false)])
                $(info,[$(shell,printf '  lead')])
                $(info,[$(shell,echo 'quoted$(comma) comma' | tr a-z A-Z)])
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void shellRunsInTheWorkingDirectory() {
        // conf runs $(shell,...) in its working directory (the object tree), not in srctree.
        ConfPair.kconfig(dir, """
                config VERSION
                    string "version"
                    default "$(shell,cat version.txt)"
                """).workFile("version.txt", "1.2.3\n").runSame(ConfMode.ALLDEFCONFIG);
    }

    @Test
    void shellSeesTheEnvironment() {
        ConfPair.kconfig(dir, """
                $(info,$(shell,echo $KF_VALUE))
                """).env("KF_VALUE", "exported").runSame(ConfMode.ALLDEFCONFIG);
    }

    @Test
    void filenameAndLinenoInSourcedFiles() {
        ConfPair.in(dir).file("Kconfig", """
                $(info,$(filename):$(lineno))
                source "sub/Kconfig"
                $(info,back in $(filename):$(lineno))
                """).file("sub/Kconfig", """

                $(info,$(filename):$(lineno))
                """).runSame(ConfMode.ALLDEFCONFIG);
    }

    @Test
    void continuationInsideAReferenceIsNotJoined() {
        // conf expands a $(...) from the rest of the physical line, so a backslash-newline inside it
        // leaves the reference unterminated.
        ConfPair.Outcome conf = same(dir, """
                $(info,first \\
                $(lineno))
                $(info,$(lineno))
                """, ConfMode.ALLDEFCONFIG);

        assertEquals(1, conf.exit());
    }

    @Test
    void linenoAfterAContinuedLine() {
        // Line numbers keep counting physical lines across backslash-newlines.
        same(dir, """
                config A
                    bool \\
                        "a"
                $(info,$(lineno))
                config S
                    string "s"
                    default \\
                        "$(lineno)"
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void tooManyArgumentsToABuiltin() {
        ConfPair.Outcome conf = same(dir, """
                $(shell,echo a,b)
                """, ConfMode.ALLDEFCONFIG);

        assertNotEquals(0, conf.exit());
    }

    @Test
    void tooFewArgumentsToABuiltin() {
        same(dir, """
                $(warning-if,y)
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void unterminatedReference() {
        same(dir, """
                $(info,$(X)
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void wordThatExpandsToNothingDisappears() {
        // A bare word containing '$' that expands to the empty string is dropped from the statement.
        same(dir, """
                EMPTY :=
                config A
                    bool "a" $(EMPTY)
                    default y $(EMPTY)
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void expansionInsideQuotedStrings() {
        ConfPair.kconfig(dir, """
                V := value
                config S
                    string "s"
                    default "a $(V) b '$(V)' $$ $ ( \\$(V)"
                config T
                    string "t"
                    default '$(V) "double"'
                """).runSame(ConfMode.ALLDEFCONFIG);
    }

    @Test
    void helpTextIsNotExpanded() {
        same(dir, """
                V := value
                config A
                    bool "a"
                    help
                      $(V) stays literal, so does $(shell,echo x).
                """, ConfMode.HELPNEWCONFIG);
    }

    @Test
    void recursiveUserFunctionIsAnError() {
        same(dir, """
                f = $(f,$(1))
                $(info,$(f,x))
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void shellOutputIsCutAt4095Bytes() {
        // conf reads one 4096-byte buffer and keeps at most 4095 bytes of it.
        same(dir, """
                config LONG
                    string "long"
                    default "$(shell,printf '%05000d' 7)"
                config EXACT
                    string "exact"
                    default "$(shell,printf '%04096d' 7)"
                """, ConfMode.ALLDEFCONFIG);
    }
}
