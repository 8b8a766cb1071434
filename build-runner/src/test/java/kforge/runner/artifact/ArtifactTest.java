package kforge.runner.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactTest {
    @TempDir
    Path out;

    /** The hash as sha256sum prints it, which is what a user compares against. */
    private static String sha256sum(Path file) throws Exception {
        String line = Commands.run(file.getParent(), "sha256sum", "-b", file.toString());
        return line.substring(0, line.indexOf(' '));
    }

    @Test
    void inspectsAnElfKernelAndHashesItLikeSha256sum() throws Exception {
        Path vmlinux = Files.copy(Path.of("/bin/ls"), out.resolve("vmlinux"));
        Artifact artifact = Artifact.inspect(out, "vmlinux", "x86_64");
        assertEquals(new Artifact("vmlinux", ArtifactKind.ELF, Files.size(vmlinux), sha256sum(vmlinux), true,
                "ELF 64-bit LSB x86-64"), artifact);
        assertTrue(artifact.sha256().matches("[0-9a-f]{64}"), artifact.sha256());
    }

    @Test
    void hashesAFileLargerThanTheReadBufferLikeSha256sum() throws Exception {
        Path boot = Files.createDirectories(out.resolve("arch/arm/boot"));
        int size = 3 * 1024 * 1024 + 17;
        Path zImage = Files.write(boot.resolve("zImage"), ZImageCheckTest.zImage(size, ByteOrder.LITTLE_ENDIAN));
        Artifact artifact = Artifact.inspect(out, "arch/arm/boot/zImage", "arm");
        assertEquals(ArtifactKind.ZIMAGE, artifact.kind());
        assertTrue(artifact.verified(), artifact.detail());
        assertEquals(size, artifact.size());
        assertEquals(sha256sum(zImage), artifact.sha256());
    }

    @Test
    void anEmptyFileIsHashedButNotVerified() throws Exception {
        Path empty = Files.write(out.resolve("System.map"), new byte[0]);
        Artifact artifact = Artifact.inspect(out, "./System.map", "arm");
        assertEquals(new Artifact("System.map", ArtifactKind.SYSTEM_MAP, 0, sha256sum(empty), false, "empty"), artifact);
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", artifact.sha256());
    }

    @Test
    void aMissingFileIsListedUnverifiedWithoutAHash() {
        Artifact artifact = Artifact.inspect(out, "arch/arm/boot/zImage", "arm");
        assertEquals(new Artifact("arch/arm/boot/zImage", ArtifactKind.ZIMAGE, 0, "", false, "missing"), artifact);
        assertFalse(artifact.verified());
    }

    @Test
    void pathsOutsideTheOutDirAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Artifact.inspect(out, "../vmlinux", "arm"));
        assertThrows(IllegalArgumentException.class, () -> Artifact.inspect(out, "/bin/ls", "x86_64"));
        assertThrows(IllegalArgumentException.class, () -> Artifact.inspect(out, "arch/../..", "arm"));
    }
}
