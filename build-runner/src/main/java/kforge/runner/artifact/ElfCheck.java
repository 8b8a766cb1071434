package kforge.runner.artifact;

import java.util.Optional;

/**
 * An ELF file (vmlinux, UML's linux): the magic, then the class, byte order and e_machine from the ELF header,
 * which is enough to tell a kernel built for the board from one the host's gcc built by mistake.
 */
final class ElfCheck {
    /** e_machine sits at 0x12 in both classes; 52 bytes is the smallest (32-bit) ELF header. */
    static final int HEADER_LENGTH = 52;
    static final int MACHINE_OFFSET = 0x12;
    private static final int CLASS_OFFSET = 4;
    private static final int DATA_OFFSET = 5;

    private ElfCheck() {
    }

    static Verification check(FileHeader header, String arch) {
        if (header.length() < HEADER_LENGTH) {
            return Verification.failed("too short for an ELF header: " + header.size() + " bytes, needs "
                    + HEADER_LENGTH);
        }
        if (header.u8(0) != 0x7f || !header.matches(1, "ELF")) {
            return Verification.failed("no ELF magic (\\x7fELF) at 0");
        }
        int bits;
        switch (header.u8(CLASS_OFFSET)) {
            case 1: bits = 32; break;
            case 2: bits = 64; break;
            default: return Verification.failed("ELF with an unknown class " + header.u8(CLASS_OFFSET));
        }
        boolean littleEndian;
        switch (header.u8(DATA_OFFSET)) {
            case 1: littleEndian = true; break;
            case 2: littleEndian = false; break;
            default: return Verification.failed("ELF with an unknown byte order " + header.u8(DATA_OFFSET));
        }
        int machine = littleEndian ? header.u16le(MACHINE_OFFSET) : header.u16be(MACHINE_OFFSET);
        String description = "ELF " + bits + "-bit " + (littleEndian ? "LSB" : "MSB") + " "
                + ElfMachine.describe(machine);
        Optional<ElfMachine> expected = ElfMachine.expectedFor(arch, bits);
        if (expected.isPresent() && expected.get().code != machine) {
            String host = "um".equalsIgnoreCase(arch) ? " (the host's)" : "";
            return Verification.failed(description + ", but arch " + arch + " needs " + expected.get().label + host);
        }
        return Verification.passed(description);
    }
}
