package kforge.kconfig.constructs;

import static kforge.kconfig.constructs.ConfPair.same;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import kforge.kconfig.conf.ConfMode;

/** choice/endchoice: plain, optional, named, with defaults, tristate, and as conf's own tests use them. */
class ChoiceTest {
    /** The kernel's scripts/kconfig/tests/choice fixture, from the reference tree: the four kinds of choice. */
    private static ConfPair fourChoices(Path dir) {
        return ConfPair.kernelKconfig(dir, "choice");
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = ConfMode.class, names = {"ALLNOCONFIG", "ALLYESCONFIG", "ALLMODCONFIG", "ALLDEFCONFIG"})
    void kernelChoiceFixtureInEveryAllMode(ConfMode mode) {
        fourChoices(dir).runSame(mode);
    }

    @Test
    void kernelChoiceFixtureAskedWithoutAnswers() {
        // oldaskconfig prints every question; with no input each takes its default.
        fourChoices(dir).runSame(ConfMode.OLDASKCONFIG);
    }

    @Test
    void defaultNamesTheSelectedEntry() {
        ConfPair.Outcome conf = same(dir, """
                choice
                    prompt "pick"
                    default C2
                config C1
                    bool "one"
                config C2
                    bool "two"
                config C3
                    bool "three"
                endchoice
                """, ConfMode.ALLDEFCONFIG);

        assertTrue(conf.has("CONFIG_C2=y"), conf.config());
        assertTrue(conf.has("# CONFIG_C1 is not set"), conf.config());
    }

