package kforge.kconfig.constructs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.testing.ReferenceKernel;

/**
 * The named changes between 2.6.32 and 6.1 ({@link KconfigChange}), one fixture each: it runs through
 * FriendlyARM's 2.6.32.2 conf and through 6.1's conf, kforge in each dialect must match each, and the
 * fixtures are chosen so that the two confs disagree.
 */
class Before61ChangesTest {
    private static final ReferenceKernel OLD = ReferenceKernel.FRIENDLYARM_2_6_32;
    private static final ReferenceKernel NEW = ReferenceKernel.LINUX_6_1;

    @TempDir
    Path dir;

    private ConfPair pair(ReferenceKernel kernel, String kconfig) {
        return ConfPair.in(dir.resolve(kernel.name())).kernel(kernel).file("Kconfig", kconfig);
    }

    /** Same .config (and exit status and files) from the kernel's conf and from kforge. */
    private ConfPair.Outcome sameConfig(ReferenceKernel kernel, String kconfig, ConfMode mode) {
        return pair(kernel, kconfig).run(mode).assertConfWrote().assertSameConfig().conf();
    }

    private static List<String> body(ConfPair.Outcome outcome) {
        List<String> lines = outcome.config().lines().toList();
        return lines.subList(4, lines.size());
    }

    /** PROMPTLESS_N_NOT_WRITTEN (4.17): an invisible bool whose active default is n. */
    @Test
    void aPromptlessSymbolDefaultingToNIsWrittenBefore417() {
        String kconfig = """
                config HIDDEN_N
                	bool
                	default n
                config HIDDEN_NO_DEFAULT
                	bool
                config SHOWN
                	bool "shown"
                """;
        ConfPair.Outcome before = sameConfig(OLD, kconfig, ConfMode.ALLNOCONFIG);
        ConfPair.Outcome since = sameConfig(NEW, kconfig, ConfMode.ALLNOCONFIG);

        assertTrue(before.has("# CONFIG_HIDDEN_N is not set"), before.config());
        assertFalse(since.has("# CONFIG_HIDDEN_N is not set"), since.config());
        assertFalse(before.config().contains("HIDDEN_NO_DEFAULT"), before.config());
    }

    /** CHOICE_VALUES_WRITTEN_IF_VISIBLE (4.16): a member whose own dependency is n. */
    @Test
    void anInvisibleChoiceMemberIsWrittenBefore416() {
        String kconfig = """
                config PREEMPT
                	bool "preempt"
                choice
                	prompt "RCU"
                config CLASSIC_RCU
                	bool "classic"
                config TREE_PREEMPT_RCU
                	bool "tree preempt"
                	depends on PREEMPT
                endchoice
                """;
        ConfPair.Outcome before = sameConfig(OLD, kconfig, ConfMode.ALLNOCONFIG);
        ConfPair.Outcome since = sameConfig(NEW, kconfig, ConfMode.ALLNOCONFIG);

        assertTrue(before.has("# CONFIG_TREE_PREEMPT_RCU is not set"), before.config());
        assertFalse(since.config().contains("TREE_PREEMPT_RCU"), since.config());
        assertTrue(before.has("CONFIG_CLASSIC_RCU=y") && since.has("CONFIG_CLASSIC_RCU=y"));
    }

    /** END_OF_MENU_COMMENTS (about 5.2): no "# end of" line and no blank line after a menu before it. */
    @Test
    void menusHaveNoEndCommentBefore52() {
        String kconfig = """
                menu "Drivers"
                config DRIVER
                	bool "driver"
                	default y
                endmenu
                config AFTER
                	bool "after"
                	default y
                """;
        ConfPair.Outcome before = sameConfig(OLD, kconfig, ConfMode.ALLYESCONFIG);
        ConfPair.Outcome since = sameConfig(NEW, kconfig, ConfMode.ALLYESCONFIG);

        assertEquals(List.of("", "#", "# Drivers", "#", "CONFIG_DRIVER=y", "CONFIG_AFTER=y"), body(before));
        assertTrue(since.has("# end of Drivers"), since.config());
    }

