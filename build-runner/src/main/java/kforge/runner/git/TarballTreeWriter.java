package kforge.runner.git;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.InvalidPathException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectInserter;

import kforge.kconfig.diag.KconfigException;

/**
 * Puts a tarball's entries, as they stream past, into a new work tree and the object database at once, and
 * keeps the index entry of each. Every byte is hashed once, on its way through, so a kernel tree needs no
 * second pass of "git add" over 1.4 GB of files. The files are written on a thread of their own meanwhile
 * (see {@link BackgroundFileWriter}); the caller's thread hashes and compresses.
 *
 * <p>Regular files, executables and symlinks become what git stores for them; hard links become copies; empty
 * directories are left out, as git has no place for them. Devices, FIFOs, paths with "..", and paths below
 * a file or symlink are refused, where tar -x fails or makes what git cannot hold. The index entries carry the
 * written files' sizes and times, so a status right afterwards need not read the files again.
 */
final class TarballTreeWriter implements Closeable {
    /** Larger files go to disk first and are hashed from there, so memory stays small whatever the tarball. */
    private static final long IN_MEMORY_LIMIT = 32L << 20;

    private final Path workTree;
    private final ObjectInserter inserter;
    private final String tarballName;
    private final TopDirectory top;
    private final BackgroundFileWriter files = new BackgroundFileWriter();
    private final Map<String, DirCacheEntry> entries = new HashMap<>();
    private final Set<String> symlinks = new HashSet<>();
    /** Touched by whichever thread writes files; the background writer hands over by draining. */
    private final Set<Path> directories = new HashSet<>();

    TarballTreeWriter(Path workTree, ObjectInserter inserter, String tarballName) {
        this.workTree = workTree;
        this.inserter = inserter;
        this.tarballName = tarballName;
        this.top = new TopDirectory(tarballName);
        directories.add(workTree);
    }

    /** Writes one entry (perhaps later, in the background); content is positioned at its data. */
    void write(TarArchiveEntry entry, InputStream content) throws IOException {
        String path = top.strip(entry.getName(), entry.isDirectory());
        if (List.of(path.split("/")).contains("..")) {
            throw new KconfigException(tarballName + ": holds " + entry.getName()
                    + ", a path that leaves the tree ('..'); kforge will not write outside it");
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            // git holds none, and tar -x as a user cannot make them: a source tarball with one is not one.
            throw new KconfigException(tarballName + ": holds " + entry.getName()
                    + ", a device or FIFO, which no kernel source tarball has");
        }
        if (path.isEmpty()) {
            return;
        }
        if (entry.isDirectory()) {
            requireNoFileAt(path + "/", entry.getName());
            return;
        }
        requireNoFileAt(path, entry.getName());
        DirCacheEntry index = newEntry(path, entry.getName());
        Path file = workTree.resolve(path);
        // A later entry of the same name wins, as with tar -x.
        boolean replaces = entries.containsKey(path);
        symlinks.remove(path);
        if (entry.isSymbolicLink()) {
            writeSymlink(index, file, replaces, entry);
        } else if (entry.isLink()) {
            writeHardLink(index, file, replaces, entry);
        } else {
            writeFile(index, file, replaces, entry, content);
        }
        entries.put(path, index);
    }

    /** Waits for the last files to be written; the entries are complete only then. */
    void finish() throws IOException {
        files.drain();
    }

    /** The index entries of everything written, in no particular order; call {@link #finish()} first. */
    List<DirCacheEntry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** The tarball's top directory, or null when it held nothing. */
    String topDirectory() {
        return top.name();
    }

    @Override
    public void close() {
        files.close();
    }

    private DirCacheEntry newEntry(String path, String entryName) {
        try {
            return new DirCacheEntry(path);
        } catch (InvalidPathException e) {
            throw new KconfigException(tarballName + ": holds " + entryName + ", a path git cannot hold safely ("
                    + e.getMessage() + ")");
        }
    }

