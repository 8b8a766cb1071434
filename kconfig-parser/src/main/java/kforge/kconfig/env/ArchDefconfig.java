package kforge.kconfig.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kforge.kconfig.diag.KconfigException;

/**
 * KBUILD_DEFCONFIG, the file 'make defconfig' starts from, as arch/$(SRCARCH)/Makefile sets it.
 */
final class ArchDefconfig {
    /** An assignment at the start of a line, which in the arch Makefiles means outside any conditional. */
    private static final Pattern TOP_LEVEL_ASSIGNMENT = Pattern.compile("^KBUILD_DEFCONFIG\\s*:?=\\s*(\\S+)\\s*$");

    /** What scripts/kconfig/Makefile falls back to when the arch Makefile sets nothing. */
    private static final String KCONFIG_MAKEFILE_DEFAULT = "defconfig";

    private ArchDefconfig() {
    }

    static String of(Path srctree, String arch, String srcArch, String subArch, Map<String, String> processEnvironment) {
        Optional<String> conditional = conditionalChoice(arch, srcArch, subArch);
        if (conditional.isPresent()) {
            return conditional.get();
        }
        return topLevelAssignment(srctree.resolve("arch").resolve(srcArch).resolve("Makefile"))
                // Arch Makefiles assign with := and so override the environment; only without one does it show.
                .or(() -> nonEmpty(processEnvironment.get("KBUILD_DEFCONFIG")))
                .orElse(KCONFIG_MAKEFILE_DEFAULT);
    }

    /** The arch Makefiles whose choice depends on ARCH or the host; their assignments sit inside ifeq blocks. */
    private static Optional<String> conditionalChoice(String arch, String srcArch, String subArch) {
        switch (srcArch) {
            case "x86":
                return Optional.of(arch.equals("x86") ? hostX86Defconfig() : arch + "_defconfig");
            case "um":
                return Optional.of(subArch.equals("x86") ? hostX86Defconfig() : subArch + "_defconfig");
            case "sparc":
                return Optional.of(arch.equals("sparc64") ? "sparc64_defconfig" : "sparc32_defconfig");
            case "parisc":
                return Optional.of(arch.equals("parisc64") ? "generic-64bit_defconfig" : "generic-32bit_defconfig");
            case "powerpc":
                String machine = HostSystem.machine();
                return Optional.of((machine.startsWith("ppc") ? machine : "ppc64") + "_defconfig");
            default:
                return Optional.empty();
        }
    }

    private static String hostX86Defconfig() {
        return HostSystem.machine().equals("x86_64") ? "x86_64_defconfig" : "i386_defconfig";
    }

    private static Optional<String> topLevelAssignment(Path archMakefile) {
        if (!Files.isRegularFile(archMakefile)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(archMakefile, StandardCharsets.ISO_8859_1)) {
                Matcher m = TOP_LEVEL_ASSIGNMENT.matcher(line);
                if (m.matches()) {
                    return Optional.of(m.group(1));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new KconfigException("cannot read " + archMakefile + ": " + e.getMessage());
        }
    }

    private static Optional<String> nonEmpty(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
