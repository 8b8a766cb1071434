package kforge.kconfig.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Sanity checks of the harness itself, on facts fixed by the kernel's own s3c2410_defconfig. */
class OracleTest {
    private static final String ARM_CROSS = "arm-linux-gnueabi-";

    @Test
    void s3c2410DefconfigHasTheKernelsHeaderAndSelectsTheCpu() throws IOException {
        List<String> lines = Files.readAllLines(Oracle.config("arm", ARM_CROSS, "s3c2410_defconfig"));

        assertTrue(lines.get(2).matches("# Linux/arm 6\\.1\\.\\d+ Kernel Configuration"), lines.get(2));
        assertTrue(lines.contains("CONFIG_CPU_S3C2410=y"));
    }

    @Test
    void aSecondRequestReusesTheCachedResult() throws IOException {
        Path first = Oracle.config("arm", ARM_CROSS, "s3c2410_defconfig");
        var written = Files.getLastModifiedTime(first);

        Path second = Oracle.config("arm", ARM_CROSS, "s3c2410_defconfig");

        assertEquals(first, second);
        assertEquals(written, Files.getLastModifiedTime(second));
    }

    @Test
    void savedefconfigKeepsTheMachineSelection() throws IOException {
        List<String> lines = Files.readAllLines(Oracle.savedefconfig("arm", ARM_CROSS, "s3c2410_defconfig"));

        assertTrue(lines.contains("CONFIG_ARCH_S3C24XX=y"), lines.toString());
    }

    @Test
    void confBinaryIsBuilt() {
        Path conf = Oracle.confBinary("arm", ARM_CROSS);

        assertTrue(Files.isExecutable(conf), conf.toString());
    }

    @Test
    void referenceTreeIsPristine() {
        Path tree = ReferenceTree.get();

        assertTrue(Files.isRegularFile(tree.resolve("arch/arm/configs/s3c2410_defconfig")));
        // A .config or include/config in the tree would make every O= build refuse to run.
        assertTrue(Files.notExists(tree.resolve(".config")));
        assertTrue(Files.notExists(tree.resolve("include/config")));
    }
}
