package kforge.kconfig.testing;

import java.nio.file.Path;

/**
 * The cache the test fixtures share across test classes, modules and runs: ${KFORGE_CACHE:-$HOME/.cache/kforge}.
 */
final class KforgeCache {

    private KforgeCache() {
    }

    static Path root() {
        String configured = System.getenv("KFORGE_CACHE");
        if (configured != null && !configured.isEmpty()) {
            return Path.of(configured).toAbsolutePath();
        }
        String home = System.getenv("HOME");
        if (home == null || home.isEmpty()) {
            home = System.getProperty("user.home");
        }
        return Path.of(home, ".cache", "kforge");
    }

    /** A file or directory name made from arbitrary text (a compiler prefix, a make target). */
    static String safeName(String text) {
        return text.replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
