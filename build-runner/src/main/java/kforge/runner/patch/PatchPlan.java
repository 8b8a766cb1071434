package kforge.runner.patch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kforge.kconfig.diag.KconfigException;

/**
 * Everything one patch would write, worked out in memory against the tree before a byte is written:
 * this is what makes a patch atomic. A patch that touches a file twice sees its own first change.
 */
final class PatchPlan {
    private static final int EXECUTABLE = 0100755;

    private final Path tree;
    private final String patch;
    private final boolean reverse;
    private final Map<String, FileChange> overlay;
    private final Map<String, Slot> files = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private static final class Slot {
        final byte[] before;
        final boolean beforeExecutable;
        byte[] current;
        boolean executable;

        Slot(byte[] before, boolean executable) {
            this.before = before;
            this.beforeExecutable = executable;
            this.current = before;
            this.executable = executable;
        }
    }

    private PatchPlan(Path tree, String patch, boolean reverse, Map<String, FileChange> overlay) {
        this.tree = tree;
        this.patch = patch;
        this.reverse = reverse;
        this.overlay = overlay;
    }

    /**
     * @param reverse only for the wording of conflicts: the diffs are already reversed
     * @throws PatchConflictException when any hunk of any file does not apply
     */
    static PatchPlan of(Path tree, String patch, List<FileDiff> diffs, boolean reverse) {
        return of(tree, patch, diffs, reverse, Map.of());
    }

    /**
     * @param overlay files as they would be after other patches planned but not written, by path: lets
     *                {@link PatchStatusCommand} take back a whole stack in memory, top first
     */
    static PatchPlan of(Path tree, String patch, List<FileDiff> diffs, boolean reverse,
            Map<String, FileChange> overlay) {
        PatchPlan plan = new PatchPlan(tree, patch, reverse, overlay);
        for (FileDiff diff : diffs) {
            plan.add(diff);
        }
        return plan;
    }

    private void add(FileDiff diff) {
        switch (diff.kind()) {
            case ADD -> {
                Slot slot = slot(diff.newPath());
                // An empty file counts as none, as patch counts it.
                if (slot.current != null && slot.current.length > 0) {
                    throw conflict(diff.newPath(), "the patch creates this file, but it already exists");
                }
                slot.current = patched(diff.newPath(), new byte[0], diff);
                slot.executable = diff.newMode() != null && diff.newMode() == EXECUTABLE;
            }
            case DELETE -> {
                Slot slot = existing(diff.oldPath());
                byte[] left = patched(diff.oldPath(), slot.current, diff);
                if (left.length > 0) {
                    throw conflict(diff.oldPath(), "the patch deletes this file, but it has content the patch does"
                            + " not remove");
                }
                slot.current = null;
                slot.executable = false;
            }
            case RENAME -> {
                Slot from = existing(diff.oldPath());
                Slot to = slot(diff.newPath());
                if (to.current != null) {
                    throw conflict(diff.newPath(), "the patch renames " + diff.oldPath() + " to this file, but it"
                            + " already exists");
                }
                to.current = patched(diff.oldPath(), from.current, diff);
                to.executable = diff.newMode() != null ? diff.newMode() == EXECUTABLE : from.executable;
                from.current = null;
                from.executable = false;
            }
            case MODIFY -> {
                String path = target(diff);
                Slot slot = existing(path);
                slot.current = patched(path, slot.current, diff);
                if (diff.newMode() != null) {
                    slot.executable = diff.newMode() == EXECUTABLE;
                }
            }
            default -> throw new IllegalStateException(diff.kind().toString());
        }
    }

    /**
     * A traditional diff may name the file differently on its two lines (-p0 "file.orig" and "file"):
     * the one that exists, and among several, as patch chooses, the shortest.
     */
    private String target(FileDiff diff) {
        if (diff.git() || diff.oldPath().equals(diff.newPath())) {
            return diff.newPath();
        }
        List<String> present = new ArrayList<>();
        for (String candidate : List.of(diff.oldPath(), diff.newPath())) {
            if (slot(candidate).current != null) {
                present.add(candidate);
            }
        }
        if (present.isEmpty()) {
            throw conflict(diff.newPath(), "no such file (nor " + diff.oldPath() + ")");
        }
        present.sort(Comparator.<String>comparingInt(p -> p.split("/").length)
                .thenComparingInt(p -> p.substring(p.lastIndexOf('/') + 1).length())
                .thenComparingInt(String::length));
        return present.get(0);
    }

    private byte[] patched(String path, byte[] content, FileDiff diff) {
        if (diff.hunks().isEmpty()) {
            return content;
        }
        LineText text = LineText.of(content);
        return new HunkApplier(patch, path, reverse).apply(text, diff.hunks(), notes).bytes();
    }

    private Slot existing(String path) {
        Slot slot = slot(path);
        if (slot.current == null) {
            throw conflict(path, "no such file" + (reverse ? " (was it deleted since the patch was applied?)" : ""));
        }
        return slot;
    }

    private Slot slot(String path) {
        return files.computeIfAbsent(path, this::load);
    }

    private Slot load(String path) {
        FileChange planned = overlay.get(path);
        if (planned != null) {
            return new Slot(planned.after(), planned.afterExecutable());
        }
        Path file = tree.resolve(path);
        if (Files.isSymbolicLink(file)) {
            throw conflict(path, "is a symbolic link; kforge patches regular files only");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Slot(null, false);
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw conflict(path, "is not a regular file");
        }
        try {
            return new Slot(Files.readAllBytes(file), TreeWriter.executable(file));
        } catch (IOException e) {
            throw new KconfigException(patch + ": " + path + ": cannot read it: " + e.getMessage());
        }
    }

    private PatchConflictException conflict(String path, String reason) {
        return new PatchConflictException(patch, path, null, reason, reverse);
    }

    /** Files whose bytes or mode change, in the order the patch first named them. */
    List<FileChange> changes() {
        List<FileChange> changes = new ArrayList<>();
        for (Map.Entry<String, Slot> entry : files.entrySet()) {
            Slot s = entry.getValue();
            boolean same = s.before == null ? s.current == null
                    : s.current != null && Arrays.equals(s.before, s.current) && s.beforeExecutable == s.executable;
            if (!same) {
                changes.add(new FileChange(entry.getKey(), s.before, s.current, s.beforeExecutable, s.executable));
            }
        }
        return changes;
    }

    /** The bytes a file will have after the patch: planned if the patch touches it, else as on disk; null if absent. */
    byte[] contentAfter(String path) {
        return slot(path).current;
    }

    /** "file: hunk #2 succeeded at 45 (offset 3 lines)", as patch would say them. */
    List<String> notes() {
        return List.copyOf(notes);
    }
}
