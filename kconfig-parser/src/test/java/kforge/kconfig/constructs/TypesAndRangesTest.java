package kforge.kconfig.constructs;

import static kforge.kconfig.constructs.ConfPair.same;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.conf.ConfMode;

/** The five symbol types, their defaults as written to .config, and range clamping. */
class TypesAndRangesTest {
    @TempDir
    Path dir;

    @Test
    void everyTypeWritesItsDefault() {
        ConfPair.Outcome conf = same(dir, """
                config B
                    bool "b"
                    default y
                config T
                    tristate "t"
                    default y
                config S
                    string "s"
                    default "hello"
                config I
                    int "i"
                    default 42
                config H
                    hex "h"
                    default 0x1f
                """, ConfMode.ALLDEFCONFIG);

        assertTrue(conf.has("CONFIG_S=\"hello\""));
        assertTrue(conf.has("CONFIG_H=0x1f"));
    }

    @Test
    void symbolsWithoutDefaultsAreNoOrEmpty() {
        // An int or hex without a default has the empty value; bool/tristate are "not set".
        same(dir, """
                config B
                    bool "b"
                config T
                    tristate "t"
                config S
                    string "s"
                config I
                    int "i"
                config H
                    hex "h"
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void hexDefaultWithoutPrefix() {
        same(dir, """
                config H
                    hex "h"
                    default ff
                config H2
                    hex "h2"
                    default 0XAB
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void invisibleSymbolsAreWrittenOnlyWithAValue() {
        // No prompt: a bool stays off silently (not even "is not set"), a string without default is omitted.
        same(dir, """
                config HIDDEN_ON
                    bool
                    default y
                config HIDDEN_OFF
                    bool
                config HIDDEN_S
                    string
                config HIDDEN_I
                    int
                    default 3
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void typeGivenOnASecondDefinition() {
        // A symbol defined twice keeps one type; the prompt may come from either definition.
        same(dir, """
                config A
                    bool
                    default y
                config A
                    prompt "a"
                config B
                    tristate "b"
                config B
                    default y
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void intRangeClampsDefaultToTheBounds() {
        ConfPair.Outcome conf = same(dir, """
                config HIGH
                    int "high"
                    range 1 10
                    default 50
                config LOW
                    int "low"
                    range 5 10
                    default 1
                config NEGATIVE
                    int "negative"
                    range -10 -2
                    default -20
                config INSIDE
                    int "inside"
                    range 1 10
                    default 7
                """, ConfMode.ALLDEFCONFIG);

        assertTrue(conf.has("CONFIG_HIGH=10"), conf.config());
        assertTrue(conf.has("CONFIG_LOW=5"), conf.config());
        assertTrue(conf.has("CONFIG_NEGATIVE=-10"), conf.config());
        assertTrue(conf.has("CONFIG_INSIDE=7"), conf.config());
    }

    @Test
    void hexRangeClampsDefaultToTheBounds() {
        ConfPair.Outcome conf = same(dir, """
                config HIGH
                    hex "high"
                    range 0x10 0x20
                    default 0x100
                config LOW
                    hex "low"
                    range 0x10 0x20
                    default 0x1
                config NO_PREFIX
                    hex "no prefix"
                    range 0x10 0x20
                    default 5
                """, ConfMode.ALLDEFCONFIG);

        assertTrue(conf.has("CONFIG_HIGH=0x20"), conf.config());
        assertTrue(conf.has("CONFIG_LOW=0x10"), conf.config());
    }

    @Test
    void noDefaultInARangeTakesTheLowerBound() {
        same(dir, """
                config I
                    int "i"
                    range 3 9
                config H
                    hex "h"
                    range 0x40 0x80
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void firstRangeWhoseConditionHoldsWins() {
        same(dir, """
                config BIG
                    bool "big"
                    default y
                config I
                    int "i"
                    range 0 1000 if BIG
                    range 0 10
                    default 500
                config J
                    int "j"
                    range 0 1000 if !BIG
                    range 0 10
                    default 500
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void rangeBoundsFromOtherSymbols() {
        same(dir, """
                config MIN
                    int
                    default 20
                config MAX
                    int
                    default 30
                config I
                    int "i"
                    range MIN MAX
                    default 99
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void userValueOutsideTheRangeFallsBackToTheDefault() {
        // .config values outside the range are dropped on reading, so the (clamped) default applies.
        ConfPair.Outcome conf = ConfPair.kconfig(dir, """
                config I
                    int "i"
                    range 0 10
                    default 4
                config H
                    hex "h"
                    range 0x0 0xff
                    default 0x10
                config OK
                    int "ok"
                    range 0 10
                    default 1
                """).dotConfig("""
                CONFIG_I=500
                CONFIG_H=0x1000
                CONFIG_OK=9
                """).runSame(ConfMode.OLDDEFCONFIG);

        assertTrue(conf.has("CONFIG_I=4"), conf.config());
        assertTrue(conf.has("CONFIG_OK=9"), conf.config());
    }

    @Test
    void defaultFromAnotherSymbolsValue() {
        same(dir, """
                config BASE
                    int "base"
                    default 16
                config COPY
                    int "copy"
                    default BASE
                config NAME
                    string "name"
                    default "x"
                config NAME_COPY
                    string "name copy"
                    default NAME
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void invalidValuesInDotConfigAreWarnedAbout() {
        // Reading an int that is not a number or a hex without digits warns with file and line.
        ConfPair.kconfig(dir, """
                config I
                    int "i"
                    default 1
                config H
                    hex "h"
                    default 0x1
                config B
                    bool "b"
                """).dotConfig("""
                CONFIG_I=abc
                CONFIG_H=xyz
                CONFIG_B=m
                CONFIG_UNKNOWN=y
                """).runSame(ConfMode.OLDDEFCONFIG);
    }

    @Test
    void tristateWithoutModulesActsAsBool() {
        // No 'modules' symbol: 'm' is impossible, so a default of m becomes y.
        ConfPair.Outcome conf = same(dir, """
                config T
                    tristate "t"
                    default m
                """, ConfMode.ALLDEFCONFIG);

        assertTrue(conf.has("CONFIG_T=y"), conf.config());
    }

    @Test
    void numberSyntaxWhenReadFromDotConfig() {
        // conf's sym_string_valid: no '+', no leading zeros for int, "0x" alone is invalid; values wider
        // than 64 bits are valid text, ranges compare them with strtoll saturation.
        ConfPair.kconfig(dir, """
                config I1
                    int "i1"
                config I2
                    int "i2"
                config I3
                    int "i3"
                config I4
                    int "i4"
                    range 0 10
                config I5
                    int "i5"
                config I6
                    int "i6"
                    range -5 5
                config I7
                    int "i7"
                    range 0 99999999999999999999
                config I8
                    int "i8"
                    range 1 10
                config H1
                    hex "h1"
                config H2
                    hex "h2"
                config H3
                    hex "h3"
                    range 0x10 0xffffffffffffffffff
                config H4
                    hex "h4"
                    range 0x10 0x20
                config H5
                    hex "h5"
                config H6
                    hex "h6"
                """).dotConfig("""
                CONFIG_I1=+5
                CONFIG_I2=007
                CONFIG_I3=0x10
                CONFIG_I4=99999999999999999999
                CONFIG_I5=-0
                CONFIG_I6=-
                CONFIG_I7=12345678901234567890
                CONFIG_I8=5\s
                CONFIG_H1=10
                CONFIG_H2=0X1F
                CONFIG_H3=0xfffffffffffffffffff
                CONFIG_H4=0x
                CONFIG_H5=-0x1
                CONFIG_H6=0x00000000000000000000000000000000000000000011
                """).runSame(ConfMode.OLDDEFCONFIG);
    }
}
