package kforge.kconfig.constructs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.fix.Change;
import kforge.kconfig.fix.Fix;
import kforge.kconfig.fix.FixOutcome;
import kforge.kconfig.fix.FixSearch;
import kforge.kconfig.fix.TreeSession;

/**
 * kforge fix on small trees, one construct each. The starting .config is conf's own alldefconfig, and
 * every fix found is handed back to conf: its olddefconfig must leave the fixed .config byte for byte
 * and the wanted line must be in it. Nothing here states what a fix must be, only what it must achieve,
 * and where the tree leaves one answer (a range, a comparison) that the fix is that answer.
 */
class FixSearchTest {
    private static final String MODULES = """
            config MODULES
                bool "modules"
                default y
                modules
            """;

    @TempDir
    Path dir;

    @Test
    void aDependencyIsEnabled() throws IOException {
        Fix fix = firstFix("""
                config NET
                    bool "net"
                config DRIVER
                    bool "driver"
                    depends on NET
                """, "DRIVER=y");

        assertEquals(List.of("NET"), edited(fix));
    }

    @Test
    void aChainOfMenuAndIfDependenciesIsEnabledWholeAndNothingMore() throws IOException {
        Fix fix = firstFix("""
                config NET
                    bool "net"
                menu "drivers"
                    depends on NET
                config ETHERNET
                    bool "ethernet"
                if ETHERNET
                config VENDOR
                    bool "vendor"
                config DRIVER
                    bool "driver" if VENDOR
                endif
                endmenu
                config UNRELATED
                    bool "unrelated"
                """, "DRIVER=y");

        assertEquals(List.of("NET", "ETHERNET", "VENDOR"), edited(fix));
    }

    @Test
    void aConflictingSymbolIsTurnedOff() throws IOException {
        Fix fix = firstFix("""
                config LEGACY
                    bool "legacy"
                    default y
                config MODERN
                    bool "modern"
                    depends on !LEGACY
                """, "MODERN=y");

        assertEquals(List.of("LEGACY"), edited(fix));
        assertEquals("n", fix.changes().get(0).after());
    }

    @Test
    void aTristateLimitedToModuleByItsDependencyGetsTheDependencyRaised() throws IOException {
        Fix fix = firstFix(MODULES + """
                config BUS
                    tristate "bus"
                    default m
                config DRIVER
                    tristate "driver"
                    depends on BUS
                """, "DRIVER=y");

        assertEquals(List.of("BUS"), edited(fix));
        assertEquals("y", fix.changes().get(0).after());
    }

    @Test
    void aPromptlessSymbolIsReachedThroughWhatSelectsIt() throws IOException {
        Fix fix = firstFix("""
                config HELPER
                    bool
                config USER
                    bool "user"
                    select HELPER
                """, "HELPER=y");

        assertEquals(List.of("USER"), edited(fix));
    }

    @Test
    void anIntRangeThatBlocksIsMovedToAValueThatHolds() throws IOException {
        Fix fix = firstFix("""
                config BUFFERS
                    int "buffers"
                    range 1 64
                    default 4
                config BIG_MODE
                    bool "big mode"
                    depends on BUFFERS > 32
                """, "BIG_MODE=y");

        assertEquals(List.of("BUFFERS"), edited(fix));
        assertTrue(Integer.parseInt(fix.changes().get(0).after()) > 32, fix.changes().toString());
    }

    @Test
    void aHexValueIsChangedToTheOneADependencyNeeds() throws IOException {
        Fix fix = firstFix("""
                config BASE
                    hex "base"
                    default 0x1000
                config HIGH_BASE
                    bool "high base"
                    depends on BASE = 0x8000
                """, "HIGH_BASE=y");

        assertEquals(List.of(new Change("BASE", "0x1000", "0x8000", "CONFIG_BASE=0x8000")), fix.changes());
    }

    @Test
    void aStringThatADependencyNeedsIsSet() throws IOException {
        Fix fix = firstFix("""
                config BOARD
                    string "board"
                    default "generic"
                config BOARD_QUIRKS
                    bool "quirks"
                    depends on BOARD = "mini2440"
                """, "BOARD_QUIRKS=y");

        assertEquals(List.of(new Change("BOARD", "generic", "mini2440", "CONFIG_BOARD=\"mini2440\"")), fix.changes());
    }

    @Test
    void anotherChoiceMemberIsChosen() throws IOException {
        Fix fix = firstFix("""
                choice
                    prompt "cpu"
                config CPU_A
                    bool "a"
                config CPU_B
                    bool "b"
                endchoice
                config B_FEATURE
                    bool "b feature"
                    depends on CPU_B
                """, "B_FEATURE=y");

        assertEquals(List.of("CPU_B"), edited(fix));
    }

    @Test
    void aChoiceMemberCanBeTheTarget() throws IOException {
        Fix fix = firstFix("""
                config SMP
                    bool "smp"
                choice
                    prompt "lock"
                config LOCK_SIMPLE
                    bool "simple"
                config LOCK_SPIN
                    bool "spin"
                    depends on SMP
                endchoice
                """, "LOCK_SPIN=y");

        assertEquals(List.of("SMP"), edited(fix));
    }

    @Test
    void aMemberOfAChoiceThatIsHiddenGetsTheChoiceShown() throws IOException {
        Fix fix = firstFix("""
                config PRETIMEOUT
                    bool "pretimeout"
                choice
                    prompt "default governor"
                    depends on PRETIMEOUT
                config GOV_NOOP
                    bool "noop"
                config GOV_PANIC
                    bool "panic"
                endchoice
                """, "GOV_PANIC=y");

        assertEquals(List.of("PRETIMEOUT"), edited(fix));
    }

