package kforge.kconfig.constructs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.dialect.KernelRelease;
import kforge.kconfig.testing.ExternalConf;
import kforge.kconfig.testing.ReferenceKernel;

/**
 * The changes found by comparing with Debian's 5.10.223 conf (scripts/verify-release 5.10): each fixture
 * runs through 6.1's conf (kforge must match it), through kforge in the 5.10 dialect (which must give the
 * form 5.10's conf was seen to write), and, when an external 5.10 conf is given
 * ({@code -Dkforge.release.conf}, {@code -Dkforge.release=5.10}), through that conf too.
 */
class Between510And61ChangesTest {
    private static final Dialect V5_10 = Dialect.of(KernelRelease.parse("5.10"));

    @TempDir
    Path dir;

    /** 6.1's conf and kforge agree; returns conf's outcome. */
    private ConfPair.Outcome linux61(String kconfig, ConfMode mode) {
        ConfPair.Both both = ConfPair.in(dir.resolve("6.1")).kernel(ReferenceKernel.LINUX_6_1).file("Kconfig", kconfig)
                .env("KCONFIG_SEED", "7").run(mode);
        both.assertSame();
        return both.conf();
    }

    /** kforge in the 5.10 dialect; compared with a 5.10 conf as well when one is configured. */
    private ConfPair.Outcome kforge510(String kconfig, ConfMode mode) {
        ExternalConf.configured().filter(c -> c.release().series().equals(V5_10.release()))
                .ifPresent(conf -> ConfPair.in(dir.resolve("external")).oracle(conf).file("Kconfig", kconfig)
                        .env("KCONFIG_SEED", "7").run(mode).assertSame());
        return ConfPair.in(dir.resolve("5.10")).kernel(ReferenceKernel.LINUX_6_1).dialect(V5_10)
                .file("Kconfig", kconfig).env("KCONFIG_SEED", "7").runKforge(mode);
    }

    private static final String TWO_FILES = """
            config FOO_BAR
            	bool "foo bar"
            	default y
            """;

    /** CONFIG_DEP_FILES_BY_NAME, AUTOCONF_HEADING_REWRITE, RUSTC_CFG: the files syncconfig leaves for Kbuild. */
    @Test
    void kbuildFilesAsWrittenBy510AndBy61() {
        ConfPair.Outcome since = linux61(TWO_FILES, ConfMode.OLDDEFCONFIG);
        ConfPair.Outcome before = kforge510(TWO_FILES, ConfMode.OLDDEFCONFIG);

        assertTrue(since.files().containsKey("include/config/FOO_BAR"), since.files().keySet().toString());
        assertTrue(since.files().containsKey("include/generated/rustc_cfg"), since.files().keySet().toString());
        assertTrue(since.files().get("include/generated/autoconf.h").startsWith("/*\n * Automatically"));
        assertTrue(since.files().get("include/config/auto.conf.cmd")
                .contains("\tKconfig \\\n\ninclude/config/auto.conf: $(deps_config)\n"));

        assertTrue(before.files().containsKey("include/config/foo/bar.h"), before.files().keySet().toString());
        assertFalse(before.files().containsKey("include/generated/rustc_cfg"), before.files().keySet().toString());
        assertEquals("/*\n *\n * Automatically generated file; DO NOT EDIT.\n * Main menu\n *\n */\n"
                + "#define CONFIG_FOO_BAR 1\n", before.files().get("include/generated/autoconf.h"));
        assertEquals("deps_config := \\\n\tKconfig\n\ninclude/config/auto.conf: \\\n\t$(deps_config)\n\n\n"
                + "$(deps_config): ;\n", before.files().get("include/config/auto.conf.cmd"));
    }

    /** RANDCONFIG_SEED_ON_STDOUT: 5.10 prints KCONFIG_SEED on stderr. */
    @Test
    void randconfigPrintsItsSeedOnStderrIn510() {
        ConfPair.Outcome since = linux61(TWO_FILES, ConfMode.RANDCONFIG);
        ConfPair.Outcome before = kforge510(TWO_FILES, ConfMode.RANDCONFIG);

        assertTrue(since.stdout().startsWith("KCONFIG_SEED=0x7\n"), since.stdout());
        assertEquals("KCONFIG_SEED=0x7\n", before.stderr());
        assertFalse(before.stdout().contains("KCONFIG_SEED"), before.stdout());
    }

    /** LOCATION_INCLUDES_ENTRY: help's Location list. */
    @Test
    void helpLocationStartsAtTheParentIn510() {
        String kconfig = """
                config TOP
                	bool "top"
                	help
                	  at the top.
                menu "M"
                config INNER
                	bool "inner"
                	help
                	  in M.
                endmenu
                """;
        ConfPair.Outcome since = linux61(kconfig, ConfMode.HELPNEWCONFIG);
        ConfPair.Outcome before = kforge510(kconfig, ConfMode.HELPNEWCONFIG);

        assertTrue(since.stdout().contains("  Location:\n    -> top (TOP [=n])\n"), since.stdout());
        assertTrue(since.stdout().contains("  Location:\n    -> M\n      -> inner (INNER [=n])\n"), since.stdout());
        assertTrue(before.stdout().contains("  Location:\n    -> M\n\n"), before.stdout());
        assertFalse(before.stdout().contains("-> top"), before.stdout());
        assertFalse(before.stdout().contains("-> inner"), before.stdout());
    }

    /** OPTION_KEYWORD_REMOVED: before 5.13 "option modules" (modules is a keyword there too), no bare "modules". */
    @Test
    void optionModulesIsTheOnlyFormIn510() {
        String option = """
                config MODULES
                	bool "modules"
                	option modules
                	default y
                config T
                	tristate "t"
                	default m
                """;
        ConfPair.Outcome before = kforge510(option, ConfMode.OLDDEFCONFIG);
        assertEquals(0, before.exit(), before.stderr());
        assertTrue(before.has("CONFIG_T=m"), before.config());

        ConfPair.Outcome bare = kforge510(option.replace("option modules", "modules"), ConfMode.OLDDEFCONFIG);
        assertEquals(1, bare.exit(), bare.stderr());
        assertTrue(bare.stderr().contains("syntax error"), bare.stderr());
        assertTrue(V5_10.has(KconfigChange.LEXER_REWRITE) && !V5_10.has(KconfigChange.OPTION_KEYWORD_REMOVED));
    }
}
