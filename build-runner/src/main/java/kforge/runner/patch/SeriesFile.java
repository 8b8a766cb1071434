package kforge.runner.patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.SourceLocation;

/**
 * quilt's series file: one patch per line, in order, "#" starting a comment, options after the name
 * ({@code -p0}, {@code -p2}, {@code -pab} for -p1, {@code -R}). kforge reads quilt's files and writes ones
 * quilt reads.
 */
final class SeriesFile {
    private SeriesFile() {
    }

    /** The entries; none when the file does not exist yet. */
    static List<SeriesEntry> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new KconfigException(file + ": cannot read it: " + e.getMessage());
        }
        List<SeriesEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            SourceLocation where = new SourceLocation(file.toString(), i + 1);
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] words = text.split("\\s+");
            int strip = SeriesEntry.DEFAULT_STRIP;
            boolean reversed = false;
            for (int w = 1; w < words.length; w++) {
                String option = words[w];
                if (option.equals("-R")) {
                    reversed = true;
                } else if (option.equals("-pab")) {
                    strip = 1;
                } else if (option.matches("-p\\d{1,3}")) {
                    strip = Integer.parseInt(option.substring(2));
                } else if (option.equals("-p") && w + 1 < words.length && words[w + 1].matches("\\d{1,3}|ab")) {
                    String value = words[++w];
                    strip = value.equals("ab") ? 1 : Integer.parseInt(value);
                } else {
                    throw new KconfigException(where, "unknown patch option '" + option
                            + "' (kforge knows -pN and -R)");
                }
            }
            if (!seen.add(words[0])) {
                throw new KconfigException(where, words[0] + " is listed twice");
            }
            entries.add(new SeriesEntry(words[0], strip, reversed));
        }
        return entries;
    }

    static void append(Path file, SeriesEntry entry) throws IOException {
        String old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String separator = old.isEmpty() || old.endsWith("\n") ? "" : "\n";
        Files.createDirectories(file.toAbsolutePath().getParent());
        StateFiles.replace(file, old + separator + entry.line() + "\n");
    }
}
