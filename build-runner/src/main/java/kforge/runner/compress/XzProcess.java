package kforge.runner.compress;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import kforge.kconfig.diag.KconfigException;

/**
 * xz decompression by the xz program, since kforge does not ship a Java xz decoder. The compressed bytes are
 * fed to it from this JVM (so their count shows progress) and it decompresses on its own core meanwhile.
 */
final class XzProcess implements Closeable {
    private static final int QUOTED_STDERR_LIMIT = 2000;

    private final String what;
    private final Process process;
    private final Path stderrFile;
    private final Thread feeder;
    private final InputStream output;

    private XzProcess(String what, Process process, Path stderrFile, InputStream compressed) {
        this.what = what;
        this.process = process;
        this.stderrFile = stderrFile;
        this.output = new BufferedInputStream(process.getInputStream(), 1 << 16);
        this.feeder = new Thread(() -> feed(compressed), "kforge xz feeder");
        feeder.setDaemon(true);
        feeder.start();
    }

    /** Starts xz on compressed, which it reads to the end and closes. */
    static XzProcess start(InputStream compressed, String what) throws IOException {
        Path stderrFile = Files.createTempFile("kforge-xz", ".stderr");
        Process process;
        try {
            process = new ProcessBuilder(List.of("xz", "--decompress", "--stdout"))
                    .redirectError(stderrFile.toFile())
                    .start();
        } catch (IOException e) {
            Files.deleteIfExists(stderrFile);
            compressed.close();
            throw new KconfigException("cannot read " + what + ": it is xz-compressed and the xz program cannot be"
                    + " run (is it installed? apt-get install xz-utils): " + e.getMessage());
        }
        return new XzProcess(what, process, stderrFile, compressed);
    }

    private void feed(InputStream compressed) {
        try (InputStream in = compressed; OutputStream out = process.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException stoppedEarly) {
            // xz exited or was killed because reading stopped; finish() or close() reports why.
        }
    }

    /** The decompressed bytes. */
    InputStream output() {
        return output;
    }

    /** Reads what is left and checks that xz found the whole file sound. */
    void finish() throws IOException {
        output.transferTo(OutputStream.nullOutputStream());
        int status;
        try {
            status = process.waitFor();
            feeder.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for xz");
        }
        if (status != 0) {
            throw new KconfigException("cannot read " + what + ": xz exited with status " + status + ": "
                    + quotedStderr());
        }
    }

    private String quotedStderr() throws IOException {
        String text = Files.readString(stderrFile, StandardCharsets.UTF_8).strip();
        return text.length() <= QUOTED_STDERR_LIMIT ? text : text.substring(0, QUOTED_STDERR_LIMIT) + " ...";
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        output.close();
        try {
            feeder.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(stderrFile);
    }
}
