package kforge.kconfig.constructs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import kforge.kconfig.conf.ConfMode;

/**
 * conf's modes on one small tree that has a bit of everything, plus the environment that steers them:
 * KCONFIG_ALLCONFIG, KCONFIG_SEED, KCONFIG_PROBABILITY and KCONFIG_CONFIG.
 */
class ModesTest {
    private static final String TREE = """
            mainmenu "Modes test"

            config MODULES
                bool "modules"
                modules
                default y

            menu "Features"
            config FEATURE_A
                bool "feature a"
                default y
            config FEATURE_B
                bool "feature b"
                depends on FEATURE_A
            config DRIVER
                tristate "driver"
                default m
                select LIB
            config LIB
                tristate "lib"
            config IMPLIED
                tristate "implied"
            config IMPLIER
                tristate "implier"
                imply IMPLIED
            endmenu

            choice
                prompt "mode"
                default MODE_FAST
            config MODE_SLOW
                bool "slow"
            config MODE_FAST
                bool "fast"
            endchoice

            choice
                prompt "tristate choice"
            config TC_ONE
                tristate "one"
            config TC_TWO
                tristate "two"
            endchoice

            comment "Values"
            config NAME
                string "name"
                default "kforge"
            config COUNT
                int "count"
                range 1 64
                default 8
            config BASE
                hex "base"
                default 0x1000
            config HIDDEN
                bool
                default y if FEATURE_A
            """;

    @TempDir
    Path dir;

    private ConfPair tree() {
        return ConfPair.kconfig(dir, TREE);
    }

    @ParameterizedTest
    @EnumSource(value = ConfMode.class,
            names = {"ALLNOCONFIG", "ALLYESCONFIG", "ALLMODCONFIG", "ALLDEFCONFIG", "OLDDEFCONFIG",
                    "LISTNEWCONFIG", "HELPNEWCONFIG", "OLDASKCONFIG", "OLDCONFIG", "SAVEDEFCONFIG"})
    void everyModeFromScratch(ConfMode mode) {
        tree().runSame(mode);
    }

    @ParameterizedTest
    @EnumSource(value = ConfMode.class,
            names = {"ALLNOCONFIG", "ALLYESCONFIG", "ALLMODCONFIG", "ALLDEFCONFIG", "OLDDEFCONFIG",
                    "LISTNEWCONFIG", "HELPNEWCONFIG", "OLDCONFIG", "SAVEDEFCONFIG", "YES2MODCONFIG",
                    "MOD2YESCONFIG", "MOD2NOCONFIG"})
    void everyModeFromAnExistingDotConfig(ConfMode mode) {
        // A partial .config: some values set, one stale symbol, one value that is no longer valid.
        tree().dotConfig("""
                CONFIG_MODULES=y
                CONFIG_FEATURE_A=y
                CONFIG_DRIVER=y
                CONFIG_MODE_SLOW=y
                CONFIG_NAME="custom"
                CONFIG_COUNT=100
                CONFIG_REMOVED_LONG_AGO=y
                """).runSame(mode);
    }

    @Test
    void listnewconfigListsOnlyNewVisibleSymbols() {
        ConfPair.Outcome conf = tree().dotConfig("CONFIG_MODULES=y\nCONFIG_FEATURE_A=y\n")
                .runSame(ConfMode.LISTNEWCONFIG);

        assertTrue(conf.stdout().contains("CONFIG_FEATURE_B=n\n"), conf.stdout());
        assertEquals("CONFIG_MODULES=y\nCONFIG_FEATURE_A=y\n", conf.config(), "listnewconfig leaves .config alone");
    }

