package kforge.runner.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.eclipse.jgit.util.FileUtils;

import kforge.kconfig.diag.KconfigException;

/**
 * The directory a new tree goes into: it must be new or empty, and after a failure or cancel it is put
 * back as it was, so no half tree is left to be mistaken for a whole one.
 */
final class TargetDirectory {
    private final Path directory;
    private final boolean existed;

    private TargetDirectory(Path directory, boolean existed) {
        this.directory = directory;
        this.existed = existed;
    }

    static TargetDirectory claim(Path directory) {
        if (directory == null) {
            throw new IllegalStateException("setDirectory was not called");
        }
        boolean existed = Files.exists(directory);
        if (existed && !isEmptyDirectory(directory)) {
            throw new KconfigException(directory + " already exists and is not an empty directory;"
                    + " give a new one");
        }
        return new TargetDirectory(directory, existed);
    }

    private static boolean isEmptyDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new KconfigException("cannot read " + directory + ": " + e.getMessage());
        }
    }

    Path path() {
        return directory;
    }

    /** Removes what was made: the directory itself if it was new, its contents if it was there empty. */
    void restore() {
        try {
            if (!Files.exists(directory)) {
                return;
            }
            if (existed) {
                try (Stream<Path> entries = Files.list(directory)) {
                    for (Path entry : entries.toList()) {
                        FileUtils.delete(entry.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
                    }
                }
            } else {
                FileUtils.delete(directory.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
            }
        } catch (IOException e) {
            throw new KconfigException("cannot remove the incomplete tree in " + directory + ": " + e.getMessage());
        }
    }
}
