package kforge.runner.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import kforge.runner.compress.TestCompression;

/** The import's progress: the compressed bytes read so far, rising as the tar is read and reaching the size. */
class TarballStreamTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"linux-6.1.7.tar", "linux-6.1.7.tar.gz", "linux-6.1.7.tar.bz2", "linux-6.1.7.tar.xz"})
    void consumedCountsTheCompressedBytesReadUpToTheFilesSize(String name) throws Exception {
        assumeTrue(!name.endsWith(".xz") || TestCompression.xzInstalled(), "xz is not installed");
        TestTarball tarball = TestTarball.withTop("linux-6.1.7");
        Random random = new Random(1);
        for (int i = 0; i < 16; i++) {
            char[] noise = new char[128 * 1024];
            for (int j = 0; j < noise.length; j++) {
                noise[j] = (char) ('!' + random.nextInt(90));
            }
            tarball.file("drivers/noise" + i + ".c", new String(noise));
        }
        Path file = tarball.writeTo(temp.resolve(name));

        try (TarballStream stream = TarballStream.open(file);
             TarArchiveInputStream tar = new TarArchiveInputStream(stream.tar())) {
            assertEquals(Files.size(file), stream.size());
            long previous = 0;
            int entries = 0;
            while (tar.getNextEntry() != null) {
                entries++;
                long consumed = stream.consumed();
                assertTrue(consumed >= previous, consumed + " after " + previous);
                if (entries == 2) {
                    assertTrue(consumed < stream.size(), "after the first file: " + consumed + " of " + stream.size());
                }
                previous = consumed;
            }
            stream.finish();
            assertEquals(17, entries);
            assertEquals(stream.size(), stream.consumed());
        }
    }
}
