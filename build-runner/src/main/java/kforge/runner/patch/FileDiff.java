package kforge.runner.patch;

import java.util.List;

/**
 * What a patch does to one file. Paths are already stripped (-pN) and relative to the tree.
 *
 * @param oldPath null when the file is created
 * @param newPath null when the file is deleted
 * @param oldMode git's mode (0100644, 0100755) when the patch states it, else null
 * @param git     from a "diff --git" header, whose names are exact; a traditional diff may name the file
 *                differently on its two lines (file.orig, file), and the one that exists is patched
 * @param line    the header's line in the patch file
 */
record FileDiff(Kind kind, String oldPath, String newPath, Integer oldMode, Integer newMode, List<Hunk> hunks,
        boolean git, int line) {

    enum Kind { MODIFY, ADD, DELETE, RENAME }

    FileDiff reversed() {
        Kind back = switch (kind) {
            case ADD -> Kind.DELETE;
            case DELETE -> Kind.ADD;
            default -> kind;
        };
        return new FileDiff(back, newPath, oldPath, newMode, oldMode, hunks.stream().map(Hunk::reversed).toList(),
                git, line);
    }

    /** The name to show in messages. */
    String displayPath() {
        return newPath != null ? newPath : oldPath;
    }
}
