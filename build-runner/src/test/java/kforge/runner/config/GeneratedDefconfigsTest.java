package kforge.runner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the generated configuration targets out of an arch Makefile, in the forms the 6.1 and 6.12
 * trees use (the end-to-end check against make is kforge targets' own test in the app).
 */
class GeneratedDefconfigsTest {
    @TempDir
    Path tree;

    private GeneratedDefconfigs read(String arch, String makefile) throws Exception {
        Path file = tree.resolve("arch").resolve(arch).resolve("Makefile");
        Files.createDirectories(file.getParent());
        Files.writeString(file, makefile);
        return GeneratedDefconfigs.of(tree, arch);
    }

    @Test
    void mergedDefconfigsFollowContinuationLinesAndTheOverrideVariant() throws Exception {
        GeneratedDefconfigs found = read("powerpc", """
                PHONY += mpc85xx_defconfig
                mpc85xx_defconfig:
                \t$(call merge_into_defconfig,mpc85xx_base.config,\\
                \t\t85xx-32bit 85xx-hw)

                virtconfig:
                \t$(call merge_into_defconfig_override,defconfig,virt)

                ppc_defconfig:
                \t$(call merge_into_defconfig,book3s_32.config,)
                """);
        assertEquals(Optional.of(new GeneratedDefconfigs.Merged("arch/powerpc/configs/mpc85xx_base.config",
                List.of("arch/powerpc/configs/85xx-32bit.config", "arch/powerpc/configs/85xx-hw.config"), true)),
                found.recipe("mpc85xx_defconfig"));
        assertEquals(Optional.of(new GeneratedDefconfigs.Merged("arch/powerpc/configs/defconfig",
                List.of("arch/powerpc/configs/virt.config"), false)), found.recipe("virtconfig"));
        assertEquals(Optional.of(new GeneratedDefconfigs.Merged("arch/powerpc/configs/book3s_32.config", List.of(),
                true)), found.recipe("ppc_defconfig"));
    }

    @Test
    void targetSequencesSeededModesAndRefusalsAreTold() throws Exception {
        GeneratedDefconfigs found = read("riscv", """
                rv32_defconfig:
                \t$(Q)$(MAKE) -f $(srctree)/Makefile defconfig 32-bit.config
                pseries_defconfig: ppc64le_guest_defconfig

                rv32_randconfig:
                \t$(Q)$(MAKE) KCONFIG_ALLCONFIG=$(srctree)/arch/riscv/configs/32-bit.config \\
                \t\t-f $(srctree)/Makefile randconfig
                generic_defconfig:
                \t$(Q)echo "not for direct use,"
                \t$(Q)echo "use an ISA-specific target"
                \t$(Q)false
                odd_defconfig:
                \t$(Q)$(MAKE) -f $(srctree)/Makefile $($@-y)
                archprepare: checkbin
                \t$(Q)true
                """);
        assertEquals(Optional.of(new GeneratedDefconfigs.Targets(List.of("defconfig", "32-bit.config"))),
                found.recipe("rv32_defconfig"));
        assertEquals(Optional.of(new GeneratedDefconfigs.Targets(List.of("ppc64le_guest_defconfig"))),
                found.recipe("pseries_defconfig"));
        assertEquals(Optional.of(new GeneratedDefconfigs.SeededMode("arch/riscv/configs/32-bit.config", "randconfig")),
                found.recipe("rv32_randconfig"));
        assertEquals(Optional.of(new GeneratedDefconfigs.Refused(
                "generic_defconfig: not for direct use, use an ISA-specific target")), found.recipe("generic_defconfig"));
        assertInstanceOf(GeneratedDefconfigs.Unsupported.class, found.recipe("odd_defconfig").orElseThrow());
        assertTrue(found.recipe("archprepare").isEmpty());
    }

    @Test
    void mipsGenericDefconfigsComeFromTheEvalLinesAndLegacyNamesPinTheirBoards() throws Exception {
        GeneratedDefconfigs found = read("mips", """
                $(eval $(call gen_generic_defconfigs,32 64,r1 r2 r6,eb el))
                $(eval $(call gen_generic_defconfigs,micro32,r2,eb el))
                legacy_defconfigs\t\t+= ocelot_defconfig
                ocelot_defconfig-y\t\t:= 32r2el_defconfig BOARDS=ocelot
                """);
        String generic = "arch/mips/configs/generic/";
        assertEquals(Optional.of(new GeneratedDefconfigs.MipsGeneric("arch/mips/configs/generic_defconfig",
                List.of(generic + "32r2.config", generic + "el.config"), List.of())), found.recipe("32r2el_defconfig"));
        assertEquals(Optional.of(new GeneratedDefconfigs.MipsGeneric("arch/mips/configs/generic_defconfig",
                List.of(generic + "64r6.config", generic + "eb.config"), List.of())), found.recipe("64r6_defconfig"));
        assertEquals(List.of(generic + "micro32r2.config", generic + "el.config"),
                ((GeneratedDefconfigs.MipsGeneric) found.recipe("micro32r2el_defconfig").orElseThrow()).fragments());
        assertEquals(List.of("ocelot"),
                ((GeneratedDefconfigs.MipsGeneric) found.recipe("ocelot_defconfig").orElseThrow()).boards());
    }
}
