package kforge.runner.process;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import kforge.kconfig.diag.KconfigException;

/**
 * A program's whole output in the out dir (make's build log, a boot's console). A log that cannot be
 * written stops the run before the program starts; one that fails later is abandoned rather than failing
 * a run that is otherwise fine.
 */
public final class OutputLog implements AutoCloseable {
    private BufferedWriter writer;

    private OutputLog(BufferedWriter writer) {
        this.writer = writer;
    }

    public static OutputLog create(Path file) {
        try {
            return new OutputLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KconfigException(file + ": cannot write the log: " + e.getMessage());
        }
    }

    public synchronized void line(String text) {
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
