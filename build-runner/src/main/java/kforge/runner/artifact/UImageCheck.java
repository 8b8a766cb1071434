package kforge.runner.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * U-Boot's legacy image header (include/image.h in U-Boot, written by mkimage): 64 big-endian bytes in front of
 * the kernel with a magic, a CRC32 of the header itself, the data size and a CRC32 of the data. U-Boot refuses an
 * image whose CRCs do not match ("Bad Header Checksum", "Bad Data CRC"), so both are checked here first.
 */
final class UImageCheck {
    static final long MAGIC = 0x27051956L;
    static final int HEADER_LENGTH = 64;
    static final int HEADER_CRC_OFFSET = 4;
    static final int DATA_SIZE_OFFSET = 12;
    static final int DATA_CRC_OFFSET = 24;
    static final int NAME_OFFSET = 0x20;
    static final int NAME_LENGTH = 32;

    private UImageCheck() {
    }

    static Verification check(Path file, FileHeader header) throws IOException {
        if (header.length() < HEADER_LENGTH) {
            return Verification.failed("too short for a U-Boot image header: " + header.size() + " bytes, needs "
                    + HEADER_LENGTH);
        }
        long magic = header.u32be(0);
        if (magic != MAGIC) {
            return Verification.failed("no U-Boot image magic at 0: found " + FileHeader.hex32(magic)
                    + ", expected " + FileHeader.hex32(MAGIC));
        }
        long storedHeaderCrc = header.u32be(HEADER_CRC_OFFSET);
        long headerCrc = headerCrc(header.bytes(0, HEADER_LENGTH));
        if (storedHeaderCrc != headerCrc) {
            return Verification.failed("U-Boot header CRC " + FileHeader.hex32(storedHeaderCrc)
                    + " does not match the header's " + FileHeader.hex32(headerCrc));
        }
        String name = header.cString(NAME_OFFSET, NAME_LENGTH);
        String quoted = "'" + (name == null ? "?" : name) + "'";
        long dataSize = header.u32be(DATA_SIZE_OFFSET);
        if (header.size() < HEADER_LENGTH + dataSize) {
            return Verification.failed("uImage " + quoted + " truncated: its header says " + dataSize
                    + " bytes of data, the file has " + (header.size() - HEADER_LENGTH));
        }
        long storedDataCrc = header.u32be(DATA_CRC_OFFSET);
        long dataCrc = dataCrc(file, dataSize);
        if (storedDataCrc != dataCrc) {
            return Verification.failed("uImage " + quoted + ": data CRC " + FileHeader.hex32(storedDataCrc)
                    + " does not match the data's " + FileHeader.hex32(dataCrc));
        }
        return Verification.passed("uImage " + quoted + ", " + dataSize + " bytes of data, header and data CRC ok");
    }

    /** As mkimage computes it: CRC32 of the 64 header bytes with the CRC field itself zeroed. */
    static long headerCrc(byte[] header) {
        byte[] copy = header.clone();
        for (int i = HEADER_CRC_OFFSET; i < HEADER_CRC_OFFSET + 4; i++) {
            copy[i] = 0;
        }
        CRC32 crc = new CRC32();
        crc.update(copy, 0, HEADER_LENGTH);
        return crc.getValue();
    }

    private static long dataCrc(Path file, long dataSize) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(HEADER_LENGTH);
            long left = dataSize;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("file ended while reading the image data");
                }
                crc.update(buffer, 0, n);
                left -= n;
            }
        }
        return crc.getValue();
    }
}
