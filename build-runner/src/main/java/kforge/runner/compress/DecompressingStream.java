package kforge.runner.compress;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

import kforge.kconfig.diag.KconfigException;

/**
 * The uncompressed bytes of a compressed stream, whatever its {@link Compression}: gzip and bzip2 (also
 * several concatenated streams, as pigz and pbzip2 write) are decompressed in Java, xz by the xz program
 * (see {@link XzProcess}), and anything else passes through unchanged.
 *
 * <p>The compressed stream is read only as decompression needs it, so a caller that counts the bytes read
 * from it (a tarball import's progress) sees how far it has got. For xz it is read on a thread of its own.
 *
 * <p>Corrupt gzip or bzip2 data fails as those decoders' {@link IOException}s. xz's failures are
 * {@link KconfigException}s naming the stream: with xz's exit status and message at the end of the data (or
 * from {@link #finish()}), and from {@link #open} when the xz program cannot be run, with how to install it.
 */
public final class DecompressingStream extends InputStream {
    private static final int BUFFER = 1 << 16;

    private final Compression compression;
    private final InputStream compressed;
    private final InputStream decompressed;
    private final XzProcess xz;

    private DecompressingStream(Compression compression, InputStream compressed, InputStream decompressed,
                                XzProcess xz) {
        this.compression = compression;
        this.compressed = compressed;
        this.decompressed = decompressed;
        this.xz = xz;
    }

    /**
     * Opens compressed, its compression told by its first bytes. The stream is then this one's: it is closed
     * by {@link #close()}, or here when opening fails.
     *
     * @param what names the stream in messages, usually its file
     */
    public static DecompressingStream open(InputStream compressed, String what) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(compressed, BUFFER);
        try {
            buffered.mark(Compression.HEAD_LENGTH);
            byte[] head = buffered.readNBytes(Compression.HEAD_LENGTH);
            buffered.reset();
            Compression compression = Compression.detect(head);
            return switch (compression) {
                case NONE -> new DecompressingStream(compression, buffered, buffered, null);
                case GZIP -> new DecompressingStream(compression, buffered,
                        new BufferedInputStream(new GZIPInputStream(buffered, BUFFER), BUFFER), null);
                case BZIP2 -> new DecompressingStream(compression, buffered,
                        new BufferedInputStream(new BZip2CompressorInputStream(buffered, true), BUFFER), null);
                case XZ -> {
                    XzProcess xz = XzProcess.start(buffered, what);
                    yield new DecompressingStream(compression, buffered, xz.output(), xz);
                }
            };
        } catch (IOException | RuntimeException e) {
            buffered.close();
            throw e;
        }
    }

    /**
     * A whole small file (a patch, say), decompressed as its first bytes say.
     *
     * @param what names the file in messages
     * @throws IOException when the file itself cannot be read (as {@link Files#readAllBytes} throws it)
     * @throws KconfigException "cannot read WHAT: ..." when it cannot be decompressed: corrupt data, xz's
     *                          failure, or no xz program
     */
    public static byte[] readAll(Path file, String what) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        Compression compression = Compression.detect(raw);
        if (compression == Compression.NONE) {
            return raw;
        }
        try (DecompressingStream in = open(new ByteArrayInputStream(raw), what)) {
            byte[] all = in.readAllBytes();
            in.finish();
            return all;
        } catch (IOException e) {
            throw new KconfigException("cannot read " + what + ": corrupt " + compression.label() + " data: "
                    + e.getMessage());
        }
    }

    /** How the stream was compressed. */
    public Compression compression() {
        return compression;
    }

    @Override
    public int read() throws IOException {
        int b = decompressed.read();
        if (b < 0) {
            atEnd();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = decompressed.read(buffer, offset, length);
        if (n < 0) {
            atEnd();
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return decompressed.available();
    }

    /**
     * xz's output also ends when xz fails: its reason is then told here, rather than the reader's confusion at
     * the data ending early (a tar reader's "truncated archive").
     */
    private void atEnd() throws IOException {
        if (xz != null) {
            xz.finish();
        }
    }

    /**
     * After the data's end: reads whatever is left and checks that the compressed stream was sound to its end
     * too (gzip's and bzip2's checksums; xz's exit status).
     */
    public void finish() throws IOException {
        if (xz != null) {
            xz.finish();
        } else {
            decompressed.transferTo(OutputStream.nullOutputStream());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (xz != null) {
                xz.close();
            }
        } finally {
            try {
                decompressed.close();
            } finally {
                compressed.close();
            }
        }
    }
}
