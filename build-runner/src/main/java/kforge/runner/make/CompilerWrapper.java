package kforge.runner.make;

import java.util.Locale;
import java.util.Map;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.env.ExecutableSearch;

/**
 * A program put in front of the compiler: ccache to reuse objects across builds, distcc or icecream to
 * spread compiles over other machines. The kernel takes it as CC="wrapper ${CROSS_COMPILE}gcc".
 */
public enum CompilerWrapper {
    NONE(null, null),
    CCACHE("ccache", "ccache"),
    DISTCC("distcc", "distcc"),
    ICECC("icecc", "icecc");

    private final String program;
    private final String debianPackage;

    CompilerWrapper(String program, String debianPackage) {
        this.program = program;
        this.debianPackage = debianPackage;
    }

    public String program() {
        return program;
    }

    /** "ccache", "distcc", "icecc" or "none"/"" as a user types it. */
    public static CompilerWrapper parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        switch (n) {
            case "": case "none": return NONE;
            case "ccache": return CCACHE;
            case "distcc": return DISTCC;
            case "icecc": case "icecream": return ICECC;
            default: throw new KconfigException("unknown compiler wrapper '" + name
                    + "': expected ccache, distcc or icecc");
        }
    }

    /** The wrapper's path, or an error naming the package to install. */
    public String require(Map<String, String> environment) {
        return ExecutableSearch.find(program, environment).map(Object::toString)
                .orElseThrow(() -> new KconfigException(program + ": not found on PATH; install the Debian package "
                        + debianPackage + " (apt-get install " + debianPackage + ")"));
    }
}