    /**
     * CONFIG_HEADER_PROMPT (2.6.37) and CONFIG_HEADER_DO_NOT_EDIT (about 3.2): the old header names the
     * KERNELVERSION symbol's value (its name when there is none), not the mainmenu prompt.
     */
    @Test
    void theHeaderNamesTheKernelVersionBefore2637() {
        String kconfig = """
                mainmenu "Test Kernel Configuration"
                config KERNELVERSION
                	string
                	option env="KERNELVERSION"
                config A
                	bool "a"
                """;
        ConfPair.Outcome before = pair(OLD, kconfig).env("KERNELVERSION", "2.6.32.2").run(ConfMode.ALLNOCONFIG)
                .assertConfWrote().assertSameConfig().conf();
        // 6.1 has no 'option env': its fixture takes the prompt from mainmenu alone.
        ConfPair.Outcome since = sameConfig(NEW, "mainmenu \"Test Kernel Configuration\"\nconfig A\n\tbool \"a\"\n",
                ConfMode.ALLNOCONFIG);

        assertEquals(List.of("#", "# Automatically generated make config: don't edit",
                "# Linux kernel version: 2.6.32.2", "#"), before.config().lines().limit(4).toList());
        assertEquals(List.of("#", "# Automatically generated file; DO NOT EDIT.", "# Test Kernel Configuration", "#"),
                since.config().lines().limit(4).toList());

        ConfPair.Outcome nameless = sameConfig(OLD, "config A\n\tbool \"a\"\n", ConfMode.ALLNOCONFIG);
        assertTrue(nameless.has("# Linux kernel version: KERNELVERSION"), nameless.config());
    }

    /** CONFIG_HEADER_DO_NOT_EDIT: without KCONFIG_NOTIMESTAMP the old header carries ctime's date. */
    @Test
    void theOldHeaderIsDatedUnlessKconfigNotimestamp() {
        ConfPair.Both both = pair(OLD, "config A\n\tbool \"a\"\n").withTimestamp().run(ConfMode.ALLNOCONFIG);
        String ctime = "# [A-Z][a-z]{2} [A-Z][a-z]{2} [ 1-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9] [0-9]{4}";

        for (ConfPair.Outcome outcome : List.of(both.conf(), both.kforge())) {
            List<String> lines = outcome.config().lines().toList();
            assertTrue(lines.get(3).matches(ctime), lines.get(3));
            assertEquals("#", lines.get(4));
        }
        assertEquals(body(both.conf()).subList(1, body(both.conf()).size()),
                body(both.kforge()).subList(1, body(both.kforge()).size()));
    }

    /**
     * NO_MODULES_FALLBACK (about 2.6.36): without 'option modules' the symbol named MODULES enables
     * tristates before it; since, every tristate acts as a bool.
     */
    @Test
    void theSymbolNamedModulesEnablesTristatesBefore2636() {
        String kconfig = """
                config MODULES
                	bool "modules"
                config DRIVER
                	tristate "driver"
                """;
        ConfPair.Outcome before = sameConfig(OLD, kconfig, ConfMode.ALLMODCONFIG);
        ConfPair.Outcome since = sameConfig(NEW, kconfig, ConfMode.ALLMODCONFIG);

        assertTrue(before.has("CONFIG_DRIVER=m"), before.config());
        assertTrue(since.has("CONFIG_DRIVER=y"), since.config());
    }

    /**
     * PREPROCESSOR (4.18): before it '$' is plain text in a string, and 'option env' symbols take the
     * environment's value but are never written; an unset variable is warned about.
     */
    @Test
    void optionEnvAndLiteralDollarsBefore418() {
        String kconfig = """
                config ARCH
                	string
                	option env="ARCH"
                config NOPE
                	string
                	option env="NOPE_UNSET"
                config PATH_TEXT
                	string "path"
                	default "arch/$ARCH/$(ARCH)/defconfig"
                config ON_ARM
                	def_bool y
                	depends on ARCH = "arm"
                """;
        ConfPair.Both both = pair(OLD, kconfig).env("ARCH", "arm").run(ConfMode.ALLNOCONFIG);
        both.assertConfWrote().assertSame();
        ConfPair.Outcome before = both.conf();

        assertTrue(before.has("CONFIG_PATH_TEXT=\"arch/$ARCH/$(ARCH)/defconfig\""), before.config());
        assertTrue(before.has("CONFIG_ON_ARM=y"), before.config());
        assertFalse(before.config().contains("CONFIG_ARCH="), before.config());
        assertTrue(before.stderr().contains("environment variable NOPE_UNSET undefined"), before.stderr());
    }

