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
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against headers written as U-Boot's mkimage writes them (include/image.h, image_header_t): all fields
 * big-endian, ih_hcrc the CRC32 of the 64 header bytes with ih_hcrc zeroed, ih_dcrc the CRC32 of the data.
 */
class UImageCheckTest {
    @TempDir
    Path dir;

    /** mkimage -A arm -O linux -T kernel -C none -a 0x30008000 -e 0x30008000 -n name -d data. */
    static byte[] uImage(String name, byte[] data) {
        ByteBuffer image = ByteBuffer.allocate(64 + data.length).order(ByteOrder.BIG_ENDIAN);
        image.putInt(0x27051956).putInt(0).putInt(1_700_000_000).putInt(data.length)
                .putInt(0x30008000).putInt(0x30008000).putInt((int) crc(data, 0, data.length))
                .put((byte) 5).put((byte) 2).put((byte) 2).put((byte) 0)
                .put(Arrays.copyOf(name.getBytes(StandardCharsets.US_ASCII), 32))
                .put(data);
        byte[] bytes = image.array();
        ByteBuffer.wrap(bytes).putInt(4, (int) crc(bytes, 0, 64));
        return bytes;
    }

    private static long crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    private Verification verify(byte[] content) throws IOException {
        Path file = dir.resolve("uImage");
        Files.write(file, content);
        return ArtifactCheck.verify(file, ArtifactKind.UIMAGE, "arm");
    }

    private static byte[] kernel() {
        return ZImageCheckTest.zImage(300_000, ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void aWellFormedImageVerifiesAndNamesItself() throws IOException {
        Verification v = verify(uImage("Linux-6.1.0", kernel()));
        assertTrue(v.ok(), v.detail());
        assertEquals("uImage 'Linux-6.1.0', 300000 bytes of data, header and data CRC ok", v.detail());
    }

    @Test
    void aNameFillingTheFieldHasNoTerminator() throws IOException {
        String name = "0123456789abcdef0123456789abcdef";
        Verification v = verify(uImage(name, kernel()));
        assertTrue(v.ok(), v.detail());
        assertTrue(v.detail().contains("'" + name + "'"), v.detail());
    }

    @Test
    void aWrongHeaderCrcFails() throws IOException {
        byte[] image = uImage("Linux-6.1.0", kernel());
        image[7] ^= 0x40;
        Verification v = verify(image);
        assertFalse(v.ok());
        assertTrue(v.detail().startsWith("U-Boot header CRC"), v.detail());
        assertTrue(v.detail().contains("does not match"), v.detail());
    }

    @Test
    void aChangedHeaderFieldFailsTheHeaderCrc() throws IOException {
        byte[] image = uImage("Linux-6.1.0", kernel());
        image[0x20] = 'l';
        Verification v = verify(image);
        assertFalse(v.ok());
        assertTrue(v.detail().startsWith("U-Boot header CRC"), v.detail());
    }

    @Test
    void corruptedDataFailsTheDataCrc() throws IOException {
        byte[] image = uImage("Linux-6.1.0", kernel());
        image[100_000] ^= 0x01;
        Verification v = verify(image);
        assertFalse(v.ok());
        assertTrue(v.detail().startsWith("uImage 'Linux-6.1.0': data CRC"), v.detail());
    }

    @Test
    void truncatedDataFails() throws IOException {
        byte[] image = uImage("Linux-6.1.0", kernel());
        Verification v = verify(Arrays.copyOf(image, 64 + 1000));
        assertFalse(v.ok());
        assertEquals("uImage 'Linux-6.1.0' truncated: its header says 300000 bytes of data, the file has 1000",
                v.detail());
    }

    @Test
    void aWrongMagicAndAShortFileFail() throws IOException {
        Verification wrongMagic = verify(ZImageCheckTest.zImage(8192, ByteOrder.LITTLE_ENDIAN));
        assertFalse(wrongMagic.ok());
        assertTrue(wrongMagic.detail().startsWith("no U-Boot image magic at 0"), wrongMagic.detail());
        Verification shortFile = verify(Arrays.copyOf(uImage("Linux", kernel()), 40));
        assertFalse(shortFile.ok());
        assertTrue(shortFile.detail().startsWith("too short for a U-Boot image header"), shortFile.detail());
    }
}
