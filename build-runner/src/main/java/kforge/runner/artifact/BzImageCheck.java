package kforge.runner.artifact;

/**
 * x86 bzImage, laid out by arch/x86/boot/header.S and described in Documentation/x86/boot.rst: the boot
 * sector's 0xAA55 flag at 0x1fe, then at 0x202 the "HdrS" signature that tells a boot loader the setup header
 * follows, with the boot protocol version at 0x206 and a pointer to the kernel version string at 0x20e.
 */
final class BzImageCheck {
    static final int BOOT_FLAG_OFFSET = 0x1fe;
    static final int SIGNATURE_OFFSET = 0x202;
    static final int VERSION_OFFSET = 0x206;
    static final int KERNEL_VERSION_OFFSET = 0x20e;
    static final int HEADER_LENGTH = 0x210;
    /** The version pointer is relative to 0x200 and 16 bits wide, so the string lies within this prefix. */
    static final int READ_LENGTH = 0x200 + 0x10000;
    private static final int BOOT_FLAG = 0xaa55;

    private BzImageCheck() {
    }

    static Verification check(FileHeader header) {
        if (header.length() < HEADER_LENGTH) {
            return Verification.failed("too short for a bzImage header: " + header.size() + " bytes, needs "
                    + HEADER_LENGTH);
        }
        int bootFlag = header.u16le(BOOT_FLAG_OFFSET);
        if (bootFlag != BOOT_FLAG) {
            return Verification.failed(String.format("no boot flag 0xaa55 at 0x1fe: found 0x%04x", bootFlag));
        }
        if (!header.matches(SIGNATURE_OFFSET, "HdrS")) {
            return Verification.failed("no \"HdrS\" signature at 0x202: not an x86 boot image");
        }
        int version = header.u16le(VERSION_OFFSET);
        String detail = "bzImage boot protocol " + (version >> 8) + "." + String.format("%02d", version & 0xff)
                + ", HdrS at 0x202";
        String kernel = kernelVersion(header);
        return Verification.passed(kernel == null ? detail : detail + ", kernel " + kernel);
    }

    /** The first word of the kernel version string ("6.1.0"), or null when the image has none. */
    private static String kernelVersion(FileHeader header) {
        int pointer = header.u16le(KERNEL_VERSION_OFFSET);
        if (pointer == 0) {
            return null;
        }
        String text = header.cString(0x200 + pointer, 256);
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().split(" ", 2)[0];
    }
}
