package kforge.app.gui.model;

import java.util.Map;

import kforge.runner.toolchain.Toolchains;
import kforge.kconfig.diag.KconfigException;

/**
 * Whether a board's compiler is there, in one line the panel can show before anything is started: a
 * build that would stop at "gcc not found" should say what to install up front instead.
 *
 * @param found whether the prefix's gcc runs
 * @param text  the toolchain found, or what is missing and how to get it
 */
public record ToolchainStatus(boolean found, String text) {

    /** Shown while the probe runs (it starts gcc twice, which can take a moment on a cold cache). */
    public static ToolchainStatus checking(String prefix) {
        return new ToolchainStatus(false, "Looking for " + compiler(prefix) + " ...");
    }

    /** Runs the prefix's gcc; blocks, so call it off the UI thread. */
    public static ToolchainStatus probe(String prefix, Map<String, String> environment) {
        String p = prefix == null ? "" : prefix;
        try {
            return Toolchains.probe(p, environment).map(t -> new ToolchainStatus(true, t.describe()))
                    .orElseGet(() -> new ToolchainStatus(false, Toolchains.notFound(p)));
        } catch (KconfigException e) {
            return new ToolchainStatus(false, e.getMessage());
        }
    }

    private static String compiler(String prefix) {
        return (prefix == null ? "" : prefix) + "gcc";
    }
}
