package kforge.kconfig.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.dialect.KernelRelease;

/**
 * The version variables at the head of the top Makefile, as make reads them, and the KERNELVERSION that the
 * tree's own KERNELVERSION line makes of them.
 */
public final class KernelVersion {
    private static final List<String> PARTS = List.of("VERSION", "PATCHLEVEL", "SUBLEVEL", "EXTRAVERSION");
    private static final String KERNELVERSION = "KERNELVERSION";

    private final Map<String, String> parts;
    private final String source;
    private final String kernelVersion;

    private KernelVersion(Map<String, String> parts, String source, String kernelVersion) {
        this.parts = parts;
        this.source = source;
        this.kernelVersion = kernelVersion;
    }

    public static KernelVersion read(Path topMakefile) {
        String file = topMakefile.toString();
        Set<String> names = new HashSet<>(PARTS);
        names.add(KERNELVERSION);
        Map<String, MakefileAssignments.Value> values = MakefileAssignments.read(file, lines(topMakefile), names,
                Set.of(KERNELVERSION));
        Map<String, String> parts = new HashMap<>();
        for (String name : PARTS) {
            MakefileAssignments.Value value = values.get(name);
            String text = value == null ? "" : value.text();
            if (text.contains("$")) {
                throw new KconfigException(file + ":" + value.line() + ": " + name + " = " + text
                        + ": a version that refers to other variables is make that kforge does not evaluate");
            }
            parts.put(name, text);
        }
        if (parts.get("VERSION").isBlank()) {
            throw new KconfigException(topMakefile + ": no VERSION assignment; is this a Linux source tree?");
        }
        MakefileAssignments.Value formula = values.get(KERNELVERSION);
        String kernelVersion = formula == null ? modernKernelVersion(parts)
                : MakeExpansion.expand(formula.text(), parts, file + ":" + formula.line());
        return new KernelVersion(parts, file, kernelVersion);
    }

    private static List<String> lines(Path file) {
        try {
            // Split at LF alone, as make does: a lone CR is part of a line.
            return List.of(Files.readString(file, StandardCharsets.ISO_8859_1).split("\n", -1));
        } catch (IOException e) {
            throw new KconfigException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * A Makefile without a KERNELVERSION line (a made-up tree) gets what every release since 2.6.33 writes:
     * {@code $(VERSION)$(if $(PATCHLEVEL),.$(PATCHLEVEL)$(if $(SUBLEVEL),.$(SUBLEVEL)))$(EXTRAVERSION)}.
     */
    private static String modernKernelVersion(Map<String, String> parts) {
        StringBuilder text = new StringBuilder(parts.get("VERSION"));
        if (!parts.get("PATCHLEVEL").isBlank()) {
            text.append('.').append(parts.get("PATCHLEVEL"));
            if (!parts.get("SUBLEVEL").isBlank()) {
                text.append('.').append(parts.get("SUBLEVEL"));
            }
        }
        return text.append(parts.get("EXTRAVERSION")).toString();
    }

    /** KERNELVERSION, as make exports it. */
    public String kernelVersion() {
        return kernelVersion;
    }

    /** The release as numbers, for choosing the Kconfig dialect; a malformed number names the Makefile. */
    public KernelRelease release() {
        return KernelRelease.fromMakefile(parts.get("VERSION").strip(), parts.get("PATCHLEVEL").strip(),
                parts.get("SUBLEVEL").strip(), source);
    }

    /** The variables the Makefile exports next to KERNELVERSION. */
    Map<String, String> exportedParts() {
        return Map.of("VERSION", parts.get("VERSION"), "PATCHLEVEL", parts.get("PATCHLEVEL"),
                "SUBLEVEL", parts.get("SUBLEVEL"));
    }
}
