package kforge.kconfig.constructs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.testing.ReferenceKernel;

/**
 * source, and kforge's Kconfiglib extensions rsource, osource, orsource and glob patterns. conf knows only
 * plain source, so each extension is checked against conf running an equivalent plain-source fixture.
 */
class SourceTest {
    @TempDir
    Path dir;

    private static final String SUB_A = """
            config SUB_A
                bool "sub a"
                default y
            """;
    private static final String SUB_B = """
            config SUB_B
                int "sub b"
                default 2
            """;

    @Test
    void sourceIsRelativeToSrctree() {
        // Names in source statements are relative to srctree, not to the file that has them.
        ConfPair.in(dir).file("Kconfig", """
                mainmenu "top"
                source "drivers/Kconfig"
                config TOP
                    bool "top"
                """).file("drivers/Kconfig", """
                menu "Drivers"
                source "drivers/net/Kconfig"
                endmenu
                """).file("drivers/net/Kconfig", SUB_A).runSame(ConfMode.ALLDEFCONFIG);
    }

    @Test
    void sourceInsideMenuAndIf() {
        ConfPair.in(dir).file("Kconfig", """
                config GATE
                    bool "gate"
                if GATE
                source "a/Kconfig"
                endif
                menu "m"
                    depends on !GATE
                source "b/Kconfig"
                endmenu
                """).file("a/Kconfig", SUB_A).file("b/Kconfig", SUB_B).runSame(ConfMode.ALLYESCONFIG);
    }

    @Test
    void sourceInsideChoiceIsRejected() {
        // conf's grammar allows only config, comment and if inside a choice. Both fail without writing;
        // the wording differs on purpose (conf: "Kconfig:4: syntax error" then "Kconfig:3: invalid
        // statement"; kforge names the unexpected tokens), so only the outcome is compared.
        ConfPair.Both both = ConfPair.in(dir).file("Kconfig", """
                choice
                    prompt "pick"
                source "choices/Kconfig"
                endchoice
                """).file("choices/Kconfig", """
                config C1
                    bool "c1"
                """).run(ConfMode.ALLDEFCONFIG).assertSameConfig();

        assertNotEquals(0, both.conf().exit());
    }

    @Test
    void sourcePathWithVariables() {
        ConfPair.in(dir).file("Kconfig", """
                ARCH_DIR := arch/$(SRCARCH)
                source "$(ARCH_DIR)/Kconfig"
                """).file("arch/x86/Kconfig", SUB_A).env("SRCARCH", "x86").runSame(ConfMode.ALLDEFCONFIG);
    }

    @Test
    void missingSourceIsAnError() {
        ConfPair.Outcome conf = ConfPair.in(dir).file("Kconfig", """
                config A
                    bool "a"
                source "missing/Kconfig"
                """).runSame(ConfMode.ALLDEFCONFIG);

        assertNotEquals(0, conf.exit());
    }

    /** Since 6.9 the top file's end gives no newline token, so a source there is a syntax error, as here. */
    @Test
    void sourceOnTheTopFilesLastLineWithoutANewlineIn612() {
        ConfPair.in(dir).kernel(ReferenceKernel.LINUX_6_12).file("Kconfig", "source \"Kconfig.inc1\"")
                .file("Kconfig.inc1", SUB_A).runSame(ConfMode.ALLDEFCONFIG);
    }

    /** 6.1's conf reads the closed top file and crashes (DifferentialFuzzTest); kforge threw a trace. */
    @Test
    void sourceOnTheTopFilesLastLineWithoutANewlineIn61EndsCleanly() {
        ConfPair pair = ConfPair.in(dir).kernel(ReferenceKernel.LINUX_6_1).file("Kconfig", "source \"Kconfig.inc1\"")
                .file("Kconfig.inc1", SUB_A);
        assertEquals("crash", DifferentialFuzzTest.compare(pair, ConfMode.ALLDEFCONFIG));
    }

