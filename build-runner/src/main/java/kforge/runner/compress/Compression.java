package kforge.runner.compress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a file is compressed, told by its first bytes (its magic number) rather than its name, so a renamed or
 * oddly named file still reads.
 */
public enum Compression {
    NONE(),
    GZIP(0x1F, 0x8B),
    BZIP2('B', 'Z', 'h'),
    XZ(0xFD, '7', 'z', 'X', 'Z', 0);

    /** How many first bytes {@link #detect(byte[])} needs to tell every format apart. */
    public static final int HEAD_LENGTH = 6;

    private final byte[] magic;

    Compression(int... magic) {
        this.magic = new byte[magic.length];
        for (int i = 0; i < magic.length; i++) {
            this.magic[i] = (byte) magic[i];
        }
    }

    /** The compression whose magic number head starts with; NONE when none does (or head is too short). */
    public static Compression detect(byte[] head) {
        for (Compression compression : values()) {
            if (compression != NONE && compression.startsWithMagic(head)) {
                return compression;
            }
        }
        return NONE;
    }

    /** The compression of file, from its first bytes. */
    public static Compression detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return detect(in.readNBytes(HEAD_LENGTH));
        }
    }

    private boolean startsWithMagic(byte[] head) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    /** "gzip", "bzip2", "xz" or "none", for messages. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
