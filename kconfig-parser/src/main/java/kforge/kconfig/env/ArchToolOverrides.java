package kforge.kconfig.env;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The tool variables some arch Makefiles change after the top Makefile set them. Only NM matters to Kconfig
 * (init/Kconfig passes it to scripts/tools-support-relr.sh); CPP, which powerpc extends with its CFLAGS,
 * is not exported at all by this package.
 */
final class ArchToolOverrides {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    /** powerpc's probe, verbatim: {@code $(NM) --help 2>&1 | grep -- '--synthetic'}. */
    private static final String SYNTHETIC_PROBE = "set -f; $NM --help 2>&1 | grep -- '--synthetic' > /dev/null && echo y";

    private ArchToolOverrides() {
    }

    /** Applies the arch Makefile's changes to NM in place. */
    static void apply(String srcArch, String crossCompile, Map<String, String> vars) {
        switch (srcArch) {
            case "alpha":
                vars.put("NM", vars.get("NM") + " -B");
                break;
            case "ia64":
                vars.put("NM", crossCompile + "nm -B");
                break;
            case "powerpc":
                if (nmHasSyntheticOption(vars)) {
                    vars.put("NM", vars.get("NM") + " --synthetic");
                }
                break;
            default:
                break;
        }
    }

    private static boolean nmHasSyntheticOption(Map<String, String> vars) {
        String answer = ProcessOutput.firstLine(List.of("/bin/sh", "-c", SYNTHETIC_PROBE), vars, PROBE_TIMEOUT);
        return answer.equals("y");
    }
}
