package kforge.kconfig.cache;

import java.nio.file.Path;
import java.util.Map;

/** Where kforge keeps per-user files: $KFORGE_CACHE, else ~/.cache/kforge. */
public final class CacheRoot {
    private CacheRoot() {
    }

    public static Path of(Map<String, String> environment) {
        String root = environment.get("KFORGE_CACHE");
        return root != null && !root.isEmpty() ? Path.of(root)
                : Path.of(System.getProperty("user.home"), ".cache", "kforge");
    }
}
