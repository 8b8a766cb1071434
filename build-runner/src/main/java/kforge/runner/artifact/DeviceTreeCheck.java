package kforge.runner.artifact;

/**
 * A flattened device tree blob (scripts/dtc/libfdt/fdt.h): a big-endian header starting with the magic
 * 0xd00dfeed and the blob's total size. A file shorter than that size is a truncated copy the kernel would
 * reject at boot, long after the build said it succeeded.
 */
final class DeviceTreeCheck {
    static final long MAGIC = 0xd00dfeedL;
    static final int TOTAL_SIZE_OFFSET = 4;
    static final int VERSION_OFFSET = 0x14;
    /** The version 17 header, which dtc has written since 2007. */
    static final int HEADER_LENGTH = 40;

    private DeviceTreeCheck() {
    }

    static Verification check(FileHeader header) {
        if (header.length() < HEADER_LENGTH) {
            return Verification.failed("too short for a device tree header: " + header.size() + " bytes, needs "
                    + HEADER_LENGTH);
        }
        long magic = header.u32be(0);
        if (magic != MAGIC) {
            return Verification.failed("no FDT magic at 0: found " + FileHeader.hex32(magic) + ", expected "
                    + FileHeader.hex32(MAGIC));
        }
        long totalSize = header.u32be(TOTAL_SIZE_OFFSET);
        if (header.size() < totalSize) {
            return Verification.failed("device tree truncated: its header says " + totalSize
                    + " bytes, the file has " + header.size());
        }
        return Verification.passed("FDT magic 0xd00dfeed, version " + header.u32be(VERSION_OFFSET) + ", "
                + totalSize + " bytes");
    }
}
