package kforge.kconfig.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.dialect.KernelRelease;

/**
 * The version variables at the head of the top Makefile, and the KERNELVERSION it builds from them.
 */
public final class KernelVersion {
    private static final List<String> NAMES = List.of("VERSION", "PATCHLEVEL", "SUBLEVEL", "EXTRAVERSION");
    private static final Pattern ASSIGNMENT =
            Pattern.compile("^(VERSION|PATCHLEVEL|SUBLEVEL|EXTRAVERSION)\\s*[:?]?=\\s*(.*?)\\s*$");

    private final String version;
    private final String patchLevel;
    private final String subLevel;
    private final String extraVersion;
    private final String source;

    private KernelVersion(Map<String, String> values, String source) {
        this.source = source;
        this.version = values.get("VERSION");
        this.patchLevel = values.get("PATCHLEVEL");
        this.subLevel = values.get("SUBLEVEL");
        this.extraVersion = values.get("EXTRAVERSION");
    }

    public static KernelVersion read(Path topMakefile) {
        Map<String, String> values = new HashMap<>();
        for (String line : lines(topMakefile)) {
            Matcher m = ASSIGNMENT.matcher(line);
            // The first assignment wins: later ones in the Makefile are in recipes or conditionals.
            if (m.matches()) {
                values.putIfAbsent(m.group(1), m.group(2));
            }
        }
        NAMES.forEach(name -> values.putIfAbsent(name, ""));
        if (values.get("VERSION").isEmpty()) {
            throw new KconfigException(topMakefile + ": no VERSION assignment; is this a Linux source tree?");
        }
        return new KernelVersion(values, topMakefile.toString());
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new KconfigException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** {@code $(VERSION)$(if $(PATCHLEVEL),.$(PATCHLEVEL)$(if $(SUBLEVEL),.$(SUBLEVEL)))$(EXTRAVERSION)} */
    public String kernelVersion() {
        StringBuilder text = new StringBuilder(version);
        if (!patchLevel.isEmpty()) {
            text.append('.').append(patchLevel);
            if (!subLevel.isEmpty()) {
                text.append('.').append(subLevel);
            }
        }
        return text.append(extraVersion).toString();
    }

    /** The release as numbers, for choosing the Kconfig dialect; a malformed number names the Makefile. */
    public KernelRelease release() {
        return KernelRelease.fromMakefile(version, patchLevel, subLevel, source);
    }

    /** The variables the Makefile exports next to KERNELVERSION. */
    Map<String, String> exportedParts() {
        return Map.of("VERSION", version, "PATCHLEVEL", patchLevel, "SUBLEVEL", subLevel);
    }
}
