package kforge.kconfig.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * File operations of the fixture caches, made safe for readers in other JVMs: markers appear whole or not at all.
 */
final class CacheFiles {
    private static final Duration REMOVE_TIMEOUT = Duration.ofMinutes(10);

    private CacheFiles() {
    }

    /** rm -rf, which is much faster than walking a kernel tree from Java. */
    static void removeTree(Path directory) {
        if (Files.exists(directory)) {
            CommandRun.run(List.of("rm", "-rf", "--", directory.toString()), System.getenv(), REMOVE_TIMEOUT)
                    .requireSuccess();
        }
    }

    static void writeAtomically(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The file's sha256 in hex, to notice when an input of a cached result changes. */
    static String sha256(Path file) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String readOrEmpty(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