    @Test
    void olddefconfigWithCurrentConfigChangesNothing() {
        // conf reports "No change to .config" when the new text equals the old one.
        ConfPair pair = tree();
        String written = pair.runSame(ConfMode.ALLDEFCONFIG).config();
        pair.dotConfig(written).runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void savedefconfigAfterAlldefconfigIsNearlyEmpty() {
        ConfPair pair = tree();
        String written = pair.runSame(ConfMode.ALLDEFCONFIG).config();
        pair.dotConfig(written).runSame(ConfMode.SAVEDEFCONFIG);
    }

    @Test
    void savedefconfigAfterAllyesconfig() {
        ConfPair pair = tree();
        String written = pair.runSame(ConfMode.ALLYESCONFIG).config();
        pair.dotConfig(written).runSame(ConfMode.SAVEDEFCONFIG);
    }

    @Test
    void defconfigRoundTrip() {
        ConfPair pair = tree().workFile("my_defconfig", """
                CONFIG_FEATURE_B=y
                CONFIG_TC_TWO=y
                CONFIG_NAME="from defconfig"
                # CONFIG_MODULES is not set
                """);
        pair.run(ConfMode.DEFCONFIG, "my_defconfig").assertConfWrote().assertSame();
    }

    @Test
    void defconfigFileMissing() {
        ConfPair.Both both = tree().run(ConfMode.DEFCONFIG, "no_such_defconfig").assertSame();

        assertNotEquals(0, both.conf().exit());
    }

    @Test
    void oldconfigWithAnswers() {
        // Answers on stdin, echoed since stdin is not a terminal; an invalid answer is asked again.
        tree().dotConfig("CONFIG_MODULES=y\n").stdin("y\nmaybe\nn\nm\n\n2\n")
                .runSame(ConfMode.OLDCONFIG);
    }

    @Test
    void oldaskconfigWithAnswersForEveryType() {
        tree().stdin("n\ny\ny\ny\n\n\n2\n\nnewname\n9999\n12\nzz\n0x20\n").runSame(ConfMode.OLDASKCONFIG);
    }

    // ---- randconfig ----

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "0x2a", "12345", "0x7fffffff", "017"})
    void randconfigWithSeed(String seed) {
        ConfPair.Outcome conf = tree().env("KCONFIG_SEED", seed).runSame(ConfMode.RANDCONFIG);

        assertTrue(conf.stdout().startsWith("KCONFIG_SEED=0x"), conf.stdout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x80000000", "0xdeadbeef", "0xffffffff", "-1"})
    void randconfigWithSeedAboveTwoToThe31(String seed) {
        tree().env("KCONFIG_SEED", seed).runSame(ConfMode.RANDCONFIG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "100", "50:50", "10:20:30", "100:0:0", "0:100"})
    void randconfigWithProbability(String probability) {
        tree().env("KCONFIG_SEED", "0x1234").env("KCONFIG_PROBABILITY", probability)
                .runSame(ConfMode.RANDCONFIG);
    }

    @Test
    void randconfigWithInvalidProbability() {
        tree().env("KCONFIG_SEED", "0x1234").env("KCONFIG_PROBABILITY", "150").runSame(ConfMode.RANDCONFIG);
    }

    @Test
    void randconfigWithDefaultProbabilityNamedExplicitly() {
        // "50:33:33" is what conf uses without the variable, so this passes even while it is ignored.
        tree().env("KCONFIG_SEED", "0x1234").env("KCONFIG_PROBABILITY", "50:33:33").runSame(ConfMode.RANDCONFIG);
    }

    @Test
    void randconfigWithInvalidSeedFallsBackToTheClock() {
        // A seed that strtol does not fully consume is ignored; the clock seeds instead. Only the
        // printed form can be compared.
        ConfPair.Both both = tree().env("KCONFIG_SEED", "12abc").run(ConfMode.RANDCONFIG);

        assertEquals(both.conf().exit(), both.kforge().exit());
        assertTrue(both.kforge().stdout().startsWith("KCONFIG_SEED=0x"), both.kforge().stdout());
    }

    @Test
    void randconfigKeepsAllrandomConfigValues() {
        tree().env("KCONFIG_SEED", "7").env("KCONFIG_ALLCONFIG", "1")
                .workFile("allrandom.config", "CONFIG_FEATURE_A=y\nCONFIG_NAME=\"fixed\"\n# CONFIG_DRIVER is not set\n")
                .runSame(ConfMode.RANDCONFIG);
    }

    // ---- KCONFIG_ALLCONFIG ----

    @ParameterizedTest
    @EnumSource(value = ConfMode.class, names = {"ALLNOCONFIG", "ALLYESCONFIG", "ALLMODCONFIG", "ALLDEFCONFIG"})
    void allconfigFileNamedExplicitly(ConfMode mode) {
        ConfPair.Outcome conf = tree().env("KCONFIG_ALLCONFIG", "fixed.config")
                .workFile("fixed.config", "CONFIG_FEATURE_A=y\n# CONFIG_DRIVER is not set\nCONFIG_COUNT=3\n"
                        + "CONFIG_MODE_SLOW=y\n")
                .runSame(mode);

        assertTrue(conf.has("CONFIG_COUNT=3"), conf.config());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", ""})
    void allconfigOneReadsTheModesFile(String value) {
        tree().env("KCONFIG_ALLCONFIG", value).workFile("allno.config", "CONFIG_FEATURE_A=y\n")
                .workFile("all.config", "CONFIG_FEATURE_B=y\n").runSame(ConfMode.ALLNOCONFIG);
    }

    @Test
    void allconfigOneFallsBackToAllConfig() {
        tree().env("KCONFIG_ALLCONFIG", "1").workFile("all.config", "CONFIG_FEATURE_A=y\nCONFIG_FEATURE_B=y\n")
                .runSame(ConfMode.ALLYESCONFIG);
    }

    @Test
    void allconfigOneWithoutAnyFileIsAnError() {
        ConfPair.Outcome conf = tree().env("KCONFIG_ALLCONFIG", "1").runSame(ConfMode.ALLMODCONFIG);

        assertNotEquals(0, conf.exit());
    }

    @Test
    void allconfigNamingAMissingFileIsAnError() {
        ConfPair.Outcome conf = tree().env("KCONFIG_ALLCONFIG", "nowhere.config").runSame(ConfMode.ALLYESCONFIG);

        assertNotEquals(0, conf.exit());
    }

    @Test
    void allconfigWithInvalidAndUnknownEntries() {
        tree().env("KCONFIG_ALLCONFIG", "fixed.config")
                .workFile("fixed.config", "CONFIG_COUNT=abc\nCONFIG_UNKNOWN=y\nnot a config line\nCONFIG_BASE=0x10\n")
                .runSame(ConfMode.ALLNOCONFIG);
    }

    // ---- KCONFIG_CONFIG ----

    @Test
    void kconfigConfigNamesTheFileReadAndWritten() {
        tree().env("KCONFIG_CONFIG", "custom.cfg").workFile("custom.cfg", "CONFIG_FEATURE_B=y\nCONFIG_FEATURE_A=y\n")
                .runSame(ConfMode.OLDDEFCONFIG);
    }

    // ---- include/config/auto.conf and friends ----

    @ParameterizedTest
    @EnumSource(value = ConfMode.class, names = {"ALLDEFCONFIG", "OLDDEFCONFIG", "SYNCCONFIG"})
    void autoConfIsWrittenWhenMissing(ConfMode mode) {
        ConfPair.Both both = tree().run(mode).assertSameConfig();

        assertTrue(both.conf().include().containsKey("include/config/auto.conf"), both.conf().include().keySet()
                .toString());
        assertEquals(both.conf().include(), both.kforge().include());
    }

    @Test
    void alldefconfigWithExistingDotConfigKeepsItAsOld() {
        // The previous .config becomes .config.old.
        tree().dotConfig("CONFIG_FEATURE_A=y\n").runSame(ConfMode.ALLDEFCONFIG);
    }

    // ---- what randconfig prints before parsing ----

    private static final String PRINTS_WHILE_PARSING = """
            $(info,parsing)
            config B
                bool "b"
            config T
                def_bool B = m
            """;

    @Test
    void randconfigWithParseTimeOutputWritesTheSameConfig() {
        ConfPair.Both both = ConfPair.kconfig(dir, PRINTS_WHILE_PARSING).env("KCONFIG_SEED", "3")
                .run(ConfMode.RANDCONFIG).assertSameConfig();

        assertEquals(both.conf().stderr(), both.kforge().stderr());
    }

    @Test
    void randconfigPrintsTheSeedBeforeParsing() {
        ConfPair.kconfig(dir, PRINTS_WHILE_PARSING).env("KCONFIG_SEED", "3").runSame(ConfMode.RANDCONFIG);
    }

    @Test
    void randconfigPrintsTheSeedEvenWhenParsingFails() {
        // stdout and the outcome only: the wording of syntax errors differs (see DiagnosticsTest).
        ConfPair.Both both = ConfPair.kconfig(dir, """
                config A
                    bool "a"
                    bogus
                """).env("KCONFIG_SEED", "3").run(ConfMode.RANDCONFIG).assertSameConfig();
        assertEquals(both.conf().stdout(), both.kforge().stdout(), "stdout");
    }

    // ---- where .config and defconfig go ----

    @Test
    void kconfigConfigInANewSubdirectory() {
        tree().env("KCONFIG_CONFIG", "sub/dir/my.config").runSame(ConfMode.ALLDEFCONFIG);
    }

    @Test
    void symlinkedDotConfigIsReplaced() {
        // conf writes a new file and renames it into place: the link becomes .config.old, the target stays.
        tree().workFile("target.cfg", "CONFIG_FEATURE_B=y\nCONFIG_FEATURE_A=y\n").workSymlink(".config", "target.cfg")
                .runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void symlinkedDotConfigIsWrittenThroughWithOverwriteconfig() {
        tree().workFile("target.cfg", "CONFIG_FEATURE_B=y\nCONFIG_FEATURE_A=y\n").workSymlink(".config", "target.cfg")
                .env("KCONFIG_OVERWRITECONFIG", "1").runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void savedefconfigIntoAMissingDirectoryFails() {
        ConfPair.Both both = tree().dotConfig("CONFIG_FEATURE_A=y\n").run(ConfMode.SAVEDEFCONFIG, "nodir/defconfig");

        assertEquals(1, both.conf().exit(), both.conf().stderr());
    }

    @Test
    void savedefconfigIntoAMissingDirectoryFailsLikeConf() {
        tree().dotConfig("CONFIG_FEATURE_A=y\n").run(ConfMode.SAVEDEFCONFIG, "nodir/defconfig").assertSame();
    }

    @Test
    void dotConfigThatIsADirectoryFails() {
        ConfPair.Both both = tree().workFile("adir/placeholder", "").env("KCONFIG_CONFIG", "adir")
                .run(ConfMode.ALLDEFCONFIG).assertSameConfig();

        assertEquals(1, both.conf().exit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"adir", ""})
    void dotConfigWriteFailureMessage(String name) {
        tree().workFile("adir/placeholder", "").env("KCONFIG_CONFIG", name).runSame(ConfMode.ALLDEFCONFIG);
    }

    @Test
    void oldaskconfigInteractiveSessionForEveryKindOfQuestion() {
        // Invalid answers, '?' for help (symbol and choice), out-of-range numbers, hex without 0x, a string
        // with blanks, choice numbers out of range, a tristate choice answered m and its entries one by one.
        ConfPair.kconfig(dir, """
                config MODULES
                \tdef_bool y
                \tmodules
                config B
                \tbool "b"
                \thelp
                \t  Help for b.
                config T
                \ttristate "t"
                config I
                \tint "i"
                \trange 1 100
                \tdefault 5
                \thelp
                \t  An int.
                config H
                \thex "h"
                \tdefault 0x10
                config S
                \tstring "s"
                \tdefault "x y"
                choice
                \tprompt "ch"
                \thelp
                \t  choice help
                config C1
                \tbool "c1"
                config C2
                \tbool "c2"
                config C3
                \tbool "c3"
                endchoice
                choice
                \tprompt "tch"
                config TC1
                \ttristate "tc1"
                config TC2
                \ttristate "tc2"
                endchoice
                config LAST
                \tbool "last"
                """).stdin("maybe\n?\ny\nq\nM\n200\nabc\n?\n42\nzz\n1f\n  spaced string  \n?\n4\n0\n3\nm\ny\nm\nn\n")
                .runSame(ConfMode.OLDASKCONFIG);
    }
}
