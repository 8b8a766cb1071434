package kforge.runner.patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.SourceLocation;
import kforge.runner.files.FileTrees;

/**
 * What a patch operation is about to do, written before it touches the tree, so that a kforge killed halfway
 * leaves enough behind to put the tree back: {@code .kforge/patches/journal/}, with each file's bytes before
 * the operation ({@code before/N}) and, last, the {@code journal} file that says what was going on. The
 * journal file is the commit point of the journal itself: a directory without it is an operation that never
 * began, and is removed. It is deleted when the operation is recorded, so while it exists the tree may be
 * anywhere between before and after, and {@link RecoverPatchCommand} takes it back to one of them, as git am
 * --abort and --continue do.
 */
final class PatchJournal {
    static final String DIRECTORY = AppliedState.DIRECTORY + "/journal";
    private static final String HEADER = "# kforge: a patch operation in progress; finish it with"
            + " 'kforge patch apply --continue' or take it back with 'kforge patch apply --abort'\n";

    enum Operation { APPLY, UNAPPLY }

    /** One file the operation changes, as it was before: absent, or its bytes in {@code before/index}. */
    record Entry(int index, String path, boolean existed, boolean executable) {
    }

    private final Path tree;
    private final Path directory;
    final Operation operation;
    final SeriesEntry patch;
    final boolean commitPlain;
    /** For an unapply: the record of the patch being taken off, to put back. */
    final AppliedPatch appliedBefore;
    /** HEAD before the operation, in a git tree; null otherwise. */
    final String headBefore;
    final long pid;
    final List<Entry> files;

    private PatchJournal(Path tree, Operation operation, SeriesEntry patch, boolean commitPlain,
                         AppliedPatch appliedBefore, String headBefore, long pid, List<Entry> files) {
        this.tree = tree;
        this.directory = tree.resolve(DIRECTORY);
        this.operation = operation;
        this.patch = patch;
        this.commitPlain = commitPlain;
        this.appliedBefore = appliedBefore;
        this.headBefore = headBefore;
        this.pid = pid;
        this.files = files;
    }

    /**
     * Writes the journal of an operation about to write changes: every before-image first, the journal file
     * last, by rename.
     */
    static PatchJournal begin(Path tree, Operation operation, SeriesEntry patch, boolean commitPlain,
                              AppliedPatch appliedBefore, Path appliedCopy, String headBefore,
                              List<FileChange> changes) throws IOException {
        Path directory = tree.resolve(DIRECTORY);
        FileTrees.delete(directory);
        Files.createDirectories(directory.resolve("before"));
        List<Entry> files = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            FileChange change = changes.get(i);
            files.add(new Entry(i, change.path(), change.before() != null, change.beforeExecutable()));
            if (change.before() != null) {
                Files.write(directory.resolve("before").resolve(Integer.toString(i)), change.before());
            }
        }
        if (appliedCopy != null) {
            Files.copy(appliedCopy, directory.resolve("applied-copy"));
        }
        PatchJournal journal = new PatchJournal(tree, operation, patch, commitPlain, appliedBefore, headBefore,
                ProcessHandle.current().pid(), List.copyOf(files));
        StateFiles.replace(directory.resolve("journal"), journal.format());
        return journal;
    }

    /** The journal of an interrupted operation, or null when there is none. */
    static PatchJournal find(Path tree) {
        Path directory = tree.resolve(DIRECTORY);
        Path file = directory.resolve("journal");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new KconfigException(file + ": cannot read it: " + e.getMessage());
        }
        return parse(tree, file, lines);
    }

    /** Done: the journal file goes first, so the operation counts as finished from that moment on. */
    void finish() throws IOException {
        Files.deleteIfExists(directory.resolve("journal"));
        FileTrees.delete(directory);
    }

    /** A journal directory that never got its journal file: an operation killed before it began. */
    static void removeUnfinished(Path tree) throws IOException {
        Path directory = tree.resolve(DIRECTORY);
        if (Files.isDirectory(directory) && !Files.exists(directory.resolve("journal"))) {
            FileTrees.delete(directory);
        }
    }

    byte[] before(Entry entry) throws IOException {
        return entry.existed() ? Files.readAllBytes(directory.resolve("before").resolve(Integer.toString(entry.index())))
                : null;
    }

    Path appliedCopy() {
        return directory.resolve("applied-copy");
    }

    String describe() {
        return (operation == Operation.APPLY ? "applying " : "unapplying ") + patch.name();
    }

    private String format() {
        StringBuilder text = new StringBuilder(HEADER);
        text.append("operation\t").append(operation.name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        text.append("pid\t").append(pid).append('\n');
        text.append("patch\t").append(patch.name()).append("\t-p").append(patch.strip())
                .append(patch.reversed() ? "\t-R" : "").append('\n');
        text.append("commit-plain\t").append(commitPlain).append('\n');
        if (appliedBefore != null) {
            text.append("applied\t").append(AppliedState.format(appliedBefore));
        }
        if (headBefore != null) {
            text.append("head\t").append(headBefore).append('\n');
        }
        for (Entry file : files) {
            text.append("file\t").append(file.index()).append('\t').append(file.existed() ? "exists" : "absent")
                    .append('\t').append(file.executable() ? "x" : "-").append('\t').append(file.path()).append('\n');
        }
        return text.toString();
    }

    private static PatchJournal parse(Path tree, Path file, List<String> lines) {
        Operation operation = null;
        SeriesEntry patch = null;
        boolean commitPlain = false;
        AppliedPatch applied = null;
        String head = null;
        long pid = -1;
        List<Entry> files = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            SourceLocation where = new SourceLocation(file.toString(), i + 1);
            String[] fields = line.split("\t", 2);
            String value = fields.length > 1 ? fields[1] : "";
            try {
                switch (fields[0]) {
                    case "operation" -> operation = Operation.valueOf(value.toUpperCase(java.util.Locale.ROOT));
                    case "pid" -> pid = Long.parseLong(value);
                    case "patch" -> {
                        AppliedPatch named = AppliedState.parse(value + "\twork-tree", where);
                        patch = new SeriesEntry(named.name(), named.strip(), named.reversed());
                    }
                    case "commit-plain" -> commitPlain = Boolean.parseBoolean(value);
                    case "applied" -> applied = AppliedState.parse(value, where);
                    case "head" -> head = value;
                    case "file" -> {
                        String[] parts = value.split("\t", 4);
                        files.add(new Entry(Integer.parseInt(parts[0]), parts[3], parts[1].equals("exists"),
                                parts[2].equals("x")));
                    }
                    default -> throw new KconfigException(where, "unknown line in kforge's patch journal");
                }
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new KconfigException(where, "damaged line in kforge's patch journal: " + line);
            }
        }
        if (operation == null || patch == null) {
            throw new KconfigException(file + ": kforge's patch journal is damaged (no operation or patch);"
                    + " check the tree by hand, then delete " + file.getParent());
        }
        return new PatchJournal(tree, operation, patch, commitPlain, applied, head, pid, List.copyOf(files));
    }
}
