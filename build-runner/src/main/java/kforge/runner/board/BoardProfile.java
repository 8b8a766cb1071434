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
 */
public record BoardProfile(String name, String description, String arch, String crossCompile, String defconfig,
                           List<String> fragments, List<String> targets, List<String> artifacts, String cmdline,
                           String notes, String loadAddress) {

    public BoardProfile {
        fragments = fragments == null ? List.of() : List.copyOf(fragments);
        targets = targets == null ? List.of() : List.copyOf(targets);
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        crossCompile = crossCompile == null ? "" : crossCompile;
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
