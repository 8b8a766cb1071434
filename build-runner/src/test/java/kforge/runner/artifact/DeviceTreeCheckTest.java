package kforge.runner.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the smallest complete blob (scripts/dtc/libfdt/fdt.h: a v17 header, an empty reservation map and a
 * root node with no properties), and against a blob dtc compiles when dtc is installed.
 */
class DeviceTreeCheckTest {
    @TempDir
    Path dir;

    /** Byte for byte what 6.1's scripts/dtc/dtc makes of "/dts-v1/; / { };" (checked once by hand). */
    static byte[] emptyTree() {
        int reservations = 40;
        int structure = reservations + 16;
        int structureSize = 4 + 4 + 4 + 4; // FDT_BEGIN_NODE, "" padded, FDT_END_NODE, FDT_END
        int strings = structure + structureSize;
        ByteBuffer blob = ByteBuffer.allocate(strings);
        blob.putInt(0xd00dfeed).putInt(strings).putInt(structure).putInt(strings).putInt(reservations)
                .putInt(17).putInt(16).putInt(0).putInt(0).putInt(structureSize);
        blob.position(structure);
        blob.putInt(1).putInt(0).putInt(2).putInt(9);
        return blob.array();
    }

    private Verification verify(byte[] content) throws IOException {
        Path file = dir.resolve("board.dtb");
        Files.write(file, content);
        return ArtifactCheck.verify(file, ArtifactKind.DTB, "arm");
    }

    @Test
    void aCompleteBlobVerifies() throws IOException {
        assertEquals(new Verification(true, "FDT magic 0xd00dfeed, version 17, 72 bytes"), verify(emptyTree()));
    }

    @Test
    void aTruncatedBlobFails() throws IOException {
        Verification v = verify(Arrays.copyOf(emptyTree(), 60));
        assertFalse(v.ok());
        assertEquals("device tree truncated: its header says 72 bytes, the file has 60", v.detail());
    }

    @Test
    void aWrongMagicOrAShortFileFails() throws IOException {
        byte[] blob = emptyTree();
        blob[3] = (byte) 0xee;
        Verification wrong = verify(blob);
        assertFalse(wrong.ok());
        assertEquals("no FDT magic at 0: found 0xd00dfeee, expected 0xd00dfeed", wrong.detail());
        Verification shortFile = verify(Arrays.copyOf(emptyTree(), 16));
        assertFalse(shortFile.ok());
        assertTrue(shortFile.detail().startsWith("too short for a device tree header"), shortFile.detail());
    }

    @Test
    void aBlobCompiledByDtcVerifies() throws Exception {
        assumeTrue(onPath("dtc"), "dtc (Debian: device-tree-compiler) is not installed");
        Files.writeString(dir.resolve("board.dts"), "/dts-v1/;\n/ {\n\t#address-cells = <1>;\n\t#size-cells = <1>;\n"
                + "\tmodel = \"kforge test\";\n\tcompatible = \"kforge,test\";\n"
                + "\tmemory@0 { device_type = \"memory\"; reg = <0 0x4000000>; };\n};\n");
        Commands.run(dir, "dtc", "-I", "dts", "-O", "dtb", "-o", "board.dtb", "board.dts");
        Verification v = ArtifactCheck.verify(dir.resolve("board.dtb"), ArtifactKind.DTB, "arm");
        assertTrue(v.ok(), v.detail());
        assertTrue(v.detail().startsWith("FDT magic 0xd00dfeed, version 17"), v.detail());
    }

    private static boolean onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
