package kforge.runner.make;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import kforge.kconfig.diag.KconfigException;

/**
 * The build's whole output in the out dir. A log that cannot be written stops the build before make
 * starts; one that fails later is abandoned rather than failing a build that is otherwise fine.
 */
final class BuildLog implements AutoCloseable {
    private BufferedWriter writer;

    private BuildLog(BufferedWriter writer) {
        this.writer = writer;
    }

    static BuildLog create(Path file) {
        try {
            return new BuildLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KconfigException(file + ": cannot write the build log: " + e.getMessage());
        }
    }

    synchronized void line(String text) {
        if (writer == null) {
            return;
        }
        try {
            writer.write(text);
            writer.newLine();
        } catch (IOException e) {
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            // The log is a convenience; the record and the listener already have what matters.
        }
        writer = null;
    }
}
