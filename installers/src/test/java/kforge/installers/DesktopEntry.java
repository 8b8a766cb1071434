package kforge.installers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The [Desktop Entry] group of a .desktop file, read as the desktop's menu reads it: key=value lines, with
 * Exec split into a program and its arguments (kforge's entry needs no quoting, so none is handled).
 */
final class DesktopEntry {
    private static final String GROUP = "[Desktop Entry]";

    private final Map<String, String> values;

    private DesktopEntry(Map<String, String> values) {
        this.values = values;
    }

    static DesktopEntry read(Path file) {
        Map<String, String> values = new HashMap<>();
        boolean inGroup = false;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("[")) {
                    inGroup = line.equals(GROUP);
                } else if (inGroup && line.contains("=") && !line.startsWith("#")) {
                    int equals = line.indexOf('=');
                    values.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DesktopEntry(values);
    }

    /** A key's value, or "" when the entry does not have it. */
    String get(String key) {
        return values.getOrDefault(key, "");
    }

    /** Exec's words without field codes (%f, %U, …): the command the menu runs when nothing is dropped on it. */
    List<String> command() {
        return List.of(get("Exec").split("\\s+")).stream().filter(word -> !word.matches("%[a-zA-Z]")).toList();
    }
}
