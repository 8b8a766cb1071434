package kforge.app.gui.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import kforge.runner.diag.Diagnostic;

/**
 * A source file a diagnostic points into, read for the viewer, with the line to show.
 *
 * @param lines the file's lines (bytes that are not UTF-8 shown as replacement characters, never refused)
 * @param line  1-based line to scroll to and highlight; 0 when the diagnostic gave none
 */
public record SourceFile(Path file, List<String> lines, int line) {

    public SourceFile {
        lines = List.copyOf(lines);
    }

    /**
     * Where the file a tool printed is: the path itself when absolute, else relative to the out dir (where
     * make runs, and kbuild names sources from there), else relative to the tree. Empty when none exists.
     */
    public static Optional<Path> locate(String printed, Path outDir, Path tree) {
        if (printed == null || printed.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(printed);
        List<Path> candidates = new ArrayList<>();
        if (path.isAbsolute()) {
            candidates.add(path);
        } else {
            if (outDir != null) {
                candidates.add(outDir.resolve(path));
            }
            if (tree != null) {
                candidates.add(tree.resolve(path));
            }
        }
        return candidates.stream().map(Path::normalize).filter(Files::isRegularFile).findFirst();
    }

    /**
     * The diagnostic's location as the user thinks of it: "kernel/fork.c:3:13" rather than the absolute
     * path kbuild hands gcc, when the file lies in the tree or the out dir.
     */
    public static String shortLocation(Diagnostic diagnostic, Path outDir, Path tree) {
        String file = diagnostic.file();
        if (file == null || !Path.of(file).isAbsolute()) {
            return diagnostic.location();
        }
        Path path = Path.of(file).normalize();
        for (Path base : new Path[] {tree, outDir}) {
            if (base != null && path.startsWith(base.toAbsolutePath().normalize())) {
                String relative = base.toAbsolutePath().normalize().relativize(path).toString();
                return relative + diagnostic.location().substring(file.length());
            }
        }
        return diagnostic.location();
    }

    /** Reads the file a diagnostic names; blocks, so call it off the UI thread. Empty when it is not found. */
    public static Optional<SourceFile> of(Diagnostic diagnostic, Path outDir, Path tree) {
        return locate(diagnostic.file(), outDir, tree).map(file -> read(file, diagnostic.line()));
    }

    static SourceFile read(Path file, int line) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return new SourceFile(file, text.lines().toList(), line);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
