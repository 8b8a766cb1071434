package kforge.kconfig.constructs;

import static kforge.kconfig.constructs.ConfPair.same;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import kforge.kconfig.conf.ConfMode;

/**
 * Structure: menu/endmenu (with depends on and visible if), comment, if/endif, mainmenu, menuconfig and
 * the automatic submenus menu_finalize builds. .config shows menus as comment blocks and "# end of" lines;
 * oldaskconfig shows the submenu nesting as indentation.
 */
class MenuTest {
    @TempDir
    Path dir;

    @Test
    void menuWritesCommentBlockAndEndMarker() {
        ConfPair.Outcome conf = same(dir, """
                menu "Outer"
                config A
                    bool "a"
                    default y
                menu "Inner"
                config B
                    bool "b"
                endmenu
                endmenu
                config C
                    bool "c"
                """, ConfMode.ALLDEFCONFIG);

        assertTrue(conf.has("# end of Inner"), conf.config());
        assertTrue(conf.has("# end of Outer"), conf.config());
    }

    @Test
    void emptyMenuAndMenuOfInvisibleSymbols() {
        same(dir, """
                menu "Empty"
                endmenu
                menu "Only hidden"
                config H
                    bool
                    default y
                endmenu
                menu "Only comment"
                comment "just a comment"
                endmenu
                """, ConfMode.ALLDEFCONFIG);
    }

    @ParameterizedTest
    @EnumSource(value = ConfMode.class, names = {"ALLNOCONFIG", "ALLYESCONFIG"})
    void menuDependsOnPropagatesToEveryEntry(ConfMode mode) {
        same(dir, """
                config GATE
                    bool "gate"
                menu "Gated"
                    depends on GATE
                config A
                    bool "a"
                    default y
                comment "gated comment"
                config S
                    string "s"
                    default "x"
                endmenu
                """, mode);
    }

    @ParameterizedTest
    @EnumSource(value = ConfMode.class, names = {"ALLNOCONFIG", "ALLYESCONFIG", "ALLDEFCONFIG"})
    void visibleIfHidesPromptsButKeepsDefaults(ConfMode mode) {
        // 'visible if n' only hides the prompts: A keeps its default y even in allnoconfig,
        // unlike 'depends on', which would force it off.
        ConfPair.Outcome conf = same(dir, """
                config SHOW
                    bool "show"
                menu "Hidden menu"
                    visible if SHOW
                config A
                    bool "a"
                    default y
                config B
                    bool "b"
                endmenu
                """, mode);

        if (mode == ConfMode.ALLNOCONFIG) {
            assertTrue(conf.has("CONFIG_A=y"), conf.config());
        }
    }

    @Test
    void visibleIfAndDependsOnTogether() {
        same(dir, """
                config SHOW
                    bool "show"
                    default y
                config DEP
                    bool "dep"
                    default y
                menu "Both"
                    visible if SHOW
                    depends on DEP
                config A
                    bool "a"
                endmenu
                """, ConfMode.ALLNOCONFIG);
    }

    @Test
    void commentsAreWrittenWhenVisible() {
        ConfPair.Outcome conf = same(dir, """
                config ON
                    def_bool y
                comment "always here"
                comment "only with ON"
                    depends on ON
                comment "never"
                    depends on !ON
                """, ConfMode.ALLDEFCONFIG);

        assertTrue(conf.has("# always here"), conf.config());
        assertFalse(conf.has("# never"), conf.config());
    }

    @ParameterizedTest
    @EnumSource(value = ConfMode.class, names = {"ALLNOCONFIG", "ALLYESCONFIG"})
    void ifEndifAddsItsConditionToEveryEntry(ConfMode mode) {
        same(dir, """
                config OUTER
                    bool "outer"
                config INNER
                    bool "inner"
                if OUTER
                config A
                    bool "a"
                    default y
                if INNER
                config B
                    bool "b"
                    default y
                comment "inside both"
                endif
                menu "in if"
                config C
                    bool "c"
                endmenu
                endif
                """, mode);
    }

