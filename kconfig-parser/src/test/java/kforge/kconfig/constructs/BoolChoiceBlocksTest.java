package kforge.kconfig.constructs;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.testing.ReferenceKernel;

/**
 * {@link KconfigChange#BOOL_CHOICE_BLOCKS}: each fixture runs through 6.1's conf and 6.12's conf, and kforge
 * in each dialect must match each; the fixtures are chosen so that the two confs disagree.
 */
class BoolChoiceBlocksTest {
    @TempDir
    Path dir;

    /** The x86_64 defconfig case: "# ... is not set" for the default member moves a 6.11 choice on. */
    private static final String DEFAULT_SET_TO_N = """
            choice
                prompt "IOMMU default"
                default ON
            config ON
                bool "on"
            config ON_INTGPU_OFF
                bool "on, integrated GPU off"
            config OFF
                bool "off"
            endchoice
            """;

    /** The USB_ROLE_SWITCH case: before 6.11 the choice bounded what its members select. */
    private static final String SELECT_FROM_A_MEMBER = """
            config MODULES
                bool "modules"
                default y
                modules
            config DRIVER
                tristate "driver"
            config ROLE_SWITCH
                tristate
            choice
                prompt "mode"
                depends on DRIVER
            config DUAL_ROLE
                bool "dual role"
                select ROLE_SWITCH
            config HOST_ONLY
                bool "host only"
            endchoice
            """;

    private ConfPair.Outcome sameOn(ReferenceKernel kernel, String kconfig, String dotConfig, ConfMode mode) {
        ConfPair pair = ConfPair.in(dir.resolve(kernel.name())).kernel(kernel).file("Kconfig", kconfig);
        if (dotConfig != null) {
            pair.dotConfig(dotConfig);
        }
        ConfPair.Both both = pair.run(mode);
        both.assertSame();
        return both.conf();
    }

    @Test
    void aDefaultMemberSetToNMovesTheChoiceSince611() {
        String dotConfig = "# CONFIG_ON is not set\n";
        ConfPair.Outcome before = sameOn(ReferenceKernel.LINUX_6_1, DEFAULT_SET_TO_N, dotConfig, ConfMode.OLDDEFCONFIG);
        ConfPair.Outcome since = sameOn(ReferenceKernel.LINUX_6_12, DEFAULT_SET_TO_N, dotConfig, ConfMode.OLDDEFCONFIG);

        assertTrue(before.has("CONFIG_ON=y"), before.config());
        assertTrue(since.has("CONFIG_ON_INTGPU_OFF=y"), since.config());
    }

    @Test
    void theLastLineForAChoiceWinsSince611() {
        String dotConfig = "CONFIG_OFF=y\nCONFIG_ON_INTGPU_OFF=y\n# CONFIG_OFF is not set\n";
        sameOn(ReferenceKernel.LINUX_6_1, DEFAULT_SET_TO_N, dotConfig, ConfMode.OLDDEFCONFIG);
        sameOn(ReferenceKernel.LINUX_6_12, DEFAULT_SET_TO_N, dotConfig, ConfMode.OLDDEFCONFIG);
    }

    @Test
    void aMemberSelectsWithTheChoicesDependencySince611() {
        ConfPair.Outcome before = sameOn(ReferenceKernel.LINUX_6_1, SELECT_FROM_A_MEMBER, null, ConfMode.ALLMODCONFIG);
        ConfPair.Outcome since = sameOn(ReferenceKernel.LINUX_6_12, SELECT_FROM_A_MEMBER, null, ConfMode.ALLMODCONFIG);

        assertTrue(since.has("CONFIG_ROLE_SWITCH=m"), since.config());
        assertNotEquals(before.config(), since.config());
    }

    @ParameterizedTest
    @EnumSource(value = ConfMode.class, names = {"ALLNOCONFIG", "ALLYESCONFIG", "ALLMODCONFIG", "ALLDEFCONFIG",
            "SAVEDEFCONFIG", "LISTNEWCONFIG"})
    void theKernelsOwnChoiceFixtureOn612(ConfMode mode) {
        ConfPair.kernelKconfig(dir, ReferenceKernel.LINUX_6_12, "choice").runSame(mode);
    }

    @Test
    void randconfigPicksMembersAsThe612ConfDoes() {
        for (String seed : new String[] {"1", "2", "3", "0x1234", "77"}) {
            ConfPair.in(dir.resolve("seed" + seed)).kernel(ReferenceKernel.LINUX_6_12).file("Kconfig", DEFAULT_SET_TO_N
                    + SELECT_FROM_A_MEMBER).env("KCONFIG_SEED", seed).runSame(ConfMode.RANDCONFIG);
        }
    }
}
