package kforge.kconfig.env;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kforge.kconfig.diag.KconfigException;

/**
 * CC_VERSION_TEXT: {@code $(subst $(pound),,$(shell LC_ALL=C $(CC) --version 2>/dev/null | head -n 1))}.
 */
final class CompilerVersion {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /*
     * CC reaches the shell through the environment, not through the script text, so no value of it can
     * inject commands; the shell still splits it into words as make's shell does ("ccache gcc" works),
     * and it runs the program under its own name, which gcc prints back.
     */
    private static final String SCRIPT = "set -f; exec $CC --version";

    private CompilerVersion() {
    }

    static String text(String cc, Map<String, String> environment) {
        requireOnPath(cc, environment);
        Map<String, String> shellEnvironment = new HashMap<>(environment);
        shellEnvironment.put("LC_ALL", "C");
        shellEnvironment.put("CC", cc);
        String firstLine = ProcessOutput.firstLine(List.of("/bin/sh", "-c", SCRIPT), shellEnvironment, TIMEOUT);
        if (firstLine.isBlank()) {
            throw new KconfigException("'" + cc + " --version' printed nothing; cannot tell which C compiler '"
                    + cc + "' is");
        }
        // Kconfig would read a '#' as the start of a comment, so the Makefile drops them all.
        return firstLine.replace("#", "");
    }

    private static void requireOnPath(String cc, Map<String, String> environment) {
        String program = cc.strip().split("\\s+")[0];
        if (ExecutableSearch.find(program, environment).isEmpty()) {
            throw new KconfigException("C compiler '" + program + "' not found in PATH (needed to run '"
                    + cc + " --version' for CC_VERSION_TEXT)" + installHint(program));
        }
    }

    private static String installHint(String program) {
        return program.endsWith("-gcc") ? "; install the cross compiler or fix CROSS_COMPILE" : "";
    }
}
