package kforge.runner.toolchain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.env.ExecutableSearch;
import kforge.kconfig.env.ProcessOutput;

/**
 * Finds and validates the C toolchains a kernel build can use: the usual cross prefixes for ARM boards and
 * the host's gcc. A toolchain counts only if its compiler runs and names its target (-dumpmachine).
 */
public final class Toolchains {
    /** The prefixes looked for, in this order; "" is the host's gcc. */
    public static final List<String> KNOWN_PREFIXES = List.of("arm-linux-gnueabi-", "arm-linux-gnueabihf-",
            "arm-none-linux-gnueabi-", "arm-linux-", "aarch64-linux-gnu-", "");

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Toolchains() {
    }

    /** Every known toolchain that is on PATH and runs. */
    public static List<Toolchain> find(Map<String, String> environment) {
        List<Toolchain> found = new ArrayList<>();
        for (String prefix : KNOWN_PREFIXES) {
            probe(prefix, environment).ifPresent(found::add);
        }
        return found;
    }

    /** The toolchain for CROSS_COMPILE=prefix, or an error saying what is missing and how to install it. */
    public static Toolchain require(String prefix, Map<String, String> environment) {
        String p = prefix == null ? "" : prefix;
        return probe(p, environment).orElseThrow(() -> new KconfigException(notFound(p)));
    }

    /**
     * The toolchain for a prefix if its gcc is on PATH. A gcc that is there but does not answer
     * -dumpmachine is an error, not a miss: the user should hear that it is broken.
     */
    public static Optional<Toolchain> probe(String prefix, Map<String, String> environment) {
        String program = prefix + "gcc";
        Optional<Path> compiler = ExecutableSearch.find(program, environment);
        if (compiler.isEmpty()) {
            return Optional.empty();
        }
        String gcc = compiler.get().toString();
        String machine = ProcessOutput.firstLine(List.of(gcc, "-dumpmachine"), environment, TIMEOUT).strip();
        if (machine.isEmpty()) {
            throw new KconfigException(gcc + " is on PATH but does not run ('" + program
                    + " -dumpmachine' printed nothing)" + installHint(prefix));
        }
        String version = ProcessOutput.firstLine(List.of(gcc, "--version"), environment, TIMEOUT).strip();
        return Optional.of(new Toolchain(prefix, compiler.get(), machine, version));
    }

    /** What to tell a user whose PATH lacks the prefix's gcc: that, and how to install it. */
    public static String notFound(String prefix) {
        return prefix + "gcc: not found on PATH" + installHint(prefix);
    }

    /** The Debian package that provides a prefix's gcc, or null when Debian has none. */
    public static String debianPackage(String prefix) {
        switch (prefix) {
            case "": return "gcc";
            case "arm-linux-gnueabi-": return "gcc-arm-linux-gnueabi";
            case "arm-linux-gnueabihf-": return "gcc-arm-linux-gnueabihf";
            case "aarch64-linux-gnu-": return "gcc-aarch64-linux-gnu";
            default: return null;
        }
    }

    private static String installHint(String prefix) {
        String pkg = debianPackage(prefix);
        if (pkg != null) {
            return "; install the Debian package " + pkg + " (apt-get install " + pkg + ")";
        }
        return "; Debian has no package for this prefix: install that toolchain (e.g. Arm's GNU toolchain or"
                + " one built with crosstool-NG) and put its bin directory on PATH, or use arm-linux-gnueabi-"
                + " (apt-get install gcc-arm-linux-gnueabi)";
    }
}
