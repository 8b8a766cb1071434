package kforge.kconfig.lex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Glob patterns in source statements (a Kconfiglib extension: 'source "drivers/&#42;/Kconfig"').
 * Matches are sorted so the menu order does not depend on the file system.
 */
final class SourceGlob {
    private SourceGlob() {
    }

    static boolean isPattern(String path) {
        return path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('[') >= 0;
    }

    /** The names (relative to base, '/'-separated) of the regular files the pattern matches, sorted. */
    static List<String> expand(Path base, String pattern) {
        int firstMeta = firstMeta(pattern);
        int slash = pattern.lastIndexOf('/', firstMeta);
        String fixedDir = slash < 0 ? "" : pattern.substring(0, slash);
        Path start = fixedDir.isEmpty() ? base : base.resolve(fixedDir);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        int depth = (int) pattern.substring(slash + 1).chars().filter(c -> c == '/').count() + 1;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        try (Stream<Path> files = Files.walk(start, depth)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> base.relativize(p).toString())
                    .filter(name -> matcher.matches(Path.of(name)))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int firstMeta(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[') {
                return i;
            }
        }
        return s.length();
    }
}
