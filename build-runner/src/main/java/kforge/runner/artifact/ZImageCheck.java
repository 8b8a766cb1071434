package kforge.runner.artifact;

/**
 * ARM zImage, laid out by arch/arm/boot/compressed/head.S: eight nop words, a branch, then the words
 * {@code _magic_sig}, {@code _magic_start}, {@code _magic_end} and an endianness flag, which boot loaders
 * read to check the image and learn its size. vmlinux.lds.S stores the three magic words little-endian even in
 * big-endian (BE8) kernels, so they are always read that way; the flag is stored natively and tells which it is.
 */
final class ZImageCheck {
    static final long MAGIC = 0x016f2818L;
    static final int MAGIC_OFFSET = 0x24;
    static final int START_OFFSET = 0x28;
    static final int END_OFFSET = 0x2c;
    static final int ENDIAN_FLAG_OFFSET = 0x30;
    static final int HEADER_LENGTH = 0x34;
    private static final long LITTLE_ENDIAN_FLAG = 0x04030201L;
    private static final long BIG_ENDIAN_FLAG = 0x01020304L;

    private ZImageCheck() {
    }

    /**
     * Beyond the magic, the image must be at least {@code end - start} bytes long: that is what the loader copies,
     * and a shorter file is a truncated copy. A longer one is fine, it may carry an appended device tree.
     */
    static Verification check(FileHeader header) {
        if (header.length() < HEADER_LENGTH) {
            return Verification.failed("too short for a zImage header: " + header.size() + " bytes, needs "
                    + HEADER_LENGTH);
        }
        long magic = header.u32le(MAGIC_OFFSET);
        if (magic != MAGIC) {
            return Verification.failed("no zImage magic at 0x24: found " + FileHeader.hex32(magic) + ", expected "
                    + FileHeader.hex32(MAGIC));
        }
        long start = header.u32le(START_OFFSET);
        long end = header.u32le(END_OFFSET);
        if (end <= start) {
            return Verification.failed("zImage magic 0x016f2818 at 0x24, but its end address "
                    + FileHeader.hex32(end) + " is not above its start " + FileHeader.hex32(start));
        }
        long imageSize = end - start;
        if (header.size() < imageSize) {
            return Verification.failed("zImage truncated: its header says " + imageSize + " bytes, the file has "
                    + header.size());
        }
        return Verification.passed("zImage magic 0x016f2818 at 0x24, " + endianness(header.u32le(ENDIAN_FLAG_OFFSET))
                + imageSize + " bytes" + (header.size() > imageSize ? " + " + (header.size() - imageSize)
                + " appended" : ""));
    }

    private static String endianness(long flag) {
        if (flag == LITTLE_ENDIAN_FLAG) {
            return "little-endian, ";
        }
        if (flag == BIG_ENDIAN_FLAG) {
            return "big-endian, ";
        }
        return "";
    }
}
