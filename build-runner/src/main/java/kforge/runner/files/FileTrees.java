package kforge.runner.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole directory trees: scratch space a command made and removes again. */
public final class FileTrees {
    private FileTrees() {
    }

    /** Removes dir and everything under it (nothing when it does not exist); symbolic links are not followed. */
    public static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** {@link #delete}, for scratch space whose removal failing must not fail what used it. */
    public static void deleteQuietly(Path dir) {
        try {
            delete(dir);
        } catch (IOException e) {
            // left in the temporary directory, which the system cleans
        }
    }
}