    @Test
    void recursiveInclusionIsAnError() {
        // The kernel's tests/err_recursive_inc fixture: Kconfig.inc1 -> inc2 -> inc3 -> inc1.
        ConfPair.in(dir).kernelFile("Kconfig", "err_recursive_inc/Kconfig")
                .kernelFile("Kconfig.inc1", "err_recursive_inc/Kconfig.inc1")
                .kernelFile("Kconfig.inc2", "err_recursive_inc/Kconfig.inc2")
                .kernelFile("Kconfig.inc3", "err_recursive_inc/Kconfig.inc3")
                .runSame(ConfMode.ALLDEFCONFIG);
    }

    @Test
    void sameFileSourcedTwiceRedefinesItsSymbols() {
        // Not recursion: sourcing one file from two places just defines its symbols twice.
        ConfPair.in(dir).file("Kconfig", """
                source "common/Kconfig"
                menu "again"
                source "common/Kconfig"
                endmenu
                """).file("common/Kconfig", SUB_A).runSame(ConfMode.ALLDEFCONFIG);
    }

    @Test
    void warningsNameTheSourcedFile() {
        ConfPair.in(dir).file("Kconfig", """
                source "sub/Kconfig"
                """).file("sub/Kconfig", """
                config A
                    bool "a"
                    default y
                    select A_INT
                config A_INT
                    int "int"
                    default 3
                config NO_NEWLINE
                    bool "b\"""").runSame(ConfMode.ALLDEFCONFIG);
    }

    @Test
    void blockOpenedInOneFileClosedInAnother() {
        // conf checks that if/menu/choice blocks end in the file that opened them:
        // "sub/Kconfig:3: 'menu' in different file than 'menu'" plus the location of the 'menu'.
        ConfPair.Both both = ConfPair.in(dir).file("Kconfig", """
                menu "m"
                source "sub/Kconfig"
                """).file("sub/Kconfig", """
                config A
                    bool "a"
                endmenu
                """).run(ConfMode.ALLDEFCONFIG).assertSame();

        assertNotEquals(0, both.conf().exit());
    }

    @Test
    void plainSourceDoesNotGlob() {
        // conf opens the name literally, so a pattern is a missing file for plain source.
        ConfPair.Outcome conf = ConfPair.in(dir).file("Kconfig", """
                source "drivers/*/Kconfig"
                """).file("drivers/a/Kconfig", SUB_A).runSame(ConfMode.ALLDEFCONFIG);

        assertNotEquals(0, conf.exit());
    }

    // ---- kforge extensions, checked against equivalent plain source fixtures ----

    @Test
    void rsourceIsRelativeToTheCurrentFile() {
        ConfPair kforge = ConfPair.in(dir.resolve("ext")).file("Kconfig", """
                source "drivers/Kconfig"
                """).file("drivers/Kconfig", """
                rsource "net/Kconfig"
                """).file("drivers/net/Kconfig", SUB_A);
        ConfPair plain = ConfPair.in(dir.resolve("plain")).file("Kconfig", """
                source "drivers/Kconfig"
                """).file("drivers/Kconfig", """
                source "drivers/net/Kconfig"
                """).file("drivers/net/Kconfig", SUB_A);

        ConfPair.Both both = kforge.runAgainst(plain, ConfMode.ALLDEFCONFIG).assertConfWrote().assertSame();
        assertTrue(both.kforge().has("CONFIG_SUB_A=y"), both.kforge().config());
    }

    @Test
    void osourceOfAMissingFileIsIgnored() {
        ConfPair kforge = ConfPair.in(dir.resolve("ext")).file("Kconfig", """
                osource "missing/Kconfig"
                osource "present/Kconfig"
                config TOP
                    bool "top"
                """).file("present/Kconfig", SUB_A);
        ConfPair plain = ConfPair.in(dir.resolve("plain")).file("Kconfig", """
                source "present/Kconfig"
                config TOP
                    bool "top"
                """).file("present/Kconfig", SUB_A);

        kforge.runAgainst(plain, ConfMode.ALLDEFCONFIG).assertConfWrote().assertSame();
    }

