package kforge.runner.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.diag.KconfigException;

/**
 * Against a staging tree shaped like the one 6.1's modules_install makes (lib/modules/&lt;version&gt;/ with
 * kernel/, modules.* files and the build and source symlinks), read back with the real GNU tar.
 */
class ModulesTarballTest {
    private static final String VERSION = "6.1.0-kforge";
    private static final String LONG_DIRECTORY =
            "kernel/drivers/net/ethernet/some-vendor-with-a-long-name/and-a-long-driver-directory-name";

    @TempDir
    Path dir;

    private Path staging;

    @BeforeEach
    void stageModules() throws IOException {
        staging = dir.resolve("staging");
        Path modules = Files.createDirectories(staging.resolve("lib/modules/" + VERSION));
        Path net = Files.createDirectories(modules.resolve("kernel/drivers/net"));
        Files.write(net.resolve("dummy.ko"), ZImageCheckTest.zImage(20_000, ByteOrder.LITTLE_ENDIAN));
        Path longDirectory = Files.createDirectories(modules.resolve(LONG_DIRECTORY));
        Files.writeString(longDirectory.resolve("vendor_ethernet_driver_with_a_long_name.ko"), "module\n");
        Files.writeString(modules.resolve("modules.order"), "kernel/drivers/net/dummy.ko\n");
        Files.writeString(modules.resolve("modules.dep"), "kernel/drivers/net/dummy.ko:\n");
        Files.writeString(modules.resolve("modules.builtin"), "");
        Path script = Files.writeString(modules.resolve("hook.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(modules.resolve("build"), Path.of("/work/out/versatilepb"));
        Files.createSymbolicLink(modules.resolve("source"), Path.of("../../../../src/linux-6.1"));
        try (Stream<Path> all = Files.walk(staging)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setLastModifiedTime(p, FileTime.fromMillis(1_700_000_000_123L));
                }
            }
        }
    }

    /** tar -tzvf, one {permissions, owner, size, name} per entry, in archive order. */
    private List<String[]> listWithTar(Path tarball) throws Exception {
        List<String[]> entries = new ArrayList<>();
        for (String line : Commands.run(dir, "tar", "-tzvf", tarball.toString()).split("\n")) {
            String[] fields = line.split("\\s+", 6);
            entries.add(new String[] {fields[0], fields[1], fields[2], fields[5]});
        }
        return entries;
    }

    @Test
    void tarListsTheTreeSortedWithFilesDirectoriesAndSymlinks() throws Exception {
        Path tarball = dir.resolve("artifacts/modules.tar.gz");
        ModulesTarball.write(staging, tarball);
        List<String[]> entries = listWithTar(tarball);
        String m = "lib/modules/" + VERSION + "/";
        String longPath = m + LONG_DIRECTORY + "/vendor_ethernet_driver_with_a_long_name.ko";
        assertTrue(longPath.length() > 100, "a name ustar cannot hold");
        List<String> names = entries.stream().map(e -> e[3]).toList();
        assertEquals(List.of("lib/", "lib/modules/", m,
                m + "build -> /work/out/versatilepb",
                m + "hook.sh",
                m + "kernel/", m + "kernel/drivers/", m + "kernel/drivers/net/",
                m + "kernel/drivers/net/dummy.ko",
                m + "kernel/drivers/net/ethernet/",
                m + "kernel/drivers/net/ethernet/some-vendor-with-a-long-name/",
                m + LONG_DIRECTORY + "/",
                longPath,
                m + "modules.builtin", m + "modules.dep", m + "modules.order",
                m + "source -> ../../../../src/linux-6.1"), names);
        for (String[] entry : entries) {
            assertEquals("root/root", entry[1], entry[3]);
        }
        assertEquals("lrwxrwxrwx", entry(entries, m + "build -> /work/out/versatilepb")[0]);
        assertEquals("-rwxr-x---", entry(entries, m + "hook.sh")[0]);
        assertEquals("drwxr-xr-x", entry(entries, m + "kernel/")[0]);
        String[] module = entry(entries, m + "kernel/drivers/net/dummy.ko");
        assertEquals("-rw-r--r--", module[0]);
        assertEquals("20000", module[2]);
    }

