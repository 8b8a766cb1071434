package kforge.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.app.Main;
import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceTree;

/** The batch form of the CLI: several defconfigs from one parse, each as the kernel's make writes it. */
class BatchDefconfigTest {
    private static final String CROSS = "arm-linux-gnueabi-";

    @TempDir
    Path out;

    @Test
    void eachDefconfigOfABatchIsByteIdenticalToTheKernels() throws Exception {
        Path mini2440ByPath = ReferenceTree.get().resolve("arch/arm/configs/mini2440_defconfig");
        int status = Main.run(new String[] {"defconfig", "--tree", ReferenceTree.get().toString(), "--arch", "arm",
            "--cross-compile", CROSS, "-q", "--defconfig", "s3c2410_defconfig", "--defconfig",
            mini2440ByPath.toString(), "--defconfig", "versatile_defconfig", "--out-dir", out.toString()});

        assertEquals(0, status);
        for (String name : new String[] {"s3c2410_defconfig", "mini2440_defconfig", "versatile_defconfig"}) {
            assertArrayEquals(Files.readAllBytes(Oracle.config("arm", CROSS, name)),
                    Files.readAllBytes(out.resolve(name).resolve(".config")), name);
        }
    }
}
