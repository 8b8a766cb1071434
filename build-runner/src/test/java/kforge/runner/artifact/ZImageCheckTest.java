package kforge.runner.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against images laid out as arch/arm/boot/compressed/head.S (6.1) lays them out: eight nops, a branch, then
 * _magic_sig, _magic_start, _magic_end, the endianness flag 0x04030201, 0x45454545 and _magic_table. A real
 * tinyconfig zImage had start 0 and end equal to its file size.
 */
class ZImageCheckTest {
    private static final int NOP = 0xe1a00000; // mov r0, r0
    private static final int BRANCH = 0xea00000f;

    @TempDir
    Path dir;

    /** A zImage of size bytes, as the linker and objcopy would make one, in the kernel's byte order. */
    static byte[] zImage(int size, ByteOrder kernelOrder) {
        ByteBuffer image = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        byte[] payload = new byte[size];
        new Random(42).nextBytes(payload);
        image.put(payload).position(0);
        for (int i = 0; i < 8; i++) {
            image.putInt(NOP);
        }
        image.putInt(BRANCH);
        // vmlinux.lds.S byte-swaps these for BE8 kernels, so they read the same little-endian either way.
        image.putInt(0x016f2818).putInt(0).putInt(size);
        image.order(kernelOrder).putInt(0x04030201).putInt(0x45454545).order(ByteOrder.LITTLE_ENDIAN).putInt(0x4a0c);
        return image.array();
    }

    private Verification verify(byte[] content) throws IOException {
        Path file = dir.resolve("zImage");
        Files.write(file, content);
        return ArtifactCheck.verify(file, ArtifactKind.ZIMAGE, "arm");
    }

    @Test
    void aWellFormedImageVerifies() throws IOException {
        Verification v = verify(zImage(8192, ByteOrder.LITTLE_ENDIAN));
        assertTrue(v.ok(), v.detail());
        assertEquals("zImage magic 0x016f2818 at 0x24, little-endian, 8192 bytes", v.detail());
    }

    @Test
    void aBigEndianImageVerifiesAndSaysSo() throws IOException {
        Verification v = verify(zImage(8192, ByteOrder.BIG_ENDIAN));
        assertTrue(v.ok(), v.detail());
        assertTrue(v.detail().contains("big-endian"), v.detail());
    }

    @Test
    void anAppendedDeviceTreeIsAllowed() throws IOException {
        byte[] image = zImage(8192, ByteOrder.LITTLE_ENDIAN);
        byte[] withDtb = Arrays.copyOf(image, image.length + 1000);
        Verification v = verify(withDtb);
        assertTrue(v.ok(), v.detail());
        assertTrue(v.detail().endsWith("8192 bytes + 1000 appended"), v.detail());
    }

    @Test
    void aCorruptedMagicByteFails() throws IOException {
        byte[] image = zImage(8192, ByteOrder.LITTLE_ENDIAN);
        image[0x25] ^= 0x01;
        Verification v = verify(image);
        assertFalse(v.ok());
        assertEquals("no zImage magic at 0x24: found 0x016f2918, expected 0x016f2818", v.detail());
    }

    @Test
    void aTruncatedImageFails() throws IOException {
        Verification v = verify(Arrays.copyOf(zImage(8192, ByteOrder.LITTLE_ENDIAN), 5000));
        assertFalse(v.ok());
        assertEquals("zImage truncated: its header says 8192 bytes, the file has 5000", v.detail());
    }

    @Test
    void aFileShorterThanTheHeaderFails() throws IOException {
        Verification v = verify(Arrays.copyOf(zImage(8192, ByteOrder.LITTLE_ENDIAN), 0x28));
        assertFalse(v.ok());
        assertTrue(v.detail().startsWith("too short for a zImage header"), v.detail());
    }

    @Test
    void anEndBelowTheStartFails() throws IOException {
        byte[] image = zImage(8192, ByteOrder.LITTLE_ENDIAN);
        ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putInt(0x28, 0x10000);
        Verification v = verify(image);
        assertFalse(v.ok());
        assertTrue(v.detail().contains("is not above its start"), v.detail());
    }

    @Test
    void emptyAndMissingFilesFail() throws IOException {
        assertEquals(new Verification(false, "empty"), verify(new byte[0]));
        assertEquals(new Verification(false, "missing"),
                ArtifactCheck.verify(dir.resolve("absent"), ArtifactKind.ZIMAGE, "arm"));
        assertEquals(new Verification(false, "not a regular file"),
                ArtifactCheck.verify(dir, ArtifactKind.ZIMAGE, "arm"));
    }
}
