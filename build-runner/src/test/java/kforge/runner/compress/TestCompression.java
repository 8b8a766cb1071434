package kforge.runner.compress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * Compressed test data made by writers independent of kforge's readers: gzip by java.util.zip, bzip2 by
 * commons-compress, xz by the xz program. For the tests of any package that reads compressed files.
 */
public final class TestCompression {
    private TestCompression() {
    }

    public static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    public static byte[] bzip2(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new BZip2CompressorOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /** data as xz -c writes it; see {@link #xzInstalled()}. */
    public static byte[] xz(byte[] data) throws IOException, InterruptedException {
        Path plain = Files.createTempFile("kforge-test", ".plain");
        Path compressed = Files.createTempFile("kforge-test", ".xz");
        try {
            Files.write(plain, data);
            Process xz = new ProcessBuilder("xz", "-c")
                    .redirectInput(plain.toFile())
                    .redirectOutput(compressed.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (xz.waitFor() != 0) {
                throw new IOException("xz -c failed with status " + xz.exitValue());
            }
            return Files.readAllBytes(compressed);
        } finally {
            Files.deleteIfExists(plain);
            Files.deleteIfExists(compressed);
        }
    }

    /** Whether the xz program is installed, which reading and writing .xz need. */
    public static boolean xzInstalled() {
        try {
            return new ProcessBuilder("xz", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