    @Test
    void withoutDefaultTheFirstVisibleEntryWins() {
        // C1 is invisible (its dependency is off), so C2 is the first candidate.
        same(dir, """
                config OFF
                    bool
                choice
                    prompt "pick"
                config C1
                    bool "one"
                    depends on OFF
                config C2
                    bool "two"
                config C3
                    bool "three"
                endchoice
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void conditionalDefaults() {
        same(dir, """
                config FAST
                    bool "fast"
                    default y
                choice
                    prompt "speed"
                    default SPEED_HIGH if FAST
                    default SPEED_LOW
                config SPEED_LOW
                    bool "low"
                config SPEED_HIGH
                    bool "high"
                endchoice
                choice
                    prompt "speed 2"
                    default SPEED2_HIGH if !FAST
                    default SPEED2_LOW
                config SPEED2_LOW
                    bool "low"
                config SPEED2_HIGH
                    bool "high"
                endchoice
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void defaultNamingAnInvisibleEntryFallsBackToTheFirstVisible() {
        same(dir, """
                choice
                    prompt "pick"
                    default C3
                config C1
                    bool "one"
                config C2
                    bool "two"
                config C3
                    bool "three"
                    depends on n
                endchoice
                """, ConfMode.ALLDEFCONFIG);
    }

    @ParameterizedTest
    @EnumSource(value = ConfMode.class, names = {"ALLNOCONFIG", "ALLYESCONFIG", "ALLDEFCONFIG"})
    void optionalChoice(ConfMode mode) {
        same(dir, """
                choice
                    prompt "maybe"
                    optional
                config O1
                    bool "one"
                config O2
                    bool "two"
                endchoice
                """, mode);
    }

    @Test
    void choiceDependsOnHidesItsEntriesFromDotConfig() {
        // The kernel's no_write_if_dep_unmet: an unmet choice dependency writes no "is not set" lines.
        ConfPair.kernelKconfig(dir, "no_write_if_dep_unmet").runSame(ConfMode.ALLNOCONFIG);
    }

    @Test
    void choiceDependsOnMetWritesTheChoice() {
        same(dir, """
                config FEATURE
                    bool "feature"
                    default y
                choice
                    prompt "flavour"
                    depends on FEATURE
                config FLAVOUR_SWEET
                    bool "sweet"
                config FLAVOUR_SOUR
                    bool "sour"
                endchoice
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void namedChoiceDefinedInTwoPlaces() {
        // A named choice may be reopened; the entries of both blocks belong to the one choice. conf warns
        // that the default N3 "is not contained in the choice" (it checks before the blocks are joined),
        // yet N3 is the entry it selects.
        same(dir, """
                choice MY_CHOICE
                    prompt "named"
                    default N3
                config N1
                    bool "one"
                config N2
                    bool "two"
                endchoice

                config BETWEEN
                    bool "between"
                    default y

                choice MY_CHOICE
                config N3
                    bool "three"
                endchoice
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void choiceTypeDeclaredOnTheChoice() {
        same(dir, """
                config MODULES
                    def_bool y
                    modules
                choice
                    tristate "typed tristate choice"
                config T1
                    tristate "one"
                config T2
                    tristate "two"
                endchoice
                choice
                    bool "typed bool choice"
                config B1
                    bool "one"
                config B2
                    bool "two"
                endchoice
                """, ConfMode.ALLMODCONFIG);
    }

    @Test
    void tristateChoiceWithoutModulesIsABoolChoice() {
        same(dir, """
                choice
                    prompt "pick"
                config T1
                    tristate "one"
                config T2
                    tristate "two"
                endchoice
                """, ConfMode.ALLMODCONFIG);
    }

    @Test
    void tristateChoiceFromDotConfigInModuleMode() {
        // Both entries at m is legal for a tristate choice in m mode.
        ConfPair.kconfig(dir, """
                config MODULES
                    def_bool y
                    modules
                choice
                    prompt "pick"
                config T1
                    tristate "one"
                config T2
                    tristate "two"
                endchoice
                """).dotConfig("""
                CONFIG_T1=m
                CONFIG_T2=m
                """).runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void userSelectionFromDotConfigOverridesTheDefault() {
        ConfPair.Outcome conf = ConfPair.kconfig(dir, """
                choice
                    prompt "pick"
                    default C1
                config C1
                    bool "one"
                config C2
                    bool "two"
                endchoice
                """).dotConfig("CONFIG_C2=y\n").runSame(ConfMode.OLDDEFCONFIG);

        assertTrue(conf.has("CONFIG_C2=y"), conf.config());
    }

    @Test
    void savedefconfigKeepsOnlyANonDefaultSelection() {
        ConfPair pair = ConfPair.kconfig(dir, """
                choice
                    prompt "pick"
                    default C1
                config C1
                    bool "one"
                config C2
                    bool "two"
                endchoice
                choice
                    prompt "other"
                config D1
                    bool "one"
                config D2
                    bool "two"
                endchoice
                """);
        pair.dotConfig("CONFIG_C2=y\nCONFIG_D1=y\n").runSame(ConfMode.SAVEDEFCONFIG);
    }

    @Test
    void choiceValueWithModuleDependency() {
        // The kernel's choice_value_with_m_dep: answering y hides the entry that depends on an m symbol.
        ConfPair.kernelKconfig(dir, "choice_value_with_m_dep")
                .dotConfig(ConfPair.kernelTest("choice_value_with_m_dep/config"))
                .stdin("y\n").runSame(ConfMode.OLDASKCONFIG);
    }

    @Test
    void choiceGuardedByAnotherChoicesEntry() {
        // The kernel's inter_choice: a defconfig choosing one entry does not disturb the other choice.
        ConfPair.kernelKconfig(dir, "inter_choice")
                .workFile("defconfig", ConfPair.kernelTest("inter_choice/defconfig"))
                .run(ConfMode.DEFCONFIG, "defconfig").assertSame();
    }

    @Test
    void newChoiceEntriesAreAskedByOldconfig() {
        // The kernel's new_choice_with_dep: entries that become visible are marked (NEW) and asked.
        ConfPair.kernelKconfig(dir, "new_choice_with_dep")
                .dotConfig(ConfPair.kernelTest("new_choice_with_dep/config"))
                .stdin("y\n").runSame(ConfMode.OLDCONFIG);
    }

    @Test
    void symbolDependingOnTheEntryBeforeItIsNotAChoiceEntry() {
        // A config inside choice/endchoice that depends on the previous entry becomes its submenu,
        // not a member of the choice (menu_finalize).
        same(dir, """
                choice
                    prompt "pick"
                config C1
                    bool "one"
                config C1_EXTRA
                    bool "extra for one"
                    depends on C1
                    default y
                config C2
                    bool "two"
                endchoice
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void selectingAChoiceEntry() {
        // select on a choice value sets no user choice; the choice still follows its own default.
        same(dir, """
                config FORCE
                    bool "force"
                    default y
                    select C2
                choice
                    prompt "pick"
                config C1
                    bool "one"
                config C2
                    bool "two"
                endchoice
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void randconfigPicksAnEntryReproduciblyFromTheSeed() {
        ConfPair pair = fourChoices(dir);
        for (String seed : new String[] {"0x1", "0x2", "0x3", "0x7fffffff", "12345"}) {
            pair.env("KCONFIG_SEED", seed).runSame(ConfMode.RANDCONFIG);
        }
    }
}