    /**
     * LEXER_REWRITE (about 4.19): the old scanner's "---help---", "boolean", unquoted source paths, and
     * characters it skips without a word.
     */
    @Test
    void theOldScannersSyntaxIsAccepted() {
        ConfPair.Both both = ConfPair.in(dir).kernel(OLD)
                .file("Kconfig", """
                        config A
                        	boolean "a"
                        	default y
                        	---help---
                        	  Help for A.
                        source sub/Kconfig.extra
                        config B
                        	tristate "b"
                        	depends on A;
                        	default y
                        	--- help ---
                        	  Help for B.
                        """)
                .file("sub/Kconfig.extra", """
                        config C
                        	bool "c"
                        	default A
                        """)
                .workFile("empty_defconfig", "")
                .run(ConfMode.DEFCONFIG, "empty_defconfig");
        both.assertConfWrote().assertSame();

        assertEquals(List.of("CONFIG_A=y", "CONFIG_C=y", "CONFIG_B=y"), body(both.conf()));
    }

    /**
     * NEW_CHOICES_GET_VALUES (about 2.6.36): a defconfig sets a member of a tristate choice to y and leaves
     * another visible member out. Before, the choice keeps no user value and takes m from its reverse
     * dependency, so the member is m; since, set_all_choice_values gives the choice the value it read.
     * With every member named, both give y.
     */
    @Test
    void aTristateChoiceLeftPartlyUnsetByADefconfigIsMBefore2636() {
        // 2.6.32 takes the symbol named MODULES; 6.1 has no 'option' keyword and needs the 'modules' attribute.
        String choice = """
                choice
                	prompt "driver"
                config A
                	tristate "a"
                config B
                	tristate "b"
                endchoice
                """;
        String kconfig = "config MODULES\n\tbool \"modules\"\n\tdefault y\n" + choice;
        String kconfig61 = "config MODULES\n\tbool \"modules\"\n\tdefault y\n\tmodules\n" + choice;
        String partial = "CONFIG_MODULES=y\nCONFIG_A=y\n";
        String whole = partial + "# CONFIG_B is not set\n";
        ConfPair.Outcome before = pair(OLD, kconfig).workFile("part_defconfig", partial)
                .run(ConfMode.DEFCONFIG, "part_defconfig").assertConfWrote().assertSame().conf();
        ConfPair.Outcome since = pair(NEW, kconfig61).workFile("part_defconfig", partial)
                .run(ConfMode.DEFCONFIG, "part_defconfig").assertConfWrote().assertSame().conf();
        ConfPair.Outcome named = pair(OLD, kconfig).workFile("whole_defconfig", whole)
                .run(ConfMode.DEFCONFIG, "whole_defconfig").assertConfWrote().assertSame().conf();

        assertTrue(before.has("CONFIG_A=m"), before.config());
        assertTrue(since.has("CONFIG_A=y"), since.config());
        assertTrue(named.has("CONFIG_A=y"), named.config());
    }

    /** UNMET_DEPENDENCY_WARNINGS (about 2.6.38): select beyond a symbol's dependencies is silent before. */
    @Test
    void selectBeyondDependenciesIsSilentBefore2638() {
        String kconfig = """
                config BUS
                	bool "bus"
                config DMA
                	bool
                	depends on BUS
                config DRIVER
                	bool "driver"
                	select DMA
                """;
        String dotConfig = "# CONFIG_BUS is not set\nCONFIG_DRIVER=y\n";
        ConfPair.Outcome before = pair(OLD, kconfig).dotConfig(dotConfig).run(ConfMode.OLDCONFIG).assertConfWrote()
                .assertSame().conf();
        ConfPair.Outcome since = pair(NEW, kconfig).dotConfig(dotConfig).run(ConfMode.OLDCONFIG).assertConfWrote()
                .assertSame().conf();

        assertTrue(before.has("CONFIG_DMA=y") && since.has("CONFIG_DMA=y"), before.config());
        assertEquals("", before.stderr());
        assertTrue(since.stderr().contains("WARNING: unmet direct dependencies detected for DMA"), since.stderr());
    }
}
