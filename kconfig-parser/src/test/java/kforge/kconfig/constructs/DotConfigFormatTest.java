package kforge.kconfig.constructs;

import static kforge.kconfig.constructs.ConfPair.same;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.testing.ReferenceKernel;

/** How .config is written and read back: string escaping, "is not set" lines, odd input lines. */
class DotConfigFormatTest {
    @TempDir
    Path dir;

    @Test
    void quotesAndBackslashesAreEscaped() {
        // Kconfig "a\"b\\c" is the string a"b\c; .config writes it back escaped.
        ConfPair.Outcome conf = same(dir, """
                config S
                    string "s"
                    default "a\\"b\\\\c"
                config SINGLE
                    string "single"
                    default 'it\\'s "quoted"'
                config OTHER_ESCAPES
                    string "other"
                    default "tab\\there \\n not a newline"
                """, ConfMode.ALLDEFCONFIG);

        assertTrue(conf.has("CONFIG_S=\"a\\\"b\\\\c\""), conf.config());
    }

    @Test
    void escapedStringsAreReadBack() {
        ConfPair.kconfig(dir, """
                config S
                    string "s"
                config T
                    string "t"
                config U
                    string "u"
                """).dotConfig("""
                CONFIG_S="with \\"quotes\\" and \\\\ backslash"
                CONFIG_T="unterminated
                CONFIG_U=unquoted
                """).runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void nonAsciiBytesPassThrough() {
        ConfPair.kconfig(dir, """
                config S
                    string "s"
                    default "caf\u00e9 \u00ff"
                """).runSame(ConfMode.ALLDEFCONFIG);
    }

    @Test
    void stringValuesRoundTripThroughSavedefconfig() {
        ConfPair.kconfig(dir, """
                config S
                    string "s"
                    default "x"
                config EMPTY
                    string "empty"
                    default "nonempty"
                """).dotConfig("CONFIG_S=\"a\\\"b\"\nCONFIG_EMPTY=\"\"\n").runSame(ConfMode.SAVEDEFCONFIG);
    }

    @Test
    void oddLinesInDotConfig() {
        // Comments, blank lines, a line without '=', a "not set" for a string, duplicate assignments.
        ConfPair.kconfig(dir, """
                config A
                    bool "a"
                config B
                    bool "b"
                    default y
                config S
                    string "s"
                    default "d"
                config I
                    int "i"
                    default 5
                """).dotConfig("""
                # just a comment

                CONFIG_A
                # CONFIG_S is not set
                CONFIG_B=y
                # CONFIG_B is not set
                CONFIG_I=1
                CONFIG_I=2
                #CONFIG_A is not set
                CONFIG_A=y trailing
                """).runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void customSymbolPrefix() {
        // The CONFIG_ environment variable changes the prefix both for reading and writing.
        ConfPair.kconfig(dir, """
                config A
                    bool "a"
                config B
                    bool "b"
                    default y
                """).env("CONFIG_", "MY_").dotConfig("MY_A=y\nCONFIG_B=n\n# MY_B is not set\n")
                .runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void valuesWithWhitespace() {
        ConfPair.kconfig(dir, """
                config I
                    int "i"
                    default 1
                config B
                    bool "b"
                """).dotConfig("CONFIG_I= 7\nCONFIG_B=y \n").runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void symbolsWrittenOnceEvenWhenDefinedTwice() {
        same(dir, """
                config A
                    bool "a"
                    default y
                menu "m"
                config A
                    bool "a again"
                endmenu
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void crlfLineEndingsInDotConfig() {
        ConfPair.kconfig(dir, """
                config A
                    bool "a"
                config S
                    string "s"
                """).dotConfig("CONFIG_A=y\r\nCONFIG_S=\"x\"\r\n\r\n").runSame(ConfMode.OLDDEFCONFIG);
    }

    /** Found by DotConfigFuzzTest: conf reads a line as a C string, so a NUL byte ends it, newline and all. */
    @ParameterizedTest
    @EnumSource(value = ReferenceKernel.class, names = {"LINUX_6_1", "LINUX_6_12"})
    void nulByteEndsALine(ReferenceKernel kernel) {
        ConfPair.kconfig(dir, """
                config A
                    bool "a"
                config B
                    bool "b"
                    default y
                config S
                    string "s"
                """).kernel(kernel).dotConfig("\u0000\nCONFIG_A=y\u0000junk\n# CONFIG_B is not set\u0000x\n"
                + "CONFIG_S=\"a\u0000b\"\n\u0000CONFIG_A=n\n").runSame(ConfMode.OLDDEFCONFIG);
    }

    /**
     * Since 6.8 conf strips a carriage return only together with a newline (getline_stripped): found reading
     * it for the NUL byte that DotConfigFuzzTest found.
     */
    @ParameterizedTest
    @EnumSource(value = ReferenceKernel.class, names = {"LINUX_6_1", "LINUX_6_12"})
    void carriageReturnOnTheLastLineWithoutNewline(ReferenceKernel kernel) {
        ConfPair.kconfig(dir, """
                config A
                    bool "a"
                config B
                    bool "b"
                    default y
                """).kernel(kernel).dotConfig("CONFIG_A=y\r\n# CONFIG_B is not set\r")
                .runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void unknownSymbolsWarnedWhenAsked() {
        // KCONFIG_WARN_UNKNOWN_SYMBOLS makes conf name every .config symbol the Kconfig files lack.
        ConfPair.kconfig(dir, """
                config A
                    bool "a"
                """).env("KCONFIG_WARN_UNKNOWN_SYMBOLS", "1")
                .dotConfig("CONFIG_GONE=y\nCONFIG_A=y\n# CONFIG_NOT_SET_GONE is not set\n")
                .runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void defconfigListIsTriedWhenDotConfigIsMissing() {
        // The first existing file of KCONFIG_DEFCONFIG_LIST seeds the configuration ("using defaults found in").
        ConfPair.kconfig(dir, """
                config A
                    bool "a"
                config B
                    bool "b"
                """).file("arch/second_defconfig", "CONFIG_B=y\n").workFile("third_defconfig", "CONFIG_A=y\n")
                .env("KCONFIG_DEFCONFIG_LIST", " missing_defconfig  arch/second_defconfig third_defconfig")
                .runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void defconfigListIsIgnoredWhenDotConfigExists() {
        ConfPair.kconfig(dir, """
                config A
                    bool "a"
                config B
                    bool "b"
                """).workFile("list_defconfig", "CONFIG_B=y\n").dotConfig("CONFIG_A=y\n")
                .env("KCONFIG_DEFCONFIG_LIST", "list_defconfig").runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void listnewconfigEscapesStringsLikeDotConfig() {
        same(dir, """
                config S
                    string "s"
                    default "a\\"b\\\\c"
                config H
                    hex "h"
                    default ff
                config I
                    int "i"
                config T
                    tristate "t"
                """, ConfMode.LISTNEWCONFIG);
    }
}
