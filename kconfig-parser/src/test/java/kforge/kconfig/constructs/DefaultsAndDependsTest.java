package kforge.kconfig.constructs;

import static kforge.kconfig.constructs.ConfPair.same;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import kforge.kconfig.conf.ConfMode;

/** config entries: default / def_bool / def_tristate with and without 'if', prompts with 'if', depends on. */
class DefaultsAndDependsTest {
    @TempDir
    Path dir;

    @Test
    void firstDefaultWhoseConditionHoldsWins() {
        ConfPair.Outcome conf = same(dir, """
                config FOO
                    bool "foo"
                config BAR
                    bool "bar"
                    default y
                config S
                    string "s"
                    default "from foo" if FOO
                    default "from bar" if BAR
                    default "fallback"
                config I
                    int "i"
                    default 1 if FOO
                    default 2
                """, ConfMode.ALLDEFCONFIG);

        assertTrue(conf.has("CONFIG_S=\"from bar\""), conf.config());
        assertTrue(conf.has("CONFIG_I=2"), conf.config());
    }

    @Test
    void boolDefaultIsLimitedByItsCondition() {
        // 'default y if X' with X = m gives m for a tristate: the condition is and-ed with the value.
        same(dir, """
                config MODULES
                    def_bool y
                    modules
                config X
                    def_tristate m
                config T
                    tristate "t"
                    default y if X
                config U
                    tristate "u"
                    default X
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void defBoolAndDefTristate() {
        // def_bool/def_tristate give the type and a default in one line, with an optional condition.
        same(dir, """
                config MODULES
                    def_bool y
                    modules
                config A
                    def_bool y
                config B
                    def_bool y if C
                config C
                    def_bool n
                config D
                    def_tristate m
                config E
                    def_tristate y if !C
                config F
                    def_bool D
                config G
                    def_bool y
                    prompt "g"
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void defaultsFromSeveralDefinitionsAreTriedInOrder() {
        same(dir, """
                config A
                    int "a"
                config USE_SECOND
                    def_bool y
                config A
                    default 7 if USE_SECOND
                config A
                    default 9
                """, ConfMode.ALLDEFCONFIG);
    }

    @ParameterizedTest
    @EnumSource(value = ConfMode.class, names = {"ALLNOCONFIG", "ALLYESCONFIG", "ALLDEFCONFIG"})
    void dependsOnLimitsValueAndVisibility(ConfMode mode) {
        same(dir, """
                config MODULES
                    bool "modules"
                    modules
                config DEP
                    tristate "dep"
                config A
                    tristate "a"
                    depends on DEP
                    default y
                config B
                    bool "b"
                    depends on DEP
                    default y
                config C
                    string "c"
                    depends on DEP
                    default "c"
                """, mode);
    }

    @Test
    void boolDependingOnModuleTristateIsLimitedToY() {
        // A bool whose dependency is m is still visible and may be y (bool rounds m up).
        same(dir, """
                config MODULES
                    def_bool y
                    modules
                config DEP
                    def_tristate m
                config B
                    bool "b"
                    depends on DEP
                    default y
                config T
                    tristate "t"
                    depends on DEP
                    default y
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void promptWithConditionAndPromptKeyword() {
        same(dir, """
                config SHOW
                    bool "show"
                config A
                    bool
                    prompt "a" if SHOW
                    default y
                config B
                    string
                    prompt "b"
                    default "b"
                """, ConfMode.ALLNOCONFIG);
    }

    @Test
    void defaultUserValueIsReadBackAndKept() {
        ConfPair.kconfig(dir, """
                config A
                    bool "a"
                    default y
                config S
                    string "s"
                    default "default"
                config I
                    int "i"
                    default 1
                """).dotConfig("""
                # CONFIG_A is not set
                CONFIG_S="custom"
                CONFIG_I=2
                """).runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void dependsOnTheConstantN() {
        same(dir, """
                config GONE
                    bool "gone"
                    depends on n
                    default y
                config FORCED
                    bool "forced"
                    depends on y
                    default y
                """, ConfMode.ALLYESCONFIG);
    }

    @Test
    void dependsOnUsingAStringSymbolDirectly() {
        // A non-tristate symbol in a boolean context evaluates to n (conf warns nothing).
        same(dir, """
                config S
                    string "s"
                    default "y"
                config A
                    bool "a"
                    depends on S
                    default y
                """, ConfMode.ALLDEFCONFIG);
    }
}