    @Test
    void tarExtractsTheSameContent() throws Exception {
        Path tarball = dir.resolve("modules.tar.gz");
        ModulesTarball.write(staging, tarball);
        Path extracted = Files.createDirectories(dir.resolve("extracted"));
        Commands.run(extracted, "tar", "-xzf", tarball.toString());
        Path module = Path.of("lib/modules", VERSION, "kernel/drivers/net/dummy.ko");
        assertArrayEquals(Files.readAllBytes(staging.resolve(module)), Files.readAllBytes(extracted.resolve(module)));
        assertEquals(Path.of("/work/out/versatilepb"),
                Files.readSymbolicLink(extracted.resolve("lib/modules/" + VERSION + "/build")));
        assertEquals(FileTime.fromMillis(1_700_000_000_000L), Files.getLastModifiedTime(extracted.resolve(module)));
    }

    @Test
    void writingTwiceGivesTheSameBytes() throws Exception {
        Path first = dir.resolve("first.tar.gz");
        Path second = dir.resolve("second.tar.gz");
        ModulesTarball.write(staging, first);
        ModulesTarball.write(staging, second);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        byte[] before = Files.readAllBytes(first);
        ModulesTarball.write(staging, first);
        assertArrayEquals(before, Files.readAllBytes(first));
    }

    @Test
    void replacesAnOldTarballAndLeavesNoTemporaryFile() throws Exception {
        Path artifacts = Files.createDirectories(dir.resolve("artifacts"));
        Path tarball = Files.writeString(artifacts.resolve("modules.tar.gz"), "old");
        ModulesTarball.write(staging, tarball);
        try (Stream<Path> files = Files.list(artifacts)) {
            assertEquals(List.of(tarball), files.toList());
        }
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(tarball)));
        Verification v = ArtifactCheck.verify(tarball, ArtifactKind.MODULES_TARBALL, "arm");
        assertEquals(new Verification(true, "gzip tar with 17 entries"), v);
    }

    @Test
    void aTruncatedOrForeignTarballFailsVerification() throws Exception {
        Path tarball = dir.resolve("modules.tar.gz");
        ModulesTarball.write(staging, tarball);
        byte[] bytes = Files.readAllBytes(tarball);
        Path truncated = Files.write(dir.resolve("truncated.tar.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        Verification cut = ArtifactCheck.verify(truncated, ArtifactKind.MODULES_TARBALL, "arm");
        assertFalse(cut.ok());
        assertTrue(cut.detail().startsWith("not a readable gzip tar"), cut.detail());
        byte[] corrupted = bytes.clone();
        corrupted[corrupted.length - 6] ^= 0x01; // the trailer's CRC32
        Verification crc = ArtifactCheck.verify(Files.write(dir.resolve("crc.tar.gz"), corrupted),
                ArtifactKind.MODULES_TARBALL, "arm");
        assertFalse(crc.ok(), crc.detail());
        Path plain = Files.writeString(dir.resolve("plain.tar.gz"), "not compressed");
        assertEquals(new Verification(false, "not a gzip file"),
                ArtifactCheck.verify(plain, ArtifactKind.MODULES_TARBALL, "arm"));
        Commands.run(dir, "sh", "-c", "printf 'just text' | gzip -n > text.gz");
        Verification text = ArtifactCheck.verify(dir.resolve("text.gz"), ArtifactKind.MODULES_TARBALL, "arm");
        assertFalse(text.ok(), text.detail());
    }

    @Test
    void refusesAStagingDirectoryWithoutModulesAndATarballInsideIt() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        KconfigException fault = assertThrows(KconfigException.class,
                () -> ModulesTarball.write(empty, dir.resolve("modules.tar.gz")));
        assertTrue(fault.getMessage().contains("holds no lib/modules"), fault.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ModulesTarball.write(staging, staging.resolve("modules.tar.gz")));
        assertFalse(Files.exists(staging.resolve("modules.tar.gz")));
    }

    private static String[] entry(List<String[]> entries, String name) {
        return entries.stream().filter(e -> e[3].equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + name));
    }
}
