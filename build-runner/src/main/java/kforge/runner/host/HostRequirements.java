package kforge.runner.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kforge.kconfig.diag.KconfigException;

/** Reads the minimal host-tool versions a kernel tree documents in Documentation/process/changes.rst. */
public final class HostRequirements {
    /** Where the table lives, relative to the top of the tree. */
    public static final String CHANGES_RST = "Documentation/process/changes.rst";

    private static final Pattern BORDER = Pattern.compile("^\\s*=+(?:\\s+=+)*\\s*$");
    private static final Pattern BORDER_RUN = Pattern.compile("=+");
    private static final Pattern FOOTNOTE = Pattern.compile("\\\\?\\s*\\[#[^\\]]*\\]_");
    private static final Pattern OPTIONAL = Pattern.compile("\\(([^)]*\\boptional\\b[^)]*)\\)", Pattern.CASE_INSENSITIVE);

    private HostRequirements() {
    }

    /**
     * The rows of the minimal-requirements table of the tree, in table order.
     *
     * @throws KconfigException naming the file when it is missing, unreadable or holds no such table
     */
    public static List<HostRequirement> fromTree(Path tree) {
        Path file = tree.resolve(CHANGES_RST);
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new KconfigException(file + ": no such file; cannot read the kernel's minimal host-tool versions");
        } catch (IOException e) {
            throw new KconfigException(file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses the text of a changes.rst; {@code fileName} is only used in error messages. */
    public static List<HostRequirement> parse(String text, String fileName) {
        List<String> lines = text.lines().toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("Minimal version")) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            throw new KconfigException(fileName + ": no table of minimal versions (no header line with \"Minimal version\")");
        }
        int border = header + 1;
        while (border < lines.size() && lines.get(border).isBlank()) {
            border++;
        }
        if (border >= lines.size() || !BORDER.matcher(lines.get(border)).matches()) {
            throw new KconfigException(fileName + ":" + (header + 1)
                    + ": the \"Minimal version\" header is not followed by a table border (====)");
        }
        int[] starts = columnStarts(lines.get(border));
        if (starts.length < 3) {
            throw new KconfigException(fileName + ":" + (border + 1)
                    + ": the minimal-versions table has " + starts.length + " columns, expected 3");
        }
        List<HostRequirement> rows = new ArrayList<>();
        boolean closed = false;
        for (int i = border + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (BORDER.matcher(line).matches()) {
                closed = true;
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            HostRequirement row = row(line, starts);
            if (row != null) {
                rows.add(row);
            }
        }
        if (!closed) {
            throw new KconfigException(fileName + ": the minimal-versions table has no closing border (====)");
        }
        if (rows.isEmpty()) {
            throw new KconfigException(fileName + ": the minimal-versions table has no rows");
        }
        return List.copyOf(rows);
    }

    private static int[] columnStarts(String border) {
        Matcher m = BORDER_RUN.matcher(border);
        List<Integer> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** One table line, or null when a cell is empty (e.g. a continuation line). */
    private static HostRequirement row(String line, int[] starts) {
        String programCell = cell(line, starts[0], starts[1]);
        String versionCell = cell(line, starts[1], starts[2]);
        String commandCell = cell(line, starts[2], Integer.MAX_VALUE);
        String program = FOOTNOTE.matcher(programCell).replaceAll("");
        Matcher optional = OPTIONAL.matcher(program);
        boolean isOptional = optional.find();
        if (isOptional) {
            program = optional.replaceAll("");
        }
        program = program.replace("\\ ", " ").strip().replaceAll("\\s+", " ");
        String firstAlternative = commandCell.split("\\|\\|", 2)[0].strip();
        if (program.isEmpty() || versionCell.isEmpty() || firstAlternative.isEmpty()) {
            return null;
        }
        List<String> argv = Arrays.asList(firstAlternative.split("\\s+"));
        return new HostRequirement(program, versionCell, argv, isOptional);
    }

    private static String cell(String line, int start, int end) {
        if (start >= line.length()) {
            return "";
        }
        return line.substring(start, Math.min(end, line.length())).strip();
    }
}