    @Test
    void aKeptSymbolIsNeverTouched() throws IOException {
        String kconfig = """
                config A
                    bool "a"
                config B
                    bool "b"
                config C
                    bool "c"
                    depends on A || B
                """;
        ConfPair pair = ConfPair.kconfig(dir, kconfig);
        FixOutcome outcome = search(pair, pair.runConf(ConfMode.ALLDEFCONFIG).config(), "C=y", "A");

        assertFalse(outcome.fixes().isEmpty(), outcome.reason());
        for (Fix fix : outcome.fixes()) {
            assertFalse(edited(fix).contains("A"), fix.changes().toString());
        }
        assertEquals(List.of("B"), edited(outcome.fixes().get(0)));
    }

    @Test
    void fixesComeFewestChangesFirstAndNoneContainsAnother() throws IOException {
        ConfPair pair = ConfPair.kconfig(dir, """
                config A
                    bool "a"
                config B
                    bool "b"
                config C
                    bool "c"
                config D
                    bool "d"
                    depends on A || (B && C)
                """);
        FixOutcome outcome = search(pair, pair.runConf(ConfMode.ALLDEFCONFIG).config(), "D=y");

        assertEquals(2, outcome.fixes().size(), outcome.toString());
        assertEquals(List.of("A"), edited(outcome.fixes().get(0)));
        assertEquals(List.of("B", "C"), edited(outcome.fixes().get(1)).stream().sorted().toList());
        for (Fix fix : outcome.fixes()) {
            assertVerifiedByConf(pair, fix, "CONFIG_D=y");
        }
    }

    @Test
    void aSymbolOfNoPromptNoSelectIsImpossibleAndTheReasonNamesIt() throws IOException {
        ConfPair pair = ConfPair.kconfig(dir, """
                config BROKEN
                    bool
                config OLD_DRIVER
                    bool "old driver"
                    depends on BROKEN
                """);
        FixOutcome outcome = search(pair, pair.runConf(ConfMode.ALLDEFCONFIG).config(), "OLD_DRIVER=y");

        assertTrue(outcome.fixes().isEmpty());
        assertTrue(outcome.reason().contains("depends on BROKEN"), outcome.reason());
        assertTrue(outcome.reason().contains("BROKEN has no prompt"), outcome.reason());
    }

    @Test
    void aDependencyOnASymbolTheTreeNeverDefinesIsImpossible() throws IOException {
        ConfPair pair = ConfPair.kconfig(dir, """
                config PC_SPEAKER
                    bool "pc speaker"
                    depends on X86
                """);
        FixOutcome outcome = search(pair, pair.runConf(ConfMode.ALLDEFCONFIG).config(), "PC_SPEAKER=y");

        assertTrue(outcome.fixes().isEmpty());
        assertTrue(outcome.reason().contains("X86 is not a symbol of this tree"), outcome.reason());
    }

    @Test
    void aSymbolOnlyAnotherArchitectureDefinesIsImpossibleAndTheReasonSaysWhere() throws IOException {
        ConfPair pair = ConfPair.kconfig(dir, """
                config DRIVER
                    bool "driver"
                """).file("arch/x86/Kconfig", """
                config X86
                    def_bool y
                config X86_TSC
                    bool "tsc"
                """);
        FixOutcome outcome = search(pair, pair.runConf(ConfMode.ALLDEFCONFIG).config(), "X86_TSC=y");

        assertTrue(outcome.fixes().isEmpty());
        assertEquals("X86_TSC=y is impossible: X86_TSC is defined at arch/x86/Kconfig:3, which ARCH=fixture never"
                + " reads", outcome.reason());
    }

    // ---- helpers ----

    /** The first fix for the wanted value on conf's alldefconfig of the tree, verified by conf. */
    private Fix firstFix(String kconfig, String want) throws IOException {
        ConfPair pair = ConfPair.kconfig(dir, kconfig);
        String start = pair.runConf(ConfMode.ALLDEFCONFIG).config();
        FixOutcome outcome = search(pair, start, want);
        assertFalse(outcome.fixes().isEmpty(), () -> "no fix: " + outcome.reason());
        Fix fix = outcome.fixes().get(0);
        assertVerifiedByConf(pair, fix, "CONFIG_" + want);
        return fix;
    }

    private FixOutcome search(ConfPair pair, String startingConfig, String want, String... keep) throws IOException {
        TreeSession session = pair.kforgeSession();
        Path config = dir.resolve("kforge-session/.config");
        Files.writeString(config, startingConfig, StandardCharsets.ISO_8859_1);
        FixSearch search = FixSearch.on(session).config(config).want(want);
        for (String k : keep) {
            search.keep(k);
        }
        return search.call();
    }

    /** conf's olddefconfig on the fixed .config changes nothing and keeps the wanted line. */
    private static void assertVerifiedByConf(ConfPair pair, Fix fix, String wantedLine) {
        ConfPair.Outcome conf = pair.dotConfig(fix.config()).runConf(ConfMode.OLDDEFCONFIG);
        assertEquals(fix.config(), conf.config(), "conf's olddefconfig changed the fixed .config");
        assertTrue(conf.has(wantedLine), conf.config());
    }

    private static List<String> edited(Fix fix) {
        return fix.changes().stream().map(Change::symbol).toList();
    }
}
