package kforge.kconfig.constructs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import kforge.kconfig.conf.ConfMode;

/**
 * All constructs at once: three randomly generated trees (src/test/resources/constructs/generated_*.Kconfig,
 * 50 to 90 symbols of every type in menus, ifs, choices and comments, with conditional defaults, ranges,
 * selects, implies, visible if and comparisons) through every mode, and a comparison matrix of every
 * operator over symbols and constants of every type. (No oldconfig/oldaskconfig here: these trees have ints
 * without a valid default, which conf asks for forever once stdin has ended.)
 */
class GeneratedTreesTest {
    private static final List<String> TREES = List.of("generated_1.Kconfig", "generated_8.Kconfig",
            "generated_21.Kconfig");
    private static final List<ConfMode> MODES = List.of(ConfMode.ALLNOCONFIG, ConfMode.ALLYESCONFIG,
            ConfMode.ALLMODCONFIG, ConfMode.ALLDEFCONFIG, ConfMode.LISTNEWCONFIG, ConfMode.HELPNEWCONFIG);

    @TempDir
    Path dir;

    static List<Arguments> treesAndModes() {
        List<Arguments> all = new ArrayList<>();
        for (String tree : TREES) {
            for (ConfMode mode : MODES) {
                all.add(Arguments.of(tree, mode));
            }
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("treesAndModes")
    void generatedTree(String tree, ConfMode mode) {
        ConfPair.kconfig(dir, ConfPair.resource(tree)).runSame(mode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"generated_1.Kconfig", "generated_8.Kconfig", "generated_21.Kconfig"})
    void randconfigThenEveryModeThatReadsDotConfig(String tree) {
        // randconfig gives a varied starting .config; each mode that reads .config must treat it alike.
        // Only files and stderr are compared for randconfig itself: these trees test bools for 'm', which
        // prints a parse-time line on stdout that kforge puts before KCONFIG_SEED (see ModesTest).
        for (String seed : new String[] {"1", "2", "0x5eed"}) {
            ConfPair pair = ConfPair.kconfig(dir, ConfPair.resource(tree)).env("KCONFIG_SEED", seed);
            ConfPair.Both random = pair.run(ConfMode.RANDCONFIG).assertConfWrote().assertSameConfig();
            org.junit.jupiter.api.Assertions.assertEquals(random.conf().stderr(), random.kforge().stderr());

            ConfPair reader = ConfPair.kconfig(dir, ConfPair.resource(tree)).dotConfig(random.conf().config());
            for (ConfMode mode : List.of(ConfMode.OLDDEFCONFIG, ConfMode.SAVEDEFCONFIG, ConfMode.LISTNEWCONFIG,
                    ConfMode.YES2MODCONFIG, ConfMode.MOD2NOCONFIG)) {
                reader.runSame(mode);
            }
        }
    }

    @Test
    void comparisonMatrix() {
        // 32 left operands x 23 right operands x 6 operators: bool/tristate/int/hex/string symbols (with
        // odd values: octal-looking, overflowing, trailing blank, empty) against constants of every shape.
        StringBuilder k = new StringBuilder("""
                config MODULES
                    def_bool y
                    modules
                config BN
                    def_bool n
                config BY
                    def_bool y
                config TM
                    def_tristate m
                config I8
                    int
                    default 8
                config I10
                    int
                    default 10
                config INEG
                    int
                    default -1
                config IBIG
                    int
                    default 99999999999999999999
                config H10
                    hex
                    default 0x10
                config HMAX
                    hex
                    default 0xffffffffffffffff
                config HNOPFX
                    hex
                    default ff
                config S5
                    string
                    default "5"
                config S05
                    string
                    default "05"
                config S08
                    string
                    default "08"
                config SEMPTY
                    string
                    default ""
                config SSP
                    string
                    default "5 "
                config SABC
                    string
                    default "abc"
                config SHEX
                    string
                    default "0x1F"
                config S1E
                    string
                    default "1e"
                config SNEG
                    string
                    default "-3"
                """);
        String[] lefts = {"BN", "BY", "TM", "I8", "I10", "INEG", "IBIG", "H10", "HMAX", "HNOPFX", "S5", "S05",
            "S08", "SEMPTY", "SSP", "SABC", "SHEX", "S1E", "SNEG", "m", "y", "n", "\"y\"", "5", "010", "8", "0x10",
            "16", "\"abc\"", "-1", "\"1e\"", "UNDEF"};
        String[] rights = {"8", "010", "0x10", "16", "-1", "5", "\"5\"", "\"\"", "m", "y", "\"abc\"", "TM", "I8",
            "H10", "S5", "INEG", "HMAX", "\"ff\"", "255", "18446744073709551615", "UNDEF", "\"-3\"", "-4"};
        String[] operators = {"=", "!=", "<", "<=", ">", ">="};
        int n = 0;
        for (String left : lefts) {
            for (String right : rights) {
                for (String op : operators) {
                    k.append("config R").append(n++).append("\n    def_bool ").append(left).append(' ').append(op)
                            .append(' ').append(right).append('\n');
                }
            }
        }
        ConfPair.kconfig(dir, k.toString()).runSame(ConfMode.ALLDEFCONFIG);
    }
}
