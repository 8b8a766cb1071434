package kforge.runner.patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

import kforge.kconfig.io.WriterToken;

/**
 * Small bookkeeping files (series, applied list, journal) replaced by rename, so a crash leaves the old or the
 * new one. A writer killed before the rename leaves its temporary file; the next write of that file removes it.
 */
final class StateFiles {
    private StateFiles() {
    }

    static void replace(Path file, String content) throws IOException {
        copy(file, content.getBytes(StandardCharsets.UTF_8));
    }

    static void copy(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        removeStaleTemporaries(file);
        Path temporary = file.resolveSibling(temporaryPrefix(file) + WriterToken.current() + ".tmp");
        try {
            Files.write(temporary, content);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The temporary files of writers of this file that no longer run ({@link WriterToken}). */
    static void removeStaleTemporaries(Path file) throws IOException {
        WriterToken.removeLeftovers(file.toAbsolutePath().getParent(), Pattern.compile(
                Pattern.quote(temporaryPrefix(file)) + "(" + WriterToken.PATTERN + ")\\.tmp"));
    }

    private static String temporaryPrefix(Path file) {
        return "." + file.getFileName() + ".kforge-";
    }
}
