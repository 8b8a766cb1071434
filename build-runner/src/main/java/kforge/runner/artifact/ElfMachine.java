package kforge.runner.artifact;

import java.util.Locale;
import java.util.Optional;

/**
 * The ELF e_machine values of the architectures kforge builds for, named as file(1) names them, and which one
 * a kernel ARCH= value must produce. A vmlinux for the wrong machine is what a forgotten CROSS_COMPILE leaves.
 */
enum ElfMachine {
    I386(3, "Intel 80386"),
    MIPS(8, "MIPS"),
    PPC(20, "PowerPC"),
    PPC64(21, "64-bit PowerPC"),
    S390(22, "IBM S/390"),
    ARM(40, "ARM"),
    X86_64(62, "x86-64"),
    AARCH64(183, "ARM aarch64"),
    RISCV(243, "RISC-V");

    final int code;
    final String label;

    ElfMachine(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** file(1)'s name for an e_machine value, or "machine N" for one not listed here. */
    static String describe(int code) {
        for (ElfMachine machine : values()) {
            if (machine.code == code) {
                return machine.label;
            }
        }
        return "machine " + code;
    }

    /**
     * The machine a kernel for {@code arch} must be built for, given the file's ELF class; empty when the arch is
     * not one kforge knows, in which case only the ELF magic is checked. ARCH=x86 covers both word sizes, so the
     * class decides. UML is a host program: its {@code linux} executable has the host's machine.
     */
    static Optional<ElfMachine> expectedFor(String arch, int bits) {
        if (arch == null) {
            return Optional.empty();
        }
        switch (arch.toLowerCase(Locale.ROOT)) {
            case "arm": return Optional.of(ARM);
            case "arm64":
            case "aarch64": return Optional.of(AARCH64);
            case "x86": return Optional.of(bits == 64 ? X86_64 : I386);
            case "x86_64": return Optional.of(X86_64);
            case "i386": return Optional.of(I386);
            case "um": return host();
            default: return Optional.empty();
        }
    }

    /** The machine this JVM runs on, by Java's os.arch names. */
    static Optional<ElfMachine> host() {
        switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
            case "amd64":
            case "x86_64": return Optional.of(X86_64);
            case "x86":
            case "i386":
            case "i686": return Optional.of(I386);
            case "aarch64": return Optional.of(AARCH64);
            case "arm": return Optional.of(ARM);
            default: return Optional.empty();
        }
    }
}
