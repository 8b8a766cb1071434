package kforge.runner.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first bytes of a file and its size: all most format checks need, so a 100 MB vmlinux is not read whole
 * just to look at its machine field. Offsets are those of the format specifications, hence the word readers.
 */
final class FileHeader {
    private final byte[] bytes;
    private final long size;

    private FileHeader(byte[] bytes, long size) {
        this.bytes = bytes;
        this.size = size;
    }

    /** Up to {@code length} bytes from the start; fewer when the file is shorter. */
    static FileHeader read(Path file, int length) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return new FileHeader(in.readNBytes(length), size);
        }
    }

    /** How many bytes were read. */
    int length() {
        return bytes.length;
    }

    /** The whole file's size. */
    long size() {
        return size;
    }

    byte[] bytes(int offset, int length) {
        byte[] copy = new byte[length];
        System.arraycopy(bytes, offset, copy, 0, length);
        return copy;
    }

    int u8(int offset) {
        return bytes[offset] & 0xff;
    }

    int u16le(int offset) {
        return u8(offset) | u8(offset + 1) << 8;
    }

    int u16be(int offset) {
        return u8(offset) << 8 | u8(offset + 1);
    }

    long u32le(int offset) {
        return (long) u16le(offset) | (long) u16le(offset + 2) << 16;
    }

    long u32be(int offset) {
        return (long) u16be(offset) << 16 | u16be(offset + 2);
    }

    /** Whether the bytes at offset spell {@code text} in ASCII. */
    boolean matches(int offset, String text) {
        byte[] expected = text.getBytes(StandardCharsets.ISO_8859_1);
        if (offset + expected.length > bytes.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** A NUL-terminated (or field-filling) string, as C headers store names; null if it is not printable ASCII. */
    String cString(int offset, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = offset; i < Math.min(bytes.length, offset + maxLength); i++) {
            int c = u8(i);
            if (c == 0) {
                break;
            }
            if (c < 0x20 || c > 0x7e) {
                return null;
            }
            text.append((char) c);
        }
        return text.toString();
    }

    static String hex32(long value) {
        return String.format("0x%08x", value);
    }
}
