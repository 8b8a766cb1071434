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

/**
 * Which patches are applied, kept in the tree so it outlives kforge: {@code .kforge/patches/applied-patches}, quilt's
 * {@code .pc/applied-patches} with how each went on, one patch a line, bottom of the stack first:
 * <pre>
 * 0001-fix.patch	-p1	work-tree
 * 0002-net.patch	-p1	commit=3f2a...	(a mail: became a commit)
 * patch-6.1.1.xz	-p1	commit=9c1e...	tag=v6.1.1
 * </pre>
 * Beside it, {@code applied/NAME} keeps each patch as it was applied, so unapplying takes back exactly what
 * went on even if the file in patches/ is edited or replaced meanwhile. A {@code .gitignore} of "*" keeps
 * all this out of git status.
 */
final class AppliedState {
    static final String DIRECTORY = ".kforge/patches";

    private final Path directory;
    private final Path list;

    AppliedState(Path tree) {
        this.directory = tree.resolve(DIRECTORY);
        this.list = directory.resolve("applied-patches");
    }

    List<AppliedPatch> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new KconfigException(list + ": cannot read it: " + e.getMessage());
        }
        List<AppliedPatch> applied = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            applied.add(parse(line, new SourceLocation(list.toString(), i + 1)));
        }
        return applied;
    }

    static AppliedPatch parse(String line, SourceLocation where) {
        String[] fields = line.split("\t");
        int strip = SeriesEntry.DEFAULT_STRIP;
        boolean reversed = false;
        String commit = null;
        String tag = null;
        for (int f = 1; f < fields.length; f++) {
            String field = fields[f];
            if (field.matches("-p\\d+")) {
                strip = Integer.parseInt(field.substring(2));
            } else if (field.equals("-R")) {
                reversed = true;
            } else if (field.startsWith("commit=")) {
                commit = field.substring(7);
            } else if (field.startsWith("tag=")) {
                tag = field.substring(4);
            } else if (!field.equals("work-tree")) {
                throw new KconfigException(where, "unknown field '" + field + "' in kforge's applied-patches list");
            }
        }
        return new AppliedPatch(fields[0], strip, reversed, commit, tag);
    }

    static String format(AppliedPatch patch) {
        StringBuilder line = new StringBuilder(patch.name()).append("\t-p").append(patch.strip());
        if (patch.reversed()) {
            line.append("\t-R");
        }
        if (patch.commit() == null) {
            line.append("\twork-tree");
        } else {
            line.append("\tcommit=").append(patch.commit());
        }
        if (patch.tag() != null) {
            line.append("\ttag=").append(patch.tag());
        }
        return line.append('\n').toString();
    }

    /** Records patch on top, with a copy of the file as applied. */
    void push(AppliedPatch patch, Path file) throws IOException {
        if (!Files.exists(directory.resolve(".gitignore"))) {
            StateFiles.replace(directory.resolve(".gitignore"), "*\n");
        }
        StateFiles.copy(copyOf(patch.name()), Files.readAllBytes(file));
        List<AppliedPatch> applied = new ArrayList<>(read());
        applied.add(patch);
        write(applied);
    }

    /** Takes the top patch off the record. */
    void pop(AppliedPatch patch) throws IOException {
        List<AppliedPatch> applied = new ArrayList<>(read());
        applied.remove(applied.size() - 1);
        write(applied);
        Files.deleteIfExists(copyOf(patch.name()));
    }

    private void write(List<AppliedPatch> applied) throws IOException {
        StringBuilder text = new StringBuilder("# kforge: applied patches, bottom first\n");
        applied.forEach(patch -> text.append(format(patch)));
        StateFiles.replace(list, text.toString());
    }

    /** The copy of a patch as it was applied. */
    Path copyOf(String name) {
        return directory.resolve("applied").resolve(name);
    }
}
