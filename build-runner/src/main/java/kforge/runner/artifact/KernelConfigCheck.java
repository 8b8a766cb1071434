package kforge.runner.artifact;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A .config: Kconfig writes every option that is set as a line starting with CONFIG_, so a file without one is
 * not a kernel configuration, whatever its name.
 */
final class KernelConfigCheck {
    private KernelConfigCheck() {
    }

    static Verification check(Path file) throws IOException {
        long set = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("CONFIG_")) {
                    set++;
                }
            }
        }
        if (set == 0) {
            return Verification.failed("not a kernel configuration: no line starts with CONFIG_");
        }
        return Verification.passed("kernel configuration with " + set + (set == 1 ? " option" : " options") + " set");
    }
}
