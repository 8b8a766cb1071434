package kforge.runner.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

import kforge.runner.compress.TestCompression;

/**
 * A small kernel source tarball made entry by entry, so a test states exactly what it holds: modes,
 * symlinks, the top directory. Compressed with gzip or bzip2 here, with the xz program for .xz (see
 * {@link TestCompression}).
 */
final class TestTarball {
    private record Entry(String name, byte[] content, int mode, String linkTarget, byte type) {
    }

    private final String top;
    private final List<Entry> entries = new ArrayList<>();

    private TestTarball(String top) {
        this.top = top;
    }

    /** An empty tarball whose entries will go below top/ (give "" for none). */
    static TestTarball withTop(String top) {
        TestTarball tarball = new TestTarball(top);
        if (!top.isEmpty()) {
            tarball.entries.add(new Entry(top + "/", new byte[0], 0755, null, TarArchiveEntry.LF_DIR));
        }
        return tarball;
    }

    /**
     * A kernel 6.1.7-kf: a Makefile with the version, a few sources, an executable script, a symlink and
     * arch/arm/configs with a defconfig.
     */
    static TestTarball kernel(String top) {
        return withTop(top)
                .file("Makefile", "# SPDX-License-Identifier: GPL-2.0\nVERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 7\n"
                        + "EXTRAVERSION = -kf\nNAME = Test\n")
                .file("README", "Linux kernel\n")
                .file("init/main.c", "int main(void) { return 0; }\n")
                .file("arch/arm/Kconfig", "config ARM\n\tdef_bool y\n")
                .file("arch/arm/configs/versatile_defconfig", "CONFIG_ARCH_VERSATILE=y\n")
                .file("arch/x86/Kconfig", "config X86\n\tdef_bool y\n")
                .executable("scripts/setlocalversion", "#!/bin/sh\necho \"\"\n")
                .directory("include/dt-bindings")
                .symlink("include/dt-bindings/input", "../../arch/arm/Kconfig");
    }

    TestTarball file(String path, String content) {
        return add(path, content, 0644);
    }

    TestTarball executable(String path, String content) {
        return add(path, content, 0755);
    }

    private TestTarball add(String path, String content, int mode) {
        entries.add(new Entry(name(path), content.getBytes(StandardCharsets.UTF_8), mode, null,
                TarArchiveEntry.LF_NORMAL));
        return this;
    }

    TestTarball directory(String path) {
        entries.add(new Entry(name(path) + "/", new byte[0], 0755, null, TarArchiveEntry.LF_DIR));
        return this;
    }

    TestTarball symlink(String path, String target) {
        entries.add(new Entry(name(path), new byte[0], 0777, target, TarArchiveEntry.LF_SYMLINK));
        return this;
    }

    /** The first entry git archive writes (and so kernel.org's tarballs have): the commit id, as a pax comment. */
    TestTarball gitArchiveHeader(String commitId) {
        entries.add(0, new Entry("pax_global_header", commitId.getBytes(StandardCharsets.UTF_8), 0666, null,
                TarConstants.LF_PAX_GLOBAL_EXTENDED_HEADER));
        return this;
    }

    TestTarball hardLink(String path, String target) {
        entries.add(new Entry(name(path), new byte[0], 0644, name(target), TarArchiveEntry.LF_LINK));
        return this;
    }

    /** Any entry, its name as the tarball holds it (no top directory added): for malformed tarballs. */
    TestTarball raw(String fullName, byte type, int mode, String content, String linkTarget) {
        entries.add(new Entry(fullName, content.getBytes(StandardCharsets.UTF_8), mode, linkTarget, type));
        return this;
    }

    /** The tarball's bytes, compressed as a file of this name would be. */
    byte[] bytes(String fileName) throws IOException, InterruptedException {
        Path file = Files.createTempFile("kforge-test", fileName);
        try {
            return Files.readAllBytes(writeTo(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private String name(String path) {
        return top.isEmpty() ? path : top + "/" + path;
    }

    /** Writes the tarball, compressed as its name says: .tar.gz, .tar.bz2, .tar.xz or .tar. */
    Path writeTo(Path file) throws IOException, InterruptedException {
        String name = file.getFileName().toString();
        if (name.endsWith(".xz")) {
            ByteArrayOutputStream tar = new ByteArrayOutputStream();
            writeTar(tar);
            return Files.write(file, TestCompression.xz(tar.toByteArray()));
        }
        OutputStream out = Files.newOutputStream(file);
        if (name.endsWith(".gz")) {
            out = new GZIPOutputStream(out);
        } else if (name.endsWith(".bz2")) {
            out = new BZip2CompressorOutputStream(out);
        }
        writeTar(out);
        return file;
    }

    private void writeTar(OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry entry : entries) {
                TarArchiveEntry header = new TarArchiveEntry(entry.name(), entry.type());
                header.setMode(entry.mode());
                if (header.isGlobalPaxHeader()) {
                    header.addPaxHeader("comment", new String(entry.content(), StandardCharsets.UTF_8));
                    tar.putArchiveEntry(header);  // written whole: no data, no close
                    continue;
                }
                if (entry.linkTarget() != null) {
                    header.setLinkName(entry.linkTarget());
                } else {
                    header.setSize(entry.content().length);
                }
                tar.putArchiveEntry(header);
                tar.write(entry.content());
                tar.closeArchiveEntry();
            }
        }
    }
}
