package kforge.kconfig.constructs;

import static kforge.kconfig.constructs.ConfPair.same;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import kforge.kconfig.conf.ConfMode;

/** The 'modules' keyword: m is a possible value only while the symbol carrying it is y. */
class ModulesTest {
    private static final String DRIVERS = """
            config DRV_A
                tristate "driver a"
                default m
            config DRV_B
                tristate "driver b"
                default y
            config FEATURE
                bool "feature"
                depends on DRV_A
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = ConfMode.class, names = {"ALLNOCONFIG", "ALLYESCONFIG", "ALLMODCONFIG", "ALLDEFCONFIG"})
    void withModulesEnabled(ConfMode mode) {
        same(dir, """
                config MODULES
                    bool "modules"
                    modules
                    default y
                """ + DRIVERS, mode);
    }

    @ParameterizedTest
    @EnumSource(value = ConfMode.class, names = {"ALLMODCONFIG", "ALLDEFCONFIG"})
    void modulesSymbolOffTurnsMIntoY(ConfMode mode) {
        ConfPair.Outcome conf = ConfPair.kconfig(dir, """
                config MODULES
                    bool "modules"
                    modules
                """ + DRIVERS).dotConfig("# CONFIG_MODULES is not set\n").runSame(mode);

        if (mode == ConfMode.ALLDEFCONFIG) {
            assertTrue(conf.has("CONFIG_DRV_A=y"), conf.config());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ConfMode.class, names = {"ALLMODCONFIG", "ALLDEFCONFIG"})
    void noModulesKeywordMeansNoModules(ConfMode mode) {
        // A symbol named MODULES without the keyword is just a bool.
        same(dir, """
                config MODULES
                    def_bool y
                """ + DRIVERS, mode);
    }

    @Test
    void modulesKeywordOnAnotherName() {
        same(dir, """
                config LOADABLE
                    def_bool y
                    modules
                """ + DRIVERS, ConfMode.ALLMODCONFIG);
    }

    @Test
    void moduleValuesReadFromDotConfig() {
        ConfPair.kconfig(dir, """
                config MODULES
                    bool "modules"
                    modules
                """ + DRIVERS).dotConfig("CONFIG_MODULES=y\nCONFIG_DRV_A=m\nCONFIG_DRV_B=m\n")
                .runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void moduleValueForBoolIsInvalid() {
        ConfPair.kconfig(dir, """
                config MODULES
                    def_bool y
                    modules
                config B
                    bool "b"
                """).dotConfig("CONFIG_B=m\n").runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void modulesOnTwoSymbolsIsAnError() {
        // conf: "symbol 'X' redefines option 'modules' already defined by symbol 'Y'".
        same(dir, """
                config MODULES
                    def_bool y
                    modules
                config OTHER
                    def_bool y
                    modules
                """, ConfMode.ALLDEFCONFIG);
    }

    @ParameterizedTest
    @EnumSource(value = ConfMode.class, names = {"YES2MODCONFIG", "MOD2YESCONFIG", "MOD2NOCONFIG"})
    void tristateRewritingModes(ConfMode mode) {
        ConfPair.kconfig(dir, """
                config MODULES
                    def_bool y
                    modules
                config A
                    tristate "a"
                config B
                    tristate "b"
                config C
                    bool "c"
                config D
                    tristate "d"
                    select E
                config E
                    tristate "e"
                """).dotConfig("CONFIG_A=y\nCONFIG_B=m\nCONFIG_C=y\nCONFIG_D=m\nCONFIG_E=y\n").runSame(mode);
    }
}
