package kforge.runner.patch;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import kforge.kconfig.io.WriterToken;

/**
 * Writes a patch's files all or none. Every new content first goes to a temporary file beside its target
 * (same directory, so the move is a rename); only then is each moved into place, or deleted. Should a move
 * or delete fail midway, the files already replaced are written back from their bytes in memory and the
 * directories made for new files are removed. Directories a deletion empties go, as patch and git remove them.
 */
final class TreeWriter {
    private static final AtomicLong COUNTER = new AtomicLong();

    private final Path tree;
    private final List<FileChange> changes;
    private final List<Path> createdDirectories = new ArrayList<>();

    private TreeWriter(Path tree, List<FileChange> changes) {
        this.tree = tree;
        this.changes = changes;
    }

    /** Something written that can still be taken back, should a later step (a commit) fail. */
    interface Written {
        void rollback() throws IOException;
    }

    static Written write(Path tree, List<FileChange> changes) throws IOException {
        TreeWriter writer = new TreeWriter(tree, changes);
        writer.writeAll();
        return writer::restore;
    }

    private void writeAll() throws IOException {
        List<Path> temporaries = new ArrayList<>();
        int done = 0;
        try {
            for (FileChange change : changes) {
                temporaries.add(change.after() == null ? null
                        : temporary(target(change), change.after(), change.afterExecutable()));
            }
            for (; done < changes.size(); done++) {
                FileChange change = changes.get(done);
                Path target = target(change);
                if (change.after() == null) {
                    Files.deleteIfExists(target);
                } else {
                    move(temporaries.get(done), target);
                }
            }
        } catch (IOException | RuntimeException e) {
            for (Path temporary : temporaries) {
                deleteQuietly(temporary);
            }
            try {
                restore(done);
            } catch (IOException | RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        for (FileChange change : changes) {
            if (change.after() == null) {
                removeEmptyParents(target(change));
            }
        }
    }

    private void restore() throws IOException {
        restore(changes.size());
    }

    /** Puts back the first count files from their bytes in memory, last first. */
    private void restore(int count) throws IOException {
        IOException first = null;
        for (int k = count - 1; k >= 0; k--) {
            FileChange change = changes.get(k);
            Path target = target(change);
            try {
                if (change.before() == null) {
                    Files.deleteIfExists(target);
                    removeEmptyParents(target);
                } else {
                    createParents(target);
                    move(temporary(target, change.before(), change.beforeExecutable()), target);
                }
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        for (int k = createdDirectories.size() - 1; k >= 0; k--) {
            try {
                Files.deleteIfExists(createdDirectories.get(k));
            } catch (DirectoryNotEmptyException e) {
                // something else lives there now
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private Path target(FileChange change) {
        return tree.resolve(change.path());
    }

    private Path temporary(Path target, byte[] content, boolean executable) throws IOException {
        createParents(target);
        Path temporary = target.resolveSibling("." + target.getFileName() + ".kforge-"
                + WriterToken.current() + "-" + COUNTER.incrementAndGet() + ".tmp");
        Files.write(temporary, content);
        PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (view != null) {
            Set<PosixFilePermission> permissions = EnumSet.copyOf(permissionsLike(target, view));
            setExecutable(permissions, executable);
            view.setPermissions(permissions);
        }
        return temporary;
    }

    /** The target's own permissions when it exists, so a patch keeps a file's mode; else the new file's. */
    private static Set<PosixFilePermission> permissionsLike(Path target, PosixFileAttributeView fresh)
            throws IOException {
        PosixFileAttributeView existing = Files.getFileAttributeView(target, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        try {
            return existing.readAttributes().permissions();
        } catch (NoSuchFileException e) {
            return fresh.readAttributes().permissions();
        }
    }

    /** As git sets the executable bit: x wherever r is; cleared everywhere otherwise. */
    private static void setExecutable(Set<PosixFilePermission> permissions, boolean executable) {
        if (executable) {
            if (permissions.contains(PosixFilePermission.OWNER_READ)) {
                permissions.add(PosixFilePermission.OWNER_EXECUTE);
            }
            if (permissions.contains(PosixFilePermission.GROUP_READ)) {
                permissions.add(PosixFilePermission.GROUP_EXECUTE);
            }
            if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
                permissions.add(PosixFilePermission.OTHERS_EXECUTE);
            }
        } else {
            permissions.remove(PosixFilePermission.OWNER_EXECUTE);
            permissions.remove(PosixFilePermission.GROUP_EXECUTE);
            permissions.remove(PosixFilePermission.OTHERS_EXECUTE);
        }
    }

    static boolean executable(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return Files.isExecutable(file);
        }
        return view.readAttributes().permissions().contains(PosixFilePermission.OWNER_EXECUTE);
    }

    /**
     * Deletes the temporary files a killed writer left beside a target ({@link #temporary}'s names), those of
     * processes that no longer run ({@link WriterToken}: a PID given to a later process does not count).
     */
    static void removeStaleTemporaries(Path tree, String path) throws IOException {
        Path target = tree.resolve(path);
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        WriterToken.removeLeftovers(dir, Pattern.compile(Pattern.quote("." + target.getFileName() + ".kforge-")
                + "(" + WriterToken.PATTERN + ")-\\d+\\.tmp"));
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void createParents(Path target) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path dir = target.getParent(); dir != null && !dir.equals(tree) && !Files.isDirectory(dir);
                dir = dir.getParent()) {
            missing.add(0, dir);
        }
        for (Path dir : missing) {
            Files.createDirectory(dir);
            createdDirectories.add(dir);
        }
    }

    private void removeEmptyParents(Path target) {
        for (Path dir = target.getParent(); dir != null && !dir.equals(tree) && dir.startsWith(tree);
                dir = dir.getParent()) {
            try {
                Files.delete(dir);
            } catch (IOException e) {
                return;  // not empty (or not ours to remove): stop climbing
            }
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // best effort: the failure being reported matters more
            }
        }
    }
}
