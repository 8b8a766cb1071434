package kforge.runner.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import static kforge.runner.compress.TestCompression.bzip2;
import static kforge.runner.compress.TestCompression.gzip;
import static kforge.runner.compress.TestCompression.xzInstalled;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.diag.KconfigException;

/**
 * Each format round-trips, made by an independent writer: gzip by java.util.zip, bzip2 by commons-compress and
 * xz by the xz program; and corrupt data fails naming the file.
 */
class DecompressingStreamTest {
    private static final byte[] TEXT = ("--- a/Makefile\n+++ b/Makefile\n@@ -1 +1 @@\n-SUBLEVEL = 0\n+SUBLEVEL = 1\n")
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    @Test
    void theFirstBytesTellTheCompression() throws IOException {
        assertEquals(Compression.GZIP, Compression.detect(gzip(TEXT)));
        assertEquals(Compression.BZIP2, Compression.detect(bzip2(TEXT)));
        assertEquals(Compression.NONE, Compression.detect(TEXT));
        assertEquals(Compression.NONE, Compression.detect(new byte[0]));
        assertEquals(Compression.NONE, Compression.detect(new byte[] {(byte) 0xFD, '7', 'z'}));
        assertEquals(Compression.XZ, Compression.detect(new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0, 1}));
        Path renamed = Files.write(temp.resolve("patch-6.1.1.txt"), bzip2(TEXT));
        assertEquals(Compression.BZIP2, Compression.detect(renamed));
        assertEquals(Compression.NONE, Compression.detect(Files.write(temp.resolve("empty"), new byte[0])));
    }

    @Test
    void gzipRoundTrips() throws IOException {
        roundTrips(Files.write(temp.resolve("patch.gz"), gzip(TEXT)), TEXT, Compression.GZIP);
    }

    @Test
    void bzip2RoundTripsAlsoWhenSeveralStreamsAreConcatenatedAsPbzip2WritesThem() throws IOException {
        roundTrips(Files.write(temp.resolve("patch.bz2"), bzip2(TEXT)), TEXT, Compression.BZIP2);
        byte[] twice = concat(bzip2(TEXT), bzip2(TEXT));
        roundTrips(Files.write(temp.resolve("twice.bz2"), twice), concat(TEXT, TEXT), Compression.BZIP2);
    }

    @Test
    void xzRoundTripsThroughTheXzProgram() throws Exception {
        assumeTrue(xzInstalled(), "xz is not installed");
        roundTrips(Files.write(temp.resolve("patch.xz"), TestCompression.xz(TEXT)), TEXT, Compression.XZ);
    }

    @Test
    void anXzFileLargerThanAPipeHoldsStreamsWithoutBlocking() throws Exception {
        assumeTrue(xzInstalled(), "xz is not installed");
        byte[] large = new byte[1 << 20];
        Random random = new Random(7);
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) ('a' + random.nextInt(4));
        }
        roundTrips(Files.write(temp.resolve("large.xz"), TestCompression.xz(large)), large, Compression.XZ);
    }

    @Test
    void uncompressedDataPassesThrough() throws IOException {
        roundTrips(Files.write(temp.resolve("plain.patch"), TEXT), TEXT, Compression.NONE);
        roundTrips(Files.write(temp.resolve("empty.patch"), new byte[0]), new byte[0], Compression.NONE);
    }

    @Test
    void aCorruptXzFileIsReportedByNameWithXzsMessage() throws Exception {
        assumeTrue(xzInstalled(), "xz is not installed");
        byte[] good = TestCompression.xz(TEXT);
        Path corrupt = Files.write(temp.resolve("patch-6.1.1.xz"), Arrays.copyOf(good, good.length - 8));

        KconfigException whole = assertThrows(KconfigException.class,
                () -> DecompressingStream.readAll(corrupt, "patches/patch-6.1.1.xz"));
        assertTrue(whole.getMessage().startsWith("cannot read patches/patch-6.1.1.xz: xz exited with status 1: xz:"),
                whole.getMessage());

        try (DecompressingStream in = DecompressingStream.open(Files.newInputStream(corrupt), corrupt.toString())) {
            KconfigException streamed = assertThrows(KconfigException.class, in::readAllBytes,
                    "xz's failure, not a silent early end of the data");
            assertTrue(streamed.getMessage().startsWith("cannot read " + corrupt + ": xz exited with status 1: xz:"),
                    streamed.getMessage());
        }
    }

    @Test
    void corruptGzipDataIsReportedByName() throws IOException {
        byte[] good = gzip(TEXT);
        good[good.length - 5] ^= 0x55;  // the CRC-32 of the data, checked at its end
        Path corrupt = Files.write(temp.resolve("patch.gz"), good);

        KconfigException fault = assertThrows(KconfigException.class,
                () -> DecompressingStream.readAll(corrupt, "patches/0001-fix.patch.gz"));

        assertTrue(fault.getMessage().startsWith("cannot read patches/0001-fix.patch.gz: corrupt gzip data: "),
                fault.getMessage());
    }

    @Test
    void aMissingFileIsTheCallersToReport() {
        assertThrows(NoSuchFileException.class,
                () -> DecompressingStream.readAll(temp.resolve("absent.xz"), "absent.xz"));
    }

    private static void roundTrips(Path file, byte[] expected, Compression compression) throws IOException {
        assertArrayEquals(expected, DecompressingStream.readAll(file, file.toString()));
        try (DecompressingStream in = DecompressingStream.open(Files.newInputStream(file), file.toString())) {
            assertEquals(compression, in.compression());
            byte[] head = in.readNBytes(Math.min(10, expected.length));
            assertArrayEquals(Arrays.copyOf(expected, head.length), head);
            in.finish();
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

}
