package kforge.runner.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import kforge.kconfig.diag.KconfigException;

/** Reading configuration files byte for byte, and removing the temporary ones made beside a .config. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /** The file's text, one char per byte; a file that cannot be read is the user's error, named. */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new KconfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file beside the .config is harmless.
        }
    }
}
