package kforge.app.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The options every configuration command takes: which tree, which architecture, which .config. */
public final class TreeOptions {
    @Option(names = "--tree", required = true, paramLabel = "DIR", description = "Kernel source tree.")
    Path tree;

    @Option(names = "--arch", paramLabel = "ARCH", description = "Architecture, as make's ARCH= (default: host).")
    String arch;

    @Option(names = "--cross-compile", paramLabel = "PREFIX",
            description = "Toolchain prefix, as make's CROSS_COMPILE= (e.g. arm-linux-gnueabi-).")
    String crossCompile;

    @Option(names = {"-q", "--quiet"}, description = "Do not print conf's messages.")
    boolean quiet;

    /** Without --config: $KCONFIG_CONFIG as conf honours it, else .config. */
    static Path defaultConfig() {
        String env = System.getenv("KCONFIG_CONFIG");
        return Path.of(env != null && !env.isEmpty() ? env : ".config");
    }
}
