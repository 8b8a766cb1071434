package kforge.runner.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** System.map and .config, the two text artifacts of every build. */
class TextArtifactCheckTest {
    /** Debian's configuration for its amd64 kernel, from the linux-config-6.1 package scripts/install-deps installs. */
    private static final Path DEBIAN_CONFIG = Path.of("/usr/src/linux-config-6.1/config.amd64_none_amd64.xz");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void aSystemMapAsMksysmapWritesItVerifies() throws IOException {
        Path map = write("System.map", "00000000 A cpu_v7m_suspend_size\n00808000 T _text\n00808000 T stext\n");
        assertEquals(new Verification(true, "System.map starting with '00000000 A cpu_v7m_suspend_size'"),
                ArtifactCheck.verify(map, ArtifactKind.SYSTEM_MAP, "arm"));
        Path map64 = write("System.map", "ffffffff81000000 T _stext\n");
        assertTrue(ArtifactCheck.verify(map64, ArtifactKind.SYSTEM_MAP, "x86_64").ok());
    }

    @Test
    void somethingElseCalledSystemMapFails() throws IOException {
        Path map = write("System.map", "make: *** [Makefile:1234: vmlinux] Error 1\n");
        Verification v = ArtifactCheck.verify(map, ArtifactKind.SYSTEM_MAP, "arm");
        assertFalse(v.ok());
        assertTrue(v.detail().startsWith("not a System.map"), v.detail());
        Path upperCaseAddress = write("System.map", "C0008000 T _text\n");
        assertFalse(ArtifactCheck.verify(upperCaseAddress, ArtifactKind.SYSTEM_MAP, "arm").ok());
        Path binary = Files.write(dir.resolve("System.map"), ZImageCheckTest.zImage(4096, ByteOrder.LITTLE_ENDIAN));
        assertFalse(ArtifactCheck.verify(binary, ArtifactKind.SYSTEM_MAP, "arm").ok());
        assertEquals(new Verification(false, "empty"),
                ArtifactCheck.verify(write("System.map", ""), ArtifactKind.SYSTEM_MAP, "arm"));
    }

    @Test
    void aConfigWithOptionsVerifies() throws IOException {
        Path config = write(".config", "#\n# Automatically generated file; DO NOT EDIT.\n"
                + "# Linux/arm 6.1.0 Kernel Configuration\n#\nCONFIG_CC_VERSION_TEXT=\"arm-linux-gnueabi-gcc\"\n"
                + "CONFIG_MMU=y\n# CONFIG_SMP is not set\n");
        assertEquals(new Verification(true, "kernel configuration with 2 options set"),
                ArtifactCheck.verify(config, ArtifactKind.CONFIG, "arm"));
    }

    @Test
    void aConfigWithoutOptionsFails() throws IOException {
        Path config = write(".config", "#\n# CONFIG_SMP is not set\n# CONFIG_MODULES is not set\n");
        Verification v = ArtifactCheck.verify(config, ArtifactKind.CONFIG, "arm");
        assertEquals(new Verification(false, "not a kernel configuration: no line starts with CONFIG_"), v);
        assertEquals(new Verification(false, "missing"),
                ArtifactCheck.verify(dir.resolve("nothing"), ArtifactKind.CONFIG, "arm"));
    }

    @Test
    void debiansRealConfigVerifies() throws Exception {
        assumeTrue(Files.isRegularFile(DEBIAN_CONFIG), DEBIAN_CONFIG + " is not installed");
        String text = Commands.run(dir, "xz", "-dc", DEBIAN_CONFIG.toString());
        Verification v = ArtifactCheck.verify(write(".config", text), ArtifactKind.CONFIG, "x86_64");
        assertTrue(v.ok(), v.detail());
        long expected = text.lines().filter(line -> line.startsWith("CONFIG_")).count();
        assertTrue(expected > 1000, "Debian's config sets thousands of options: " + expected);
        assertEquals("kernel configuration with " + expected + " options set", v.detail());
    }
}
