package kforge.kconfig.constructs;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.testing.ReferenceKernel;

/**
 * What each release's parser accepts and rejects, and its exact messages: every fixture runs through 6.1's
 * conf and 6.12's conf, and kforge in each dialect must agree with each (exit status, stdout, stderr, files).
 */
class SyntaxByDialectTest {
    @TempDir
    Path dir;

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("option keyword", """
                        config MODULES
                            bool "modules"
                            option modules
                        """),
                Arguments.of("menuconfig inside a choice", """
                        choice
                            prompt "c"
                        config A
                            bool "a"
                        menuconfig B
                            bool "b"
                        endchoice
                        """),
                Arguments.of("named choice", """
                        choice NAMED
                            prompt "c"
                        config A
                            bool "a"
                        endchoice
                        """),
                Arguments.of("optional choice", """
                        choice
                            prompt "c"
                            optional
                        config A
                            bool "a"
                        config B
                            bool "b"
                        endchoice
                        """),
                Arguments.of("tristate choice", """
                        config MODULES
                            def_bool y
                            modules
                        choice
                            tristate "c"
                        config A
                            tristate "a"
                        config B
                            tristate "b"
                        endchoice
                        """),
                Arguments.of("bool choice without prompt text", """
                        choice
                            bool
                            prompt "c"
                        config A
                            bool "a"
                        endchoice
                        """),
                Arguments.of("choice without prompt", """
                        choice
                        config A
                            bool "a"
                        endchoice
                        """),
                Arguments.of("choice member without prompt", """
                        choice
                            prompt "c"
                        config A
                            bool "a"
                        config B
                            bool
                        endchoice
                        """),
                Arguments.of("choice member with a default", """
                        choice
                            prompt "c"
                        config A
                            bool "a"
                            default y
                        config B
                            bool "b"
                        endchoice
                        """),
                Arguments.of("choice member without type", """
                        choice
                            prompt "c"
                        config A
                            prompt "a"
                        config B
                            bool "b"
                        endchoice
                        """),
                Arguments.of("member depending on a member", """
                        choice
                            prompt "c"
                        config A
                            bool "a"
                        config B
                            bool "b"
                            depends on A
                        endchoice
                        """),
                Arguments.of("recursive dependencies", """
                        config A
                            bool "a"
                            depends on B
                        config B
                            bool "b"
                            depends on A
                        config C
                            bool "c"
                            select C
                        """),
                Arguments.of("help text at the end of the file without a newline", "config A\n    bool \"a\"\n"
                        + "    help\n      some help"),
                Arguments.of("syntax error in the middle", """
                        config A
                            bool "a"
                        config B
                            bool "b" if
                        config C
                            bool "c"
                        """));
    }

    @ParameterizedTest(name = "6.1: {0}")
    @MethodSource("fixtures")
    void asLinux61(String name, String kconfig) {
        ConfPair.in(dir).kernel(ReferenceKernel.LINUX_6_1).file("Kconfig", kconfig).runSame(ConfMode.ALLDEFCONFIG);
    }

    @ParameterizedTest(name = "6.12: {0}")
    @MethodSource("fixtures")
    void asLinux612(String name, String kconfig) {
        ConfPair.in(dir).kernel(ReferenceKernel.LINUX_6_12).file("Kconfig", kconfig).runSame(ConfMode.ALLDEFCONFIG);
    }
}
