package kforge.runner.artifact;

/**
 * What a file in a build's output directory is, so it can be checked by its format rather than trusted by its
 * name: make can leave a stale or half-written image behind, and a board that gets the wrong one does not boot.
 */
public enum ArtifactKind {
    /** ARM's self-decompressing image (arch/arm/boot/zImage). */
    ZIMAGE,
    /** x86's boot-protocol image (arch/x86/boot/bzImage). */
    BZIMAGE,
    /** A zImage wrapped in U-Boot's legacy header (arch/arm/boot/uImage). */
    UIMAGE,
    /** The linked kernel: vmlinux, or the UML executable {@code linux}. */
    ELF,
    /** The kernel's symbol table, for reading oopses. */
    SYSTEM_MAP,
    /** The configuration the kernel was built with. */
    CONFIG,
    /** The modules as {@code make modules_install} laid them out, packed by {@link ModulesTarball}. */
    MODULES_TARBALL,
    /** A flattened device tree blob. */
    DTB,
    /** Anything else; only its presence is checked. */
    OTHER;

    /**
     * The kind a path relative to the out dir names. Boot images and vmlinux are recognised wherever they sit
     * (arch/x86_64/boot/bzImage is a link to arch/x86/boot/bzImage; the decompressors' vmlinux files are ELF too),
     * but {@code linux} only at the top: deeper down it is the name of header directories.
     */
    public static ArtifactKind forPath(String relativePath) {
        String path = relativePath.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        switch (name) {
            case "zImage": return ZIMAGE;
            case "bzImage": return BZIMAGE;
            case "uImage": return UIMAGE;
            case "vmlinux": return ELF;
            case "linux": return path.equals(name) ? ELF : OTHER;
            case "System.map": return SYSTEM_MAP;
            case ".config": return CONFIG;
            default: break;
        }
        if (name.endsWith(".dtb")) {
            return DTB;
        }
        if (name.endsWith(".tar.gz") || name.startsWith("modules.tar.")) {
            return MODULES_TARBALL;
        }
        return OTHER;
    }
}
