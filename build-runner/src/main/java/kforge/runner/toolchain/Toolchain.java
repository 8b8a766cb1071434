package kforge.runner.toolchain;

import java.nio.file.Path;

/**
 * A C toolchain that answered: its CROSS_COMPILE prefix ("" for the host's gcc), the compiler found on
 * PATH, the target it builds for (gcc -dumpmachine) and its version line (gcc --version).
 */
public record Toolchain(String prefix, Path compiler, String machine, String version) {

    public boolean isHost() {
        return prefix.isEmpty();
    }

    /** One line for reports: "arm-linux-gnueabi- -> arm-linux-gnueabi, arm-linux-gnueabi-gcc (Debian 12.2.0-14) 12.2.0". */
    public String describe() {
        return (isHost() ? "host gcc" : prefix) + " -> " + machine + ", " + version;
    }
}
