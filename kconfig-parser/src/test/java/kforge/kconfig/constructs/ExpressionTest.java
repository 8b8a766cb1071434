package kforge.kconfig.constructs;

import static kforge.kconfig.constructs.ConfPair.same;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.conf.ConfMode;

/**
 * Expressions: comparisons (=, !=, &lt;, &lt;=, &gt;, &gt;=) on every type, tristate logic (&amp;&amp;, ||, !),
 * parentheses and quoted constants. Each result is a def_bool/def_tristate in .config, and helpnewconfig
 * prints the expressions back, so their printed form (operator precedence, parentheses) is compared too.
 */
class ExpressionTest {
    private static final String MODULES = """
            config MODULES
                def_bool y
                modules
            config Y
                def_tristate y
            config M
                def_tristate m
            config N
                def_tristate n
            """;

    @TempDir
    Path dir;

    @Test
    void tristateLogic() {
        // &&: minimum, ||: maximum, !: 2 - value (so !m = m).
        ConfPair.Outcome conf = same(dir, MODULES + """
                config AND_YM
                    def_tristate Y && M
                config AND_MN
                    def_tristate M && N
                config OR_MN
                    def_tristate M || N
                config OR_YM
                    def_tristate Y || M
                config NOT_M
                    def_tristate !M
                config NOT_Y
                    def_tristate !Y
                config NOT_N
                    def_tristate !N
                """, ConfMode.ALLDEFCONFIG);

        assertTrue(conf.has("CONFIG_AND_YM=m"), conf.config());
        assertTrue(conf.has("CONFIG_NOT_M=m"), conf.config());
        assertTrue(conf.has("CONFIG_OR_YM=y"), conf.config());
    }

    @Test
    void precedenceAndParentheses() {
        // && binds tighter than ||; ! binds tightest.
        same(dir, MODULES + """
                config P1
                    def_bool Y || N && N
                config P2
                    def_bool (Y || N) && N
                config P3
                    def_bool !N && !(Y && N)
                config P4
                    def_bool !(N || N) || N
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void tristateEqualityComparesValues() {
        same(dir, MODULES + """
                config EQ_M
                    def_bool M = m
                config EQ_Y
                    def_bool M = y
                config NE_N
                    def_bool M != n
                config EQ_SYMBOLS
                    def_bool M = Y
                config QUOTED
                    def_bool Y = "y"
                config QUOTED_LEFT
                    def_bool "m" = M
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void intComparisons() {
        same(dir, """
                config I
                    int "i"
                    default 10
                config LT
                    def_bool I < 11
                config LE
                    def_bool I <= 10
                config GT
                    def_bool I > 10
                config GE
                    def_bool I >= 10
                config EQ
                    def_bool I = 10
                config NE
                    def_bool I != 10
                config NEGATIVE
                    def_bool -5 < I
                config NUMERIC_NOT_TEXT
                    def_bool I > 9
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void hexComparisons() {
        same(dir, """
                config H
                    hex "h"
                    default 0x20
                config LT
                    def_bool H < 0x21
                config GT
                    def_bool H > 0x1f
                config EQ_NO_PREFIX
                    def_bool H = 20
                config EQ_OTHER_CASE
                    def_bool H = 0X20
                config VS_DECIMAL
                    def_bool H > 31
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void stringComparisonsAreLexicographic() {
        same(dir, """
                config S
                    string "s"
                    default "banana"
                config EQ
                    def_bool S = "banana"
                config EQ_SINGLE_QUOTES
                    def_bool S = 'banana'
                config NE
                    def_bool S != "apple"
                config LT
                    def_bool S < "cherry"
                config GT
                    def_bool S > "apple"
                config EMPTY
                    def_bool S = ""
                config UNSET_STRING
                    string
                config UNSET_IS_EMPTY
                    def_bool UNSET_STRING = ""
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void comparisonWithUndefinedSymbol() {
        // An undefined name is a constant whose value is its own name.
        same(dir, """
                config A
                    def_bool UNDEFINED = "UNDEFINED"
                config B
                    def_bool UNDEFINED
                config C
                    def_bool !UNDEFINED
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void comparisonResultIsBoolEvenInTristateContext() {
        same(dir, MODULES + """
                config T
                    def_tristate M = m
                config U
                    def_tristate M != y && M
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void dependsOnWithComparisons() {
        same(dir, """
                config LEVEL
                    int "level"
                    range 0 9
                    default 5
                config HIGH
                    bool "high"
                    depends on LEVEL >= 5
                    default y
                config LOW
                    bool "low"
                    depends on LEVEL < 5
                    default y
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void expressionsPrintedByHelpnewconfig() {
        // conf prints prompts' and properties' expressions in its help (Depends on, Selected by, ...).
        same(dir, MODULES + """
                config I
                    int "i"
                    default 3
                config S
                    string "s"
                config A
                    tristate "a"
                    depends on (Y || N) && !M
                    depends on I >= 2 && I < 10 && S != "x"
                    default m if M = m || (Y && !N)
                config B
                    bool "b" if I > 1
                    select A if Y && (M || N)
                    imply A if !(Y || M)
                """, ConfMode.HELPNEWCONFIG);
    }

    @Test
    void mInExpressionsWithoutModules() {
        // Without a modules symbol m rounds up to y: A is y, so "A = m" is false and "A = y" true.
        same(dir, """
                config A
                    def_tristate m
                config B
                    def_bool A = m
                config C
                    def_bool A = y
                config D
                    def_tristate m && y
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void boolTestedForModuleIsReportedOnStdout() {
        // expr_transform rewrites "B = m" / "B != m" for a bool in dependencies (not in def_bool values) to
        // n / y, and says so on stdout while parsing.
        ConfPair.Outcome conf = same(dir, MODULES + """
                config B
                    bool "b"
                    default y
                config IS_M
                    bool "is m"
                    depends on B = m
                config NOT_M
                    bool "not m"
                    depends on B != m
                    default y
                config VALUE_ONLY
                    def_bool B = m
                """, ConfMode.ALLDEFCONFIG);

        assertTrue(conf.stdout().startsWith("boolean symbol B tested for 'm'? test forced to 'n'\n"
                + "boolean symbol B tested for 'm'? test forced to 'y'\n"), conf.stdout());
    }
}
