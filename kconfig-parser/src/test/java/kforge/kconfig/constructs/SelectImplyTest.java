package kforge.kconfig.constructs;

import static kforge.kconfig.constructs.ConfPair.same;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import kforge.kconfig.conf.ConfMode;

/** select (a lower bound that ignores dependencies) and imply (a weak default), both with 'if'. */
class SelectImplyTest {
    private static final String MODULES = """
            config MODULES
                def_bool y
                modules
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = ConfMode.class, names = {"ALLNOCONFIG", "ALLYESCONFIG", "ALLMODCONFIG", "ALLDEFCONFIG"})
    void selectForcesTheTargetUp(ConfMode mode) {
        same(dir, MODULES + """
                config DRIVER
                    tristate "driver"
                    select LIB
                config LIB
                    tristate "lib"
                config BOOL_USER
                    bool "bool user"
                    select LIB2
                config LIB2
                    tristate
                """, mode);
    }

    @Test
    void selectIgnoresTheTargetsDependencies() {
        // conf warns about the unmet direct dependency and sets the symbol anyway.
        ConfPair.Outcome conf = same(dir, """
                config DEP
                    bool "dep"
                config A
                    bool "a"
                    default y
                    select B
                config B
                    bool "b"
                    depends on DEP
                """, ConfMode.ALLDEFCONFIG);

        assertTrue(conf.has("CONFIG_B=y"), conf.config());
    }

    @Test
    void selectWithIf() {
        same(dir, """
                config COND
                    bool "cond"
                config A
                    bool "a"
                    default y
                    select B if COND
                    select C if !COND
                config B
                    bool "b"
                config C
                    bool "c"
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void selectOfAHiddenSymbol() {
        same(dir, """
                config A
                    bool "a"
                    default y
                    select HIDDEN
                    select HIDDEN_INT
                config HIDDEN
                    bool
                config HIDDEN_INT
                    int
                    default 3
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void userCannotTurnOffASelectedSymbol() {
        ConfPair.kconfig(dir, """
                config A
                    bool "a"
                    default y
                    select B
                config B
                    bool "b"
                """).dotConfig("CONFIG_A=y\n# CONFIG_B is not set\n").runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void moduleSelectorGivesAtLeastM() {
        same(dir, MODULES + """
                config A
                    tristate "a"
                    default m
                    select B
                config B
                    tristate "b"
                config C
                    bool "c"
                    default y
                    depends on A
                    select D
                config D
                    tristate "d"
                """, ConfMode.ALLDEFCONFIG);
    }

    @ParameterizedTest
    @EnumSource(value = ConfMode.class, names = {"ALLNOCONFIG", "ALLYESCONFIG", "ALLMODCONFIG", "ALLDEFCONFIG"})
    void implyIsAWeakDefault(ConfMode mode) {
        // The implied symbol defaults to the implier's value but can still be set lower.
        same(dir, MODULES + """
                config A
                    tristate "a"
                    default y
                    imply B
                    imply C if COND
                config COND
                    bool "cond"
                config B
                    tristate "b"
                config C
                    tristate "c"
                """, mode);
    }

    @Test
    void implyRespectsTheTargetsDependencies() {
        same(dir, """
                config DEP
                    bool "dep"
                config A
                    bool "a"
                    default y
                    imply B
                config B
                    bool "b"
                    depends on DEP
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void userCanTurnOffAnImpliedSymbol() {
        ConfPair.kconfig(dir, """
                config A
                    bool "a"
                    default y
                    imply B
                config B
                    bool "b"
                """).dotConfig("CONFIG_A=y\n# CONFIG_B is not set\n").runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void implyOfAModuleDependentTristate() {
        // imply m on a symbol depending on y gives m; y on one depending on m gives m.
        same(dir, MODULES + """
                config M
                    def_tristate m
                config A
                    def_tristate y
                    imply B
                config B
                    tristate "b"
                    depends on M
                config C
                    def_tristate m
                    imply D
                config D
                    tristate "d"
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void unmetDependencyWarningOnSelect() {
        // Selecting a symbol with unmet dependencies prints conf's "WARNING: unmet direct dependencies".
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
                """).dotConfig("CONFIG_A=y\n").runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void savedefconfigOmitsSelectedValues() {
        ConfPair.kconfig(dir, """
                config A
                    bool "a"
                    select B
                    imply C
                config B
                    bool "b"
                config C
                    bool "c"
                config D
                    bool "d"
                    imply E
                config E
                    bool "e"
                """).dotConfig("CONFIG_A=y\nCONFIG_B=y\nCONFIG_C=y\nCONFIG_D=y\n# CONFIG_E is not set\n")
                .runSame(ConfMode.SAVEDEFCONFIG);
    }

    @Test
    void selectAndImplyListedInHelp() {
        same(dir, """
                config A
                    bool "a"
                    select B
                    imply C if D
                config B
                    bool "b"
                config C
                    bool "c"
                config D
                    bool "d"
                """, ConfMode.HELPNEWCONFIG);
    }
}
