package kforge.runner.artifact;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import kforge.kconfig.diag.KconfigException;

/**
 * The modules of a build as one file a user can copy to a board and unpack at its root:
 * {@code tar -xzf modules.tar.gz -C /}. It holds what {@code make modules_install INSTALL_MOD_PATH=<staging>}
 * put under the staging directory (lib/modules/&lt;version&gt;/...), including the {@code build} and
 * {@code source} symlinks that 6.1's modules_install makes; they point into the build host and are kept as
 * they are, as a distribution's package would.
 *
 * <p>The same staging tree always gives the same bytes: entries are sorted, owners are root (the build user's
 * uid means nothing on the board), times are whole seconds and the gzip header carries no time or name.
 */
public final class ModulesTarball {
    private static final Set<PosixFilePermission> TARBALL_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");
    private static final int SYMLINK_MODE = 0777;

    private ModulesTarball() {
    }

    /**
     * Packs stagingDir into tarball, replacing it. The tarball is written next to its final place and renamed
     * into it, so a reader never sees half of one and a failed run leaves the old one intact.
     *
     * @throws KconfigException when stagingDir holds no lib/modules, i.e. modules_install did not run into it
     * @throws IllegalArgumentException when tarball lies inside stagingDir, where it would pack itself
     * @throws UncheckedIOException when reading the tree or writing the tarball fails, or the tree holds
     *                              something other than files, directories and symlinks
     */
    public static void write(Path stagingDir, Path tarball) {
        Path staging = stagingDir.toAbsolutePath().normalize();
        Path target = tarball.toAbsolutePath().normalize();
        if (target.startsWith(staging)) {
            throw new IllegalArgumentException("the modules tarball " + tarball + " must not lie inside the staging"
                    + " directory " + stagingDir);
        }
        if (!Files.isDirectory(staging.resolve("lib/modules"))) {
            throw new KconfigException(stagingDir + " holds no lib/modules: run make modules_install with"
                    + " INSTALL_MOD_PATH=" + stagingDir + " first");
        }
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".partial");
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp));
                 GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(file);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, StandardCharsets.UTF_8.name())) {
                // Module paths pass 100 characters easily; POSIX (pax) headers are read by every tar since 2001.
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                tar.setAddPaxHeadersForNonAsciiNames(true);
                addChildren(tar, staging, staging);
                tar.finish();
            }
            if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(temp, TARBALL_PERMISSIONS);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the modules tarball " + tarball + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Whether file is a gzip tar that reads to its end: every entry is walked and the gzip trailer's CRC is
     * checked, so a truncated or corrupted copy fails here rather than half-way through unpacking on the board.
     */
    static Verification check(Path file) throws IOException {
        int entries = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] magic = raw.readNBytes(2);
            if (!GzipCompressorInputStream.matches(magic, magic.length)) {
                return Verification.failed("not a gzip file");
            }
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             GzipCompressorInputStream gzip = new GzipCompressorInputStream(raw, true);
             TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            while (tar.getNextEntry() != null) {
                entries++;
            }
            // tar stops at its end-of-archive blocks; read on so the gzip trailer is checked too.
            gzip.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            return Verification.failed("not a readable gzip tar after " + entries + " entries: " + e.getMessage());
        }
        if (entries == 0) {
            return Verification.failed("gzip tar without entries");
        }
        return Verification.passed("gzip tar with " + entries + (entries == 1 ? " entry" : " entries"));
    }

    private static void addChildren(TarArchiveOutputStream tar, Path root, Path directory) throws IOException {
        for (Path child : sortedChildren(directory)) {
            PosixFileAttributes attributes = Files.readAttributes(child, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            String name = nameOf(root, child);
            if (attributes.isSymbolicLink()) {
                TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                entry.setLinkName(Files.readSymbolicLink(child).toString());
                describe(entry, SYMLINK_MODE, attributes);
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            } else if (attributes.isDirectory()) {
                TarArchiveEntry entry = new TarArchiveEntry(name + "/");
                describe(entry, modeOf(attributes), attributes);
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
                addChildren(tar, root, child);
            } else if (attributes.isRegularFile()) {
                TarArchiveEntry entry = new TarArchiveEntry(name);
                describe(entry, modeOf(attributes), attributes);
                entry.setSize(attributes.size());
                tar.putArchiveEntry(entry);
                Files.copy(child, tar);
                tar.closeArchiveEntry();
            } else {
                throw new IOException(child + " is neither a file, a directory nor a symlink");
            }
        }
    }

    private static List<Path> sortedChildren(Path directory) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            entries.forEach(children::add);
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return children;
    }

    /** Relative to the staging root, with '/' whatever the platform, as tar wants it. */
    private static String nameOf(Path root, Path child) {
        return root.relativize(child).toString().replace(child.getFileSystem().getSeparator(), "/");
    }

    private static void describe(TarArchiveEntry entry, int mode, PosixFileAttributes attributes) {
        entry.setMode(mode);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("root");
        entry.setGroupName("root");
        // Whole seconds: a finer time would add a pax header per entry and nothing a board cares about.
        entry.setModTime(FileTime.fromMillis(attributes.lastModifiedTime().toMillis() / 1000 * 1000));
    }

    private static int modeOf(PosixFileAttributes attributes) {
        int mode = 0;
        for (PosixFilePermission permission : attributes.permissions()) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return mode;
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The write already failed; its exception says more than this one would.
        }
    }
}