    @Test
    void ifConditionAppliesToDefaultsOfHiddenSymbols() {
        // A promptless symbol inside if/endif is still limited by the condition.
        same(dir, """
                config OFF
                    bool
                if OFF
                config HIDDEN
                    bool
                    default y
                endif
                config SHOWN
                    bool
                    default y
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void mainmenuSetsTheHeaderTitle() {
        ConfPair.Outcome conf = same(dir, """
                mainmenu "My Project Configuration"
                config A
                    bool "a"
                """, ConfMode.ALLDEFCONFIG);

        assertTrue(conf.config().contains("# My Project Configuration\n"), conf.config());
    }

    @Test
    void mainmenuTitleExpandsVariables() {
        // mainmenu must be the first statement, so the title can only use environment variables
        // and built-in functions.
        ConfPair.kconfig(dir, """
                mainmenu "$(PROJECT) $(filename):$(lineno) config"
                config A
                    bool "a"
                """).env("PROJECT", "widget").runSame(ConfMode.ALLDEFCONFIG);
    }

    @Test
    void mainmenuAfterAnotherStatementIsRejected() {
        // conf's grammar only allows mainmenu first; both fail and write nothing. The wording differs on
        // purpose (kforge names the unexpected token: "Kconfig:3: syntax error, unexpected 'mainmenu'",
        // conf prints "Kconfig:4: syntax error" and "Kconfig:3: invalid statement"), so only the outcome
        // is compared.
        ConfPair.Both both = ConfPair.kconfig(dir, """
                config A
                    bool "a"
                mainmenu "late"
                config B
                    bool "b"
                """).run(ConfMode.ALLDEFCONFIG).assertSameConfig();

        assertTrue(both.conf().exit() != 0);
    }

    @ParameterizedTest
    @EnumSource(value = ConfMode.class, names = {"ALLNOCONFIG", "ALLYESCONFIG"})
    void menuconfigWithDependentEntries(ConfMode mode) {
        // The symbols that follow a menuconfig and depend on it become its menu; written without "# end of".
        same(dir, """
                menuconfig NET
                    bool "networking"
                if NET
                config IPV4
                    bool "ipv4"
                    default y
                config IPV6
                    bool "ipv6"
                endif
                config OTHER
                    bool "other"
                """, mode);
    }

    @Test
    void automaticSubmenusAsOldaskconfigShowsThem() {
        // The kernel's auto_submenu fixture: consecutive dependents nest, a later one does not.
        ConfPair.kernelKconfig(dir, "auto_submenu").runSame(ConfMode.OLDASKCONFIG);
    }

    @Test
    void dependencyPropagationInSavedefconfig() {
        // Values implied by menu and if dependencies, and by select, are not repeated in the defconfig.
        ConfPair.kconfig(dir, """
                config A
                    bool "a"
                config SEL
                    bool "sel"
                menu "m"
                    depends on A
                config B
                    bool "b"
                    default y
                config C
                    bool "c"
                endmenu
                if A
                config D
                    bool "d"
                    select SEL
                endif
                """).dotConfig("""
                CONFIG_A=y
                CONFIG_B=y
                CONFIG_C=y
                CONFIG_D=y
                CONFIG_SEL=y
                """).runSame(ConfMode.SAVEDEFCONFIG);
    }

    @Test
    void menuDependencyTurnsChildrenOffWhenReadFromDotConfig() {
        // Values in .config for entries of a menu whose dependency is now unmet are dropped.
        ConfPair.kconfig(dir, """
                config A
                    bool "a"
                menu "m"
                    depends on A
                config B
                    bool "b"
                endmenu
                """).dotConfig("# CONFIG_A is not set\nCONFIG_B=y\n").runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void conditionalPromptHidesOnlyThePrompt() {
        // 'prompt ... if X' makes the symbol invisible when X is n; its default still applies.
        same(dir, """
                config X
                    bool "x"
                config A
                    bool "a" if X
                    default y
                config B
                    bool
                    prompt "b" if !X
                    default y
                """, ConfMode.ALLNOCONFIG);
    }

    @Test
    void dependsOnLinesAccumulate() {
        same(dir, """
                config X
                    bool "x"
                    default y
                config Y
                    bool "y"
                config A
                    bool "a"
                    default y
                    depends on X
                    depends on Y
                config B
                    bool "b"
                    default y
                    depends on X
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void listnewconfigWalksMenusInOrder() {
        same(dir, """
                menu "m"
                config A
                    bool "a"
                menuconfig B
                    bool "b"
                    default y
                config B1
                    bool "b1"
                    depends on B
                endmenu
                config C
                    int "c"
                    default 3
                """, ConfMode.LISTNEWCONFIG);
    }
}
