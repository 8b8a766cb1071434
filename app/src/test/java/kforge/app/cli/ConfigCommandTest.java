package kforge.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.app.Main;
import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceTree;

/**
 * kforge config --board against what merge_config.sh makes the kernel do: the merged file (the script's
 * own, with -m) given to the kernel's make as KCONFIG_ALLCONFIG for alldefconfig.
 */
class ConfigCommandTest {
    private static final String CROSS = "arm-linux-gnueabi-";

    @TempDir
    Path dir;

    private int run(List<String> command, Path cwd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve(cwd.getFileName() + ".err").toFile());
        pb.environment().clear();
        pb.environment().putAll(Oracle.makeEnvironment());
        return pb.start().waitFor();
    }

    @Test
    void boardPlusFragmentEqualsMergeConfigThroughTheKernelsMake() throws Exception {
        Path tree = ReferenceTree.get();
        Path fragment = Files.writeString(dir.resolve("nand-debug.config"),
                "CONFIG_VFAT_FS=m\n# CONFIG_EXT3_FS is not set\nCONFIG_EXT4_FS=m\nCONFIG_MTD_NAND_S3C2410_DEBUG=y\n");

        Path scriptOut = Files.createDirectories(dir.resolve("script"));
        assertEquals(0, run(List.of(tree.resolve("scripts/kconfig/merge_config.sh").toString(), "-m", "-O",
                scriptOut.toString(), tree.resolve("arch/arm/configs/s3c2410_defconfig").toString(),
                fragment.toString()), scriptOut));
        Path merged = Files.copy(scriptOut.resolve(".config"), dir.resolve("merged.config"));
        Path makeOut = Files.createDirectories(dir.resolve("make"));
        assertEquals(0, run(List.of("make", "-s", "-C", tree.toString(), "O=" + makeOut, "ARCH=arm",
                "CROSS_COMPILE=" + CROSS, "KCONFIG_ALLCONFIG=" + merged, "alldefconfig"), makeOut));

        Path kforgeConfig = dir.resolve("kforge/.config");
        int status = Main.run(new String[] {"config", "--board", "s3c2410", "--tree", tree.toString(),
            "--fragment", fragment.toString(), "--config", kforgeConfig.toString(), "-q", "--allow-unmet"});
        assertEquals(0, status);
        assertEquals(Files.readString(makeOut.resolve(".config"), StandardCharsets.ISO_8859_1),
                Files.readString(kforgeConfig, StandardCharsets.ISO_8859_1));
    }
}