    /** A file below a symlink would be written wherever the link points, possibly outside the tree. */
    private void requireNoSymlinkAbove(String path, String entryName) {
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            if (symlinks.contains(path.substring(0, slash))) {
                throw new KconfigException(tarballName + ": holds " + entryName + ", which lies below the symlink "
                        + path.substring(0, slash) + "; kforge will not write through a symlink");
            }
        }
    }

    /**
     * tar -x fails on a path below one it made a file or symlink: so does the import, before writing anything
     * there (a directory entry, which writes nothing, included).
     */
    private void requireNoFileAt(String path, String entryName) {
        requireNoSymlinkAbove(path, entryName);
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            if (entries.containsKey(path.substring(0, slash))) {
                throw new KconfigException(tarballName + ": holds " + entryName + " below "
                        + path.substring(0, slash) + ", which it also holds as a file");
            }
        }
    }

    /** Makes room for the entry's file: its directory exists, an earlier entry of the same name is gone. */
    private void prepare(Path file, boolean replaces, String entryName) throws IOException {
        Path parent = file.getParent();
        if (directories.add(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (FileAlreadyExistsException e) {
                throw new KconfigException(tarballName + ": holds " + entryName + " below "
                        + workTree.relativize(parent) + ", which it also holds as a file");
            }
        }
        if (replaces) {
            Files.delete(file);
        }
    }

    private void writeFile(DirCacheEntry index, Path file, boolean replaces, TarArchiveEntry entry,
                           InputStream content) throws IOException {
        long size = entry.getSize();
        boolean executable = (entry.getMode() & 0100) != 0;
        index.setFileMode(executable ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE);
        if (size > IN_MEMORY_LIMIT) {
            files.drain();
            prepare(file, replaces, entry.getName());
            try (OutputStream out = Files.newOutputStream(file)) {
                content.transferTo(out);
            }
            try (InputStream back = Files.newInputStream(file)) {
                index.setObjectId(inserter.insert(Constants.OBJ_BLOB, Files.size(file), back));
            }
            finishFile(index, file, executable);
            return;
        }
        byte[] data = content.readNBytes((int) size);
        if (data.length != size) {
            throw new KconfigException(tarballName + ": ends in the middle of " + entry.getName());
        }
        index.setObjectId(inserter.insert(Constants.OBJ_BLOB, data));
        files.submit(size, () -> {
            prepare(file, replaces, entry.getName());
            Files.write(file, data);
            finishFile(index, file, executable);
        });
    }

    private static void finishFile(DirCacheEntry index, Path file, boolean executable) throws IOException {
        if (executable) {
            makeExecutable(file);
        }
        recordStat(index, file);
    }

    /** Execute permission wherever there is read permission, as git checks out executables (umask applied). */
    private static void makeExecutable(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.contains(PosixFilePermission.OWNER_READ)) {
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
        }
        if (permissions.contains(PosixFilePermission.GROUP_READ)) {
            permissions.add(PosixFilePermission.GROUP_EXECUTE);
        }
        if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        Files.setPosixFilePermissions(file, permissions);
    }

    private void writeSymlink(DirCacheEntry index, Path file, boolean replaces, TarArchiveEntry entry)
            throws IOException {
        String target = entry.getLinkName();
        index.setFileMode(FileMode.SYMLINK);
        index.setObjectId(inserter.insert(Constants.OBJ_BLOB, target.getBytes(StandardCharsets.UTF_8)));
        symlinks.add(index.getPathString());
        files.submit(0, () -> {
            prepare(file, replaces, entry.getName());
            Files.createSymbolicLink(file, Path.of(target));
            recordStat(index, file);
        });
    }

    private void writeHardLink(DirCacheEntry index, Path file, boolean replaces, TarArchiveEntry entry)
            throws IOException {
        String targetPath = top.strip(entry.getLinkName(), false);
        DirCacheEntry target = entries.get(targetPath);
        if (target == null || FileMode.SYMLINK.equals(target.getRawMode())) {
            throw new KconfigException(tarballName + ": " + entry.getName() + " is a hard link to "
                    + entry.getLinkName() + ", which is not a file earlier in the tarball");
        }
        index.setFileMode(target.getFileMode());
        index.setObjectId(target.getObjectId());
        Path targetFile = workTree.resolve(targetPath);
        files.submit(0, () -> {
            prepare(file, replaces, entry.getName());
            Files.copy(targetFile, file);
            recordStat(index, file);
        });
    }

    /** Size and time as the file system has them, which a later status compares against. */
    private static void recordStat(DirCacheEntry index, Path file) throws IOException {
        BasicFileAttributes written = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        index.setLength(written.size());
        index.setLastModified(written.lastModifiedTime().toInstant());
    }
}
