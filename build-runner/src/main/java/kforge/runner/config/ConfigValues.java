package kforge.runner.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import kforge.kconfig.diag.KconfigException;

/**
 * A .config read the way kbuild's Makefiles see it (include/config/auto.conf): only the CONFIG_X=value
 * lines, with "is not set" meaning absent. For questions about a build, not for editing a configuration.
 */
public final class ConfigValues {

    private ConfigValues() {
    }

    /** Symbol name without CONFIG_ → value as written (y, m, "string", 0x10). */
    public static Map<String, String> read(Path dotConfig) {
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(dotConfig, StandardCharsets.ISO_8859_1)) {
                int eq = line.indexOf('=');
                if (line.startsWith("CONFIG_") && eq > 0) {
                    values.put(line.substring(7, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new KconfigException(dotConfig + ": cannot read: " + e.getMessage());
        }
        return values;
    }
}
