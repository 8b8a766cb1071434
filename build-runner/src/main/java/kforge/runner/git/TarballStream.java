package kforge.runner.git;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import kforge.runner.compress.DecompressingStream;

/**
 * A tarball's uncompressed bytes, whatever its compression: xz, gzip, bzip2 or none, recognised by the
 * file's first bytes rather than its name (see {@link DecompressingStream}). How far into the (compressed)
 * file reading has got is the import's progress.
 *
 * @param size       the file's size on disk
 * @param compressed the file, counting the bytes read from it
 * @param tar        the tar archive
 */
record TarballStream(long size, CountingInputStream compressed, DecompressingStream tar) implements Closeable {
    static TarballStream open(Path tarball) throws IOException {
        long size = Files.size(tarball);
        CountingInputStream compressed = new CountingInputStream(Files.newInputStream(tarball));
        return new TarballStream(size, compressed, DecompressingStream.open(compressed, tarball.toString()));
    }

    /** How many of the file's bytes have been read so far. */
    long consumed() {
        return compressed.count();
    }

    /** After the archive's end: checks that the compressed file was sound to its end too. */
    void finish() throws IOException {
        tar.finish();
    }

    /** Closes the file, and stops xz if it still runs. */
    @Override
    public void close() throws IOException {
        tar.close();
    }
}
