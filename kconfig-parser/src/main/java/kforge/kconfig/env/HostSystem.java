package kforge.kconfig.env;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The host facts the Makefiles get from uname. They cannot change while the JVM runs, so each is asked once.
 */
final class HostSystem {
    private static final Duration UNAME_TIMEOUT = Duration.ofSeconds(10);

    private static volatile String machine;
    private static volatile String release;

    private HostSystem() {
    }

    /** {@code uname -m}; Java's os.arch says amd64 where the kernel's rules expect x86_64. */
    static String machine() {
        if (machine == null) {
            machine = uname("-m");
        }
        return machine;
    }

    /** {@code uname -r}, which names the running kernel's config files in KCONFIG_DEFCONFIG_LIST. */
    static String release() {
        if (release == null) {
            release = uname("-r");
        }
        return release;
    }

    private static String uname(String option) {
        String output = ProcessOutput.firstLine(List.of("uname", option), Map.of("PATH", "/usr/bin:/bin"), UNAME_TIMEOUT);
        return output.strip();
    }
}
