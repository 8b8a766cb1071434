package kforge.kconfig.env;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a make command line settles before the Makefile's exports are worked out.
 *
 * @param srctree      the source tree, symbolic links resolved
 * @param objtree      make's O= directory, or null when not known
 * @param arch         ARCH
 * @param srcArch      SRCARCH, the directory under arch/
 * @param subArch      SUBARCH, the host architecture in the kernel's naming
 * @param crossCompile CROSS_COMPILE, "" for host tools
 * @param base         the environment make was started with
 * @param version      the version lines of the top Makefile
 */
record MakeInputs(Path srctree, Path objtree, String arch, String srcArch, String subArch, String crossCompile,
                  Map<String, String> base, KernelVersion version) {
}
