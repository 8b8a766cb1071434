package kforge.runner.artifact;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * System.map, as scripts/mksysmap writes it from nm's output: "address type symbol" per line. Only the first
 * line is looked at; a map that starts right was written by nm, and reading all of it would prove little more.
 */
final class SystemMapCheck {
    private static final Pattern SYMBOL_LINE = Pattern.compile("[0-9a-f]+ [A-Za-z] \\S+");

    private SystemMapCheck() {
    }

    static Verification check(Path file) throws IOException {
        String first;
        // ISO-8859-1 decodes any byte, so a binary file fails the pattern instead of throwing.
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            first = reader.readLine();
        }
        if (first == null || !SYMBOL_LINE.matcher(first).matches()) {
            return Verification.failed("not a System.map: the first line is not \"address type symbol\": "
                    + quote(first));
        }
        return Verification.passed("System.map starting with " + quote(first));
    }

    private static String quote(String line) {
        if (line == null) {
            return "none";
        }
        return "'" + (line.length() > 80 ? line.substring(0, 80) + "..." : line) + "'";
    }
}
