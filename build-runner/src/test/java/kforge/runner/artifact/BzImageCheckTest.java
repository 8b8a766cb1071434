package kforge.runner.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against images laid out as arch/x86/boot/header.S (6.1) lays them out: the setup header at 0x1f1 (setup_sects),
 * boot_flag 0xAA55 at 0x1fe, the 2-byte jump at 0x200, "HdrS" at 0x202, version 0x020f at 0x206 and, at 0x20e,
 * the offset from 0x200 of the kernel version string.
 */
class BzImageCheckTest {
    @TempDir
    Path dir;

    static byte[] bzImage(String kernelVersion) {
        ByteBuffer image = ByteBuffer.allocate(16384).order(ByteOrder.LITTLE_ENDIAN);
        image.put(0x1f1, (byte) 3);
        image.putShort(0x1fe, (short) 0xaa55);
        image.put(0x200, (byte) 0xeb).put(0x201, (byte) 0x6a);
        image.put(0x202, "HdrS".getBytes(StandardCharsets.US_ASCII));
        image.putShort(0x206, (short) 0x020f);
        if (kernelVersion != null) {
            int at = 0x6c0;
            image.putShort(0x20e, (short) (at - 0x200));
            image.put(at, (kernelVersion + "\0").getBytes(StandardCharsets.US_ASCII));
        }
        return image.array();
    }

    private Verification verify(byte[] content) throws IOException {
        Path file = dir.resolve("bzImage");
        Files.write(file, content);
        return ArtifactCheck.verify(file, ArtifactKind.BZIMAGE, "x86_64");
    }

    @Test
    void aWellFormedImageVerifiesWithItsProtocolAndKernelVersion() throws IOException {
        Verification v = verify(bzImage("6.1.0-kforge (kforge@build) #1 SMP PREEMPT_DYNAMIC"));
        assertTrue(v.ok(), v.detail());
        assertEquals("bzImage boot protocol 2.15, HdrS at 0x202, kernel 6.1.0-kforge", v.detail());
    }

    @Test
    void anImageWithoutAVersionStringStillVerifies() throws IOException {
        Verification v = verify(bzImage(null));
        assertTrue(v.ok(), v.detail());
        assertEquals("bzImage boot protocol 2.15, HdrS at 0x202", v.detail());
    }

    @Test
    void aCorruptedSignatureFails() throws IOException {
        byte[] image = bzImage(null);
        image[0x203] = 'x';
        Verification v = verify(image);
        assertFalse(v.ok());
        assertTrue(v.detail().contains("no \"HdrS\" signature at 0x202"), v.detail());
    }

    @Test
    void aMissingBootFlagFails() throws IOException {
        byte[] image = bzImage(null);
        image[0x1ff] = 0;
        Verification v = verify(image);
        assertFalse(v.ok());
        assertEquals("no boot flag 0xaa55 at 0x1fe: found 0x0055", v.detail());
    }

    @Test
    void aShortFileFails() throws IOException {
        Verification v = verify(Arrays.copyOf(bzImage(null), 0x204));
        assertFalse(v.ok());
        assertTrue(v.detail().startsWith("too short for a bzImage header"), v.detail());
    }

    @Test
    void anArmZImageIsNotABzImage() throws IOException {
        Verification v = verify(ZImageCheckTest.zImage(8192, ByteOrder.LITTLE_ENDIAN));
        assertFalse(v.ok(), v.detail());
    }
}
