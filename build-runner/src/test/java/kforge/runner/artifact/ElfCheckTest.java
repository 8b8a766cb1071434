package kforge.runner.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against real ELF files: the host's /bin/ls (x86-64, this machine) and objects the ARM cross compiler that
 * scripts/install-deps installs (gcc-arm-linux-gnueabi) builds on the spot.
 */
class ElfCheckTest {
    private static final Path LS = Path.of("/bin/ls");

    @TempDir
    Path dir;

    private Path armObject(String... flags) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("tiny.c"), "int tiny(int x) { return x + 1; }\n");
        String[] command = new String[flags.length + 5];
        command[0] = "arm-linux-gnueabi-gcc";
        System.arraycopy(flags, 0, command, 1, flags.length);
        command[flags.length + 1] = "-c";
        command[flags.length + 2] = "tiny.c";
        command[flags.length + 3] = "-o";
        command[flags.length + 4] = "tiny.o";
        Commands.run(dir, command);
        return dir.resolve("tiny.o");
    }

    @Test
    void theHostsLsIsAnX86_64ElfAndSoRightForUml() {
        Verification x86 = ArtifactCheck.verify(LS, ArtifactKind.ELF, "x86_64");
        assertEquals(new Verification(true, "ELF 64-bit LSB x86-64"), x86);
        assertTrue(ArtifactCheck.verify(LS, ArtifactKind.ELF, "x86").ok());
        Verification um = ArtifactCheck.verify(LS, ArtifactKind.ELF, "um");
        assertTrue(um.ok(), um.detail());
    }

    @Test
    void theHostsLsIsWrongForArm() {
        Verification v = ArtifactCheck.verify(LS, ArtifactKind.ELF, "arm");
        assertFalse(v.ok());
        assertEquals("ELF 64-bit LSB x86-64, but arch arm needs ARM", v.detail());
        assertFalse(ArtifactCheck.verify(LS, ArtifactKind.ELF, "arm64").ok());
        assertFalse(ArtifactCheck.verify(LS, ArtifactKind.ELF, "i386").ok());
    }

    @Test
    void anArmObjectIsRightForArmAndWrongForX86() throws Exception {
        Path object = armObject();
        assertEquals(new Verification(true, "ELF 32-bit LSB ARM"), ArtifactCheck.verify(object, ArtifactKind.ELF, "arm"));
        Verification x86 = ArtifactCheck.verify(object, ArtifactKind.ELF, "x86_64");
        assertFalse(x86.ok());
        assertEquals("ELF 32-bit LSB ARM, but arch x86_64 needs x86-64", x86.detail());
        Verification um = ArtifactCheck.verify(object, ArtifactKind.ELF, "um");
        assertFalse(um.ok());
        assertEquals("ELF 32-bit LSB ARM, but arch um needs x86-64 (the host's)", um.detail());
    }

    @Test
    void aBigEndianArmObjectIsReadInItsOwnByteOrder() throws Exception {
        Path object = armObject("-mbig-endian");
        assertEquals(new Verification(true, "ELF 32-bit MSB ARM"), ArtifactCheck.verify(object, ArtifactKind.ELF, "arm"));
    }

    @Test
    void anUnknownArchChecksOnlyTheMagic() {
        assertEquals(new Verification(true, "ELF 64-bit LSB x86-64"), ArtifactCheck.verify(LS, ArtifactKind.ELF, "riscv"));
        assertTrue(ArtifactCheck.verify(LS, ArtifactKind.ELF, null).ok());
    }

    @Test
    void aFileWithoutTheMagicOrTooShortFails() throws IOException {
        Path notElf = dir.resolve("vmlinux");
        Files.write(notElf, new byte[64]);
        assertEquals(new Verification(false, "no ELF magic (\\x7fELF) at 0"),
                ArtifactCheck.verify(notElf, ArtifactKind.ELF, "arm"));
        Files.write(notElf, Arrays.copyOf(Files.readAllBytes(LS), 20));
        Verification truncated = ArtifactCheck.verify(notElf, ArtifactKind.ELF, "x86_64");
        assertFalse(truncated.ok());
        assertTrue(truncated.detail().startsWith("too short for an ELF header"), truncated.detail());
    }
}
