package kforge.kconfig.fix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a symbol the configured architecture's Kconfig never reads is defined instead: another arch/*
 * directory of the same tree. Such a wanted value is impossible, not a typo.
 */
final class OtherArchitectures {
    private OtherArchitectures() {
    }

    /** "arch/x86/Kconfig:123" for the first definition of the symbol under another architecture, if any. */
    static Optional<String> definitionOf(Path srctree, String symbol) {
        Path arch = srctree.resolve("arch");
        if (!Files.isDirectory(arch)) {
            return Optional.empty();
        }
        Pattern definition = Pattern.compile("^\\s*(menu)?config\\s+" + Pattern.quote(symbol) + "\\s*$");
        try (Stream<Path> files = Files.walk(arch)) {
            return files.filter(p -> p.getFileName().toString().startsWith("Kconfig") && Files.isRegularFile(p))
                    .sorted()
                    .map(p -> firstLine(p, definition).map(n -> srctree.relativize(p) + ":" + n))
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Integer> firstLine(Path file, Pattern definition) {
        try {
            var lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            for (int i = 0; i < lines.size(); i++) {
                if (definition.matcher(lines.get(i)).matches()) {
                    return Optional.of(i + 1);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
