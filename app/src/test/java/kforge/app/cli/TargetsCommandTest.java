package kforge.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceKernel;

/**
 * kforge targets against the kernel's own make running the same targets in one O= directory: fragments,
 * tinyconfig and the arch's generated defconfigs must come out byte for byte as make writes them.
 */
class TargetsCommandTest {
    private static final String ARM_CROSS = "arm-linux-gnueabi-";

    @TempDir
    Path dir;

    private CliRun targets(ReferenceKernel kernel, String arch, String cross, Path config, String... names) {
        List<String> args = new ArrayList<>(List.of("targets", "--tree", kernel.tree().toString(), "--arch", arch,
                "--config", config.toString(), "-q"));
        if (cross != null) {
            args.addAll(List.of("--cross-compile", cross));
        }
        args.addAll(List.of(names));
        return CliRun.kforge(args.toArray(String[]::new));
    }

    private void assertSameAsMake(ReferenceKernel kernel, String arch, String cross, String... names) throws Exception {
        Path config = dir.resolve(String.join("+", names)).resolve(".config");
        CliRun run = targets(kernel, arch, cross, config, names);
        assertEquals(0, run.exit(), run.err());
        Path made = Oracle.config(kernel, arch, cross, names);
        assertArrayEquals(Files.readAllBytes(made), Files.readAllBytes(config), String.join(" ", names));
        // make keeps the merged fragment as .config.old when olddefconfig rewrites it; so does kforge.
        Path madeOld = made.resolveSibling(".config.old");
        if (Files.exists(madeOld)) {
            assertArrayEquals(Files.readAllBytes(madeOld), Files.readAllBytes(config.resolveSibling(".config.old")),
                    String.join(" ", names) + ": .config.old");
        }
    }

    @Test
    void tinyconfigOn612IsByteIdenticalToMake() throws Exception {
        assertSameAsMake(ReferenceKernel.LINUX_6_12, "x86_64", null, "tinyconfig");
    }

    @Test
    void defconfigThenKvmGuestFragmentOn612IsByteIdenticalToMake() throws Exception {
        assertSameAsMake(ReferenceKernel.LINUX_6_12, "x86_64", null, "defconfig", "kvm_guest.config");
    }

    @Test
    void armDefconfigThenAFragmentOn61IsByteIdenticalToMake() throws Exception {
        assertSameAsMake(ReferenceKernel.LINUX_6_1, "arm", ARM_CROSS, "versatile_defconfig", "debug.config");
    }

    @Test
    void mipsDefaultDefconfigOn61IsTheGeneratedOneAsMakeBuildsIt() throws Exception {
        assertSameAsMake(ReferenceKernel.LINUX_6_1, "mips", null, "defconfig");
    }

    /** The other kinds of target arch Makefiles generate, each against make. */
    @ParameterizedTest(name = "{0} ARCH={1} {2}")
    @CsvSource({
        "LINUX_6_1, mips, ocelot_defconfig",
        "LINUX_6_12, mips, defconfig",
        "LINUX_6_1, x86_64, tinyconfig",
        "LINUX_6_12, riscv, rv32_defconfig",
        "LINUX_6_12, powerpc, pseries_defconfig",
        "LINUX_6_12, powerpc, ppc64le_allnoconfig",
        "LINUX_6_12, arm64, virtconfig",
    })
    void archGeneratedTargetsAreByteIdenticalToMake(ReferenceKernel kernel, String arch, String target)
            throws Exception {
        assertSameAsMake(kernel, arch, null, target);
    }

    @Test
    void aTargetTheArchMakefileRefusesSaysWhyAsMakeDoes() {
        CliRun run = targets(ReferenceKernel.LINUX_6_1, "mips", null, dir.resolve(".config"), "generic_defconfig");
        assertEquals(2, run.exit());
        assertFalse(run.hasStackTrace(), run.err());
        assertTrue(run.err().contains("generic_defconfig is not intended for direct use"), run.err());
    }

    @Test
    void kforgeDefconfigWithoutANameUsesMipssGeneratedDefault() throws Exception {
        Path config = dir.resolve("mips/.config");
        CliRun run = CliRun.kforge("defconfig", "--tree", ReferenceKernel.LINUX_6_1.tree().toString(), "--arch",
                "mips", "--config", config.toString(), "-q");
        assertEquals(0, run.exit(), run.err());
        assertArrayEquals(Files.readAllBytes(Oracle.config(ReferenceKernel.LINUX_6_1, "mips", null, "defconfig")),
                Files.readAllBytes(config));
    }

    @Test
    void anUnknownTargetIsBadInputNamedInOneLine() {
        CliRun run = targets(ReferenceKernel.LINUX_6_12, "x86_64", null, dir.resolve(".config"), "frobconfig");
        assertEquals(2, run.exit());
        assertFalse(run.hasStackTrace(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("frobconfig"), run.err());
    }

    @Test
    void aMissingFragmentIsBadInputNamingItAndLeavesTheConfigAlone() throws Exception {
        Path config = Files.writeString(dir.resolve(".config"), "CONFIG_OLD=y\n");
        CliRun run = targets(ReferenceKernel.LINUX_6_12, "x86_64", null, config, "nosuch.config");
        assertEquals(2, run.exit());
        assertFalse(run.hasStackTrace(), run.err());
        assertTrue(run.err().contains("nosuch.config"), run.err());
        assertEquals("CONFIG_OLD=y\n", Files.readString(config));
    }
}