    @Test
    void orsourceIsOptionalAndRelative() {
        ConfPair kforge = ConfPair.in(dir.resolve("ext")).file("Kconfig", """
                source "drivers/Kconfig"
                """).file("drivers/Kconfig", """
                orsource "gone/Kconfig"
                orsource "net/Kconfig"
                """).file("drivers/net/Kconfig", SUB_A);
        ConfPair plain = ConfPair.in(dir.resolve("plain")).file("Kconfig", """
                source "drivers/Kconfig"
                """).file("drivers/Kconfig", """
                source "drivers/net/Kconfig"
                """).file("drivers/net/Kconfig", SUB_A);

        kforge.runAgainst(plain, ConfMode.ALLDEFCONFIG).assertConfWrote().assertSame();
    }

    @Test
    void globSourceReadsMatchesInSortedOrder() {
        // Matches are read one after the other in name order, whatever order the file system lists them.
        ConfPair kforge = ConfPair.in(dir.resolve("ext")).file("Kconfig", """
                menu "drivers"
                osource "drivers/*/Kconfig"
                endmenu
                config AFTER
                    bool "after"
                """).file("drivers/zeta/Kconfig", SUB_B).file("drivers/alpha/Kconfig", SUB_A)
                .file("drivers/alpha/Kconfig.unrelated", "config NOT_READ\n    bool \"x\"\n");
        ConfPair plain = ConfPair.in(dir.resolve("plain")).file("Kconfig", """
                menu "drivers"
                source "drivers/alpha/Kconfig"
                source "drivers/zeta/Kconfig"
                endmenu
                config AFTER
                    bool "after"
                """).file("drivers/zeta/Kconfig", SUB_B).file("drivers/alpha/Kconfig", SUB_A);

        kforge.runAgainst(plain, ConfMode.ALLDEFCONFIG).assertConfWrote().assertSame();
    }

    @Test
    void relativeGlob() {
        ConfPair kforge = ConfPair.in(dir.resolve("ext")).file("Kconfig", """
                source "boards/Kconfig"
                """).file("boards/Kconfig", """
                rsource "*/Kconfig.board"
                """).file("boards/b2/Kconfig.board", SUB_B).file("boards/b1/Kconfig.board", SUB_A);
        ConfPair plain = ConfPair.in(dir.resolve("plain")).file("Kconfig", """
                source "boards/Kconfig"
                """).file("boards/Kconfig", """
                source "boards/b1/Kconfig.board"
                source "boards/b2/Kconfig.board"
                """).file("boards/b2/Kconfig.board", SUB_B).file("boards/b1/Kconfig.board", SUB_A);

        kforge.runAgainst(plain, ConfMode.ALLDEFCONFIG).assertConfWrote().assertSame();
    }

    @Test
    void optionalGlobWithoutMatchesIsIgnored() {
        ConfPair kforge = ConfPair.in(dir.resolve("ext")).file("Kconfig", """
                osource "nothing/*/Kconfig"
                config TOP
                    bool "top"
                """);
        ConfPair plain = ConfPair.in(dir.resolve("plain")).file("Kconfig", """
                config TOP
                    bool "top"
                """);

        kforge.runAgainst(plain, ConfMode.ALLDEFCONFIG).assertConfWrote().assertSame();
    }

    @Test
    void mandatoryGlobWithoutMatchesIsAnError() {
        ConfPair.Outcome kforge = ConfPair.in(dir).file("Kconfig", """
                rsource "nothing/*/Kconfig"
                """).runKforge(ConfMode.ALLDEFCONFIG);

        assertEquals(1, kforge.exit());
        assertEquals("Kconfig:1: \"nothing/*/Kconfig\" does not match any file\n", kforge.stderr());
    }
}
