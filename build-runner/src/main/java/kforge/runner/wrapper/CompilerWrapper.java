package kforge.runner.wrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.env.ExecutableSearch;

/**
 * What is put in front of the compiler: ccache to reuse objects across builds, distcc or icecream to
 * spread compiles over other machines, or ccache whose misses go to one of those (CCACHE_PREFIX). The
 * kernel takes it as CC="wrapper ${CROSS_COMPILE}gcc".
 */
public enum CompilerWrapper {
    NONE("none", null, false),
    CCACHE("ccache", null, true),
    DISTCC("distcc", Distributor.DISTCC, false),
    ICECC("icecc", Distributor.ICECC, false),
    CCACHE_DISTCC("ccache+distcc", Distributor.DISTCC, true),
    CCACHE_ICECC("ccache+icecc", Distributor.ICECC, true);

    /** A program that sends compile jobs to other machines. */
    public enum Distributor {
        DISTCC("distcc", "distcc"),
        ICECC("icecc", "icecc");

        private final String program;
        private final String debianPackage;

        Distributor(String program, String debianPackage) {
            this.program = program;
            this.debianPackage = debianPackage;
        }

        public String program() {
            return program;
        }
    }

    private final String label;
    private final Distributor distributor;
    private final boolean caches;

    CompilerWrapper(String label, Distributor distributor, boolean caches) {
        this.label = label;
        this.distributor = distributor;
        this.caches = caches;
    }

    /** How a user writes it and the build record names it: "ccache+distcc". */
    public String label() {
        return label;
    }

    public Optional<Distributor> distributor() {
        return Optional.ofNullable(distributor);
    }

    /** Whether ccache is the first word of CC. */
    public boolean caches() {
        return caches;
    }

    /** "ccache", "distcc", "icecc" (or "icecream"), "ccache+distcc", "ccache+icecc", or "none"/"" as a user types it. */
    public static CompilerWrapper parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace("icecream", "icecc");
        if (n.isEmpty()) {
            return NONE;
        }
        for (CompilerWrapper w : values()) {
            if (w.label.equals(n)) {
                return w;
            }
        }
        throw new KconfigException("unknown compiler wrapper '" + name
                + "': expected ccache, distcc, icecc, ccache+distcc or ccache+icecc");
    }

    /**
     * Where each of its programs is, the one CC starts with first; an error names the package to install
     * for the first one missing.
     */
    public List<String> require(Map<String, String> environment) {
        List<String> paths = new ArrayList<>();
        if (caches) {
            paths.add(find("ccache", "ccache", environment));
        }
        if (distributor != null) {
            paths.add(find(distributor.program, distributor.debianPackage, environment));
        }
        return paths;
    }

    private static String find(String program, String debianPackage, Map<String, String> environment) {
        return ExecutableSearch.find(program, environment).map(Object::toString)
                .orElseThrow(() -> new KconfigException(program + ": not found on PATH; install the Debian package "
                        + debianPackage + " (apt-get install " + debianPackage + ")"));
    }

    @Override
    public String toString() {
        return label;
    }
}
