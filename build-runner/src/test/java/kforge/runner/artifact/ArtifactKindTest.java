package kforge.runner.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArtifactKindTest {
    @Test
    void bootImagesByName() {
        assertEquals(ArtifactKind.ZIMAGE, ArtifactKind.forPath("arch/arm/boot/zImage"));
        assertEquals(ArtifactKind.BZIMAGE, ArtifactKind.forPath("arch/x86/boot/bzImage"));
        assertEquals(ArtifactKind.BZIMAGE, ArtifactKind.forPath("arch/x86_64/boot/bzImage"));
        assertEquals(ArtifactKind.UIMAGE, ArtifactKind.forPath("arch/arm/boot/uImage"));
        assertEquals(ArtifactKind.OTHER, ArtifactKind.forPath("arch/arm/boot/Image"));
    }

    @Test
    void elfFilesAreVmlinuxAnywhereAndLinuxOnlyAtTheTop() {
        assertEquals(ArtifactKind.ELF, ArtifactKind.forPath("vmlinux"));
        assertEquals(ArtifactKind.ELF, ArtifactKind.forPath("./vmlinux"));
        assertEquals(ArtifactKind.ELF, ArtifactKind.forPath("arch/arm/boot/compressed/vmlinux"));
        assertEquals(ArtifactKind.ELF, ArtifactKind.forPath("linux"));
        assertEquals(ArtifactKind.OTHER, ArtifactKind.forPath("usr/include/linux"));
        assertEquals(ArtifactKind.OTHER, ArtifactKind.forPath("vmlinux.o"));
    }

    @Test
    void symbolsConfigDeviceTreesAndTarballs() {
        assertEquals(ArtifactKind.SYSTEM_MAP, ArtifactKind.forPath("System.map"));
        assertEquals(ArtifactKind.CONFIG, ArtifactKind.forPath(".config"));
        assertEquals(ArtifactKind.OTHER, ArtifactKind.forPath(".config.old"));
        assertEquals(ArtifactKind.DTB, ArtifactKind.forPath("arch/arm/boot/dts/versatile-pb.dtb"));
        assertEquals(ArtifactKind.MODULES_TARBALL, ArtifactKind.forPath("modules.tar.gz"));
        assertEquals(ArtifactKind.MODULES_TARBALL, ArtifactKind.forPath("modules.tar.xz"));
        assertEquals(ArtifactKind.MODULES_TARBALL, ArtifactKind.forPath("kforge/modules-6.1.0.tar.gz"));
        assertEquals(ArtifactKind.OTHER, ArtifactKind.forPath("Module.symvers"));
    }
}
