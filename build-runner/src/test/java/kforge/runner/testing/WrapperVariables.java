package kforge.runner.testing;

/**
 * The caller's variables that would steer a compiler wrapper (a developer's own DISTCC_HOSTS, CCACHE_DIR,
 * ICECC_VERSION): a test that starts its own daemons runs without them.
 */
public final class WrapperVariables {
    private WrapperVariables() {
    }

    public static boolean steersAWrapper(String name) {
        return name.startsWith("DISTCC_") || name.startsWith("ICECC") || name.startsWith("CCACHE_");
    }
}
