package kforge.kconfig.constructs;

import static kforge.kconfig.constructs.ConfPair.same;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.conf.ConfMode;

/**
 * The warnings and errors conf prints while parsing and finalizing menus (parser.y, menu.c, symbol.c)
 * and while reading .config (confdata.c); each must appear on stderr in the same words and order.
 */
class DiagnosticsTest {
    @TempDir
    Path dir;

    @Test
    void recursiveDependencies() {
        // The kernel's tests/err_recursive_dep fixture: every kind of dependency loop.
        ConfPair.Outcome conf = ConfPair.kernelKconfig(dir, "err_recursive_dep").runSame(ConfMode.ALLDEFCONFIG);

        assertEquals(1, conf.exit());
        assertTrue(conf.stderr().startsWith("Kconfig:11:error: recursive dependency detected!\n"), conf.stderr());
    }

    @Test
    void recursiveDependencyThroughAChoice() {
        same(dir, """
                choice
                    prompt "c"
                config C1
                    bool "c1"
                    depends on X
                config C2
                    bool "c2"
                endchoice
                config X
                    bool "x"
                    depends on C2
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void recursiveDependencyThroughRangeAndPrompt() {
        same(dir, """
                config I
                    int "i"
                    range 0 J
                config J
                    int "j" if K
                    default I
                config K
                    def_bool J > 3
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void typeRedefinitionIsIgnored() {
        same(dir, """
                config A
                    bool "a"
                config A
                    tristate
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void symbolWithoutType() {
        same(dir, """
                config NO_TYPE
                    prompt "no type"
                config ALSO_NO_TYPE
                    default y
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void promptWarnings() {
        // Leading whitespace in a prompt is dropped; a second prompt on one entry replaces the first.
        same(dir, """
                config A
                    bool "   leading spaces"
                config B
                    bool "first"
                    prompt "second"
                """, ConfMode.HELPNEWCONFIG);
    }

    private static final String MENUCONFIG_WITHOUT_PROMPT = """
            menuconfig M
                bool
            config N
                bool "n"
                depends on M
            """;

    @Test
    void menuconfigWithoutPromptWarns() {
        ConfPair.Both both = ConfPair.kconfig(dir, MENUCONFIG_WITHOUT_PROMPT).run(ConfMode.ALLDEFCONFIG)
                .assertSameConfig();

        assertTrue(both.kforge().stderr().endsWith(": warning: menuconfig statement without prompt\n"),
                both.kforge().stderr());
    }

    @Test
    void menuconfigWithoutPromptWarningLine() {
        same(dir, MENUCONFIG_WITHOUT_PROMPT, ConfMode.ALLDEFCONFIG);
    }

    private static final String HELP_WARNINGS = """
            config A
            \tbool "a"
            \thelp
            \t  First help.
            \thelp
            \t  Second help.
            config B
            \tbool "b"
            \thelp

            config C
            \tbool "c"
            """;

    @Test
    void helpTextWarnings() {
        // Two help blocks: the last one wins; a blank help block is reported.
        ConfPair.Both both = ConfPair.kconfig(dir, HELP_WARNINGS).run(ConfMode.HELPNEWCONFIG).assertSameConfig();

        assertEquals(both.conf().stdout(), both.kforge().stdout());
        assertTrue(both.kforge().stderr().contains(
                ": warning: 'A' defined with more than one help text -- only the last one will be used\n"),
                both.kforge().stderr());
        assertTrue(both.kforge().stderr().contains(": warning: 'B' defined with blank help text\n"),
                both.kforge().stderr());
    }

    @Test
    void helpTextWarningLines() {
        same(dir, HELP_WARNINGS, ConfMode.HELPNEWCONFIG);
    }

    @Test
    void defaultsThatMustBeSingleSymbols() {
        same(dir, """
                config A
                    bool "a"
                config S
                    string "s"
                    default "x" && A
                config I
                    int "i"
                    default 1 || A
                config J
                    int "j"
                    default abc
                config H
                    hex "h"
                    default zz
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void selectAndImplyTypeWarnings() {
        same(dir, """
                config S
                    string "s"
                    select B
                    imply B
                config B
                    bool "b"
                    select S
                    imply I
                config I
                    int "i"
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void rangeWarnings() {
        same(dir, """
                config B
                    bool "b"
                    range 0 1
                config I
                    int "i"
                    range x 10
                config J
                    int "j"
                    range 0 B
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void choiceWarnings() {
        same(dir, """
                choice
                    prompt "c"
                    default NOT_IN_CHOICE
                config CV1
                    bool "cv1"
                    default y
                config CV2
                    bool
                endchoice
                config NOT_IN_CHOICE
                    bool "outside"
                config CV1
                    prompt "cv1 outside"
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void choiceWithoutPrompt() {
        same(dir, """
                choice
                config C1
                    bool "c1"
                config C2
                    bool "c2"
                endchoice
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void mismatchedEndKeyword() {
        // conf names the block words: "Kconfig:4: unexpected 'if' within menu block".
        ConfPair.Outcome conf = same(dir, """
                menu "m"
                config A
                    bool "a"
                endif
                """, ConfMode.ALLDEFCONFIG);

        assertEquals(1, conf.exit());
    }

    @Test
    void unknownStatementFails() {
        ConfPair.Both both = ConfPair.kconfig(dir, """
                config A
                    bool "a"
                    bogus
                """).run(ConfMode.ALLDEFCONFIG).assertSameConfig();

        assertEquals(1, both.conf().exit());
    }

    @Test
    void unknownStatementMessage() {
        same(dir, """
                config A
                    bool "a"
                    bogus
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void unterminatedMenuFails() {
        ConfPair.Both both = ConfPair.kconfig(dir, """
                menu "m"
                config A
                    bool "a"
                """).run(ConfMode.ALLDEFCONFIG).assertSameConfig();

        assertEquals(1, both.conf().exit());
        assertTrue(both.kforge().stderr().contains("Kconfig:1: missing end statement for this entry\n"),
                both.kforge().stderr());
    }

    @Test
    void dotConfigChoiceWarnings() {
        // Reading two y entries of one choice, or m into a y choice, is reported and resolved like conf.
        ConfPair.kconfig(dir, """
                config MODULES
                    def_bool y
                    modules
                choice
                    prompt "bool choice"
                config B1
                    bool "b1"
                config B2
                    bool "b2"
                endchoice
                choice
                    prompt "tristate choice"
                config T1
                    tristate "t1"
                config T2
                    tristate "t2"
                endchoice
                """).dotConfig("CONFIG_B1=y\nCONFIG_B2=y\nCONFIG_T1=y\nCONFIG_T2=m\n").runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void dotConfigUnknownSymbolsAreSilentForConf() {
        // conf only reports unknown symbols when reading auto.conf; a .config with them is read quietly.
        ConfPair.kconfig(dir, """
                config A
                    bool "a"
                """).dotConfig("CONFIG_GONE=y\n# CONFIG_ALSO_GONE is not set\nCONFIG_A=y\n")
                .runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void kconfigWerrorTurnsDotConfigWarningsIntoFailure() {
        ConfPair.Outcome conf = ConfPair.kconfig(dir, """
                config I
                    int "i"
                """).dotConfig("CONFIG_I=notanumber\n").env("KCONFIG_WERROR", "1").runSame(ConfMode.OLDDEFCONFIG);

        assertEquals(1, conf.exit());
    }

    @Test
    void kconfigWerrorWithUnmetDependencyWarning() {
        ConfPair.kconfig(dir, """
                config DEP
                    bool "dep"
                config A
                    bool "a"
                    default y
                    select B
                config B
                    bool "b"
                    depends on DEP
                """).env("KCONFIG_WERROR", "1").runSame(ConfMode.ALLDEFCONFIG);
    }

    @Test
    void unterminatedMenuMessage() {
        same(dir, """
                menu "m"
                config A
                    bool "a"
                """, ConfMode.ALLDEFCONFIG);
    }
}
