package kforge.runner.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Checks that a build output has the format its kind promises, from the bytes rather than the name or the exit
 * status of make: an interrupted copy, a stale file from another ARCH or a kernel built with the host's gcc
 * instead of the cross compiler all have the right name.
 */
public final class ArtifactCheck {
    private ArtifactCheck() {
    }

    /**
     * The verdict on file as an artifact of kind, built for arch (the kernel's ARCH= value, e.g. "arm", "x86_64",
     * "um"; null or an unknown one skips the machine check of ELF files). Never throws for a bad or unreadable
     * file: that is a failed verification, with a detail that says why.
     */
    public static Verification verify(Path file, ArtifactKind kind, String arch) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        if (!Files.exists(file)) {
            return Verification.failed("missing");
        }
        if (!Files.isRegularFile(file)) {
            return Verification.failed("not a regular file");
        }
        try {
            if (Files.size(file) == 0) {
                return Verification.failed("empty");
            }
            return verifyNonEmpty(file, kind, arch);
        } catch (IOException e) {
            return Verification.failed("cannot read: " + e.getMessage());
        }
    }

    private static Verification verifyNonEmpty(Path file, ArtifactKind kind, String arch) throws IOException {
        switch (kind) {
            case ZIMAGE: return ZImageCheck.check(FileHeader.read(file, ZImageCheck.HEADER_LENGTH));
            case BZIMAGE: return BzImageCheck.check(FileHeader.read(file, BzImageCheck.READ_LENGTH));
            case UIMAGE: return UImageCheck.check(file, FileHeader.read(file, UImageCheck.HEADER_LENGTH));
            case ELF: return ElfCheck.check(FileHeader.read(file, ElfCheck.HEADER_LENGTH), arch);
            case DTB: return DeviceTreeCheck.check(FileHeader.read(file, DeviceTreeCheck.HEADER_LENGTH));
            case SYSTEM_MAP: return SystemMapCheck.check(file);
            case CONFIG: return KernelConfigCheck.check(file);
            case MODULES_TARBALL: return ModulesTarball.check(file);
            case OTHER: return Verification.passed("present, " + Files.size(file) + " bytes; no format check for it");
            default: throw new AssertionError(kind);
        }
    }
}
