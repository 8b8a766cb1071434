package kforge.kconfig.lex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds Kconfig files the way conf's zconf_fopen does: the name as given (relative to the working
 * directory), then under $srctree.
 */
public final class SourceResolver {
    private final Path workingDirectory;
    private final Path srctree;

    /**
     * @param workingDirectory where relative names are tried first (conf's cwd, the object tree); may be null
     * @param srctree          the kernel source tree; may be null
     */
    public SourceResolver(Path workingDirectory, Path srctree) {
        this.workingDirectory = workingDirectory;
        this.srctree = srctree;
    }

    public Path srctree() {
        return srctree;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    /** The file's path, or null when it exists in neither place. */
    public Path resolve(String name) {
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            return Files.isRegularFile(given) ? given : null;
        }
        if (workingDirectory != null) {
            Path p = workingDirectory.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        if (srctree != null) {
            Path p = srctree.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** Reads a file's bytes one char per byte, so text is written back byte for byte. */
    public static String read(Path path) throws IOException {
        return new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
    }
}
