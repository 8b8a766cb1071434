package kforge.runner.board;

import java.util.List;

import kforge.kconfig.env.ArchNames;

/**
 * What kforge needs to configure and build for one board: ARCH and toolchain prefix, the base defconfig
 * and fragments over it, the make targets and the files they produce, and the board's boot details.
 *
 * @param defconfig a name in arch/$SRCARCH/configs
 * @param fragments paths of merge_config.sh-style fragments, relative to the tree or absolute
 * @param artifacts paths relative to the build's output directory
 * @param loadAddress where the boot loader puts the kernel; mkimage's LOADADDR for a uImage (may be null)
 * @param removed the release that dropped the board from mainline, or null
 * @param boot how kforge boot runs the board, or null when it cannot
 */
public record BoardProfile(String name, String description, String arch, String crossCompile, String defconfig,
                           List<String> fragments, List<String> targets, List<String> artifacts, String cmdline,
                           String notes, String loadAddress, Removal removed, Boot boot) {

    /**
     * The mainline release from which a tree no longer has the board.
     *
     * @param release the first release without it, e.g. "6.3"
     * @param why what happened, e.g. "S3C24xx left mainline in Linux 6.3"
     */
    public record Removal(String release, String why) {
    }

    /**
     * What booting the board in a smoke test takes.
     *
     * @param runner "uml" (the kernel is the program) or "qemu-system-arm"; null when it cannot boot here
     * @param machine QEMU's -M
     * @param dtb the device tree's file name, found under the out dir's arch/$SRCARCH/boot/dts
     * @param cmdline the kernel command line for the boot (the serial console)
     * @param config .config lines the boot needs (initramfs, console, devtmpfs), merged as the board's own
     * @param instead why it cannot boot here, and what to boot instead (when runner is null)
     */
    public record Boot(String runner, String machine, String dtb, String cmdline, List<String> config,
                       String instead) {

        public Boot {
            config = listOf("boot.config", config);
        }
    }

    public BoardProfile {
        fragments = listOf("fragments", fragments);
        targets = listOf("targets", targets);
        artifacts = listOf("artifacts", artifacts);
        crossCompile = crossCompile == null ? "" : crossCompile;
    }

    /** An absent list is empty; a null in one is a fault of the profile, named by its field. */
    private static List<String> listOf(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("\"" + field + "\" has an entry that is no text");
        }
        return List.copyOf(values);
    }

    /** Why kforge boot cannot boot this board, and what to boot instead; null when it can. */
    public String cannotBoot() {
        if (boot != null && boot.runner() != null) {
            return null;
        }
        return "kforge cannot boot " + name + (boot != null && boot.instead() != null ? ": " + boot.instead()
                : ": its profile says nothing about booting");
    }

    /** The directory under arch/ (x86_64 → x86). */
    public String srcArch() {
        return ArchNames.srcArch(arch);
    }

    /** The defconfig's path in a kernel tree. */
    public String defconfigPath() {
        return "arch/" + srcArch() + "/configs/" + defconfig;
    }
}
