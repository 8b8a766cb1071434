package kforge.runner.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.SourceLocation;

/**
 * Reads the unified diffs in a patch: diff -u / diff -Naur output and git's, with its extended headers
 * (new/deleted file, mode changes, renames). Text between diffs (a description, a diffstat, "Only in" lines)
 * is skipped as patch skips it. Hunk bodies are read by the counts in their @@ line, so a mail signature or
 * the next header after a hunk is never taken for part of it.
 *
 * <p>Own parser rather than JGit's, because JGit's always strips one directory from traditional names,
 * which would rule out -p0 and -p2, and does not report file:line for what it cannot read.
 */
final class DiffParser {
    private static final Pattern HUNK_HEADER =
            Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*$");
    private static final Pattern MODE = Pattern.compile("[0-7]{6}");
    private static final int REGULAR = 0100644;
    private static final int EXECUTABLE = 0100755;

    private final String source;
    private final List<String> lines;
    private final int strip;
    /** The patch file's last line has no newline: it may have been cut off there. */
    private final boolean endsMidLine;
    private int i;
    /** The current file's "+++ " line ended in CR: as patch does, one trailing CR goes from each of its hunk lines. */
    private boolean stripCarriageReturns;

    private DiffParser(String source, List<String> lines, boolean endsMidLine, int from, int strip) {
        this.source = source;
        this.lines = lines;
        this.endsMidLine = endsMidLine;
        this.strip = strip;
        this.i = from;
    }

    /**
     * @param source the patch's name for messages
     * @param from   the first line to read (after a mail's headers); line numbers stay those of the file
     */
    static List<FileDiff> parse(String source, LineText patch, int from, int strip) {
        return new DiffParser(source, patch.lines, patch.missingFinalNewline, from, strip).files();
    }

    /** Where the first diff starts, for the description above it; lines.size() if there is none. */
    static int firstDiffLine(List<String> lines, int from) {
        for (int k = from; k < lines.size(); k++) {
            String line = lines.get(k);
            if (line.startsWith("diff ") || line.startsWith("Index: ") || line.startsWith("====")
                    || (line.startsWith("--- ") && k + 1 < lines.size() && lines.get(k + 1).startsWith("+++ "))) {
                return k;
            }
        }
        return lines.size();
    }

    private List<FileDiff> files() {
        List<FileDiff> files = new ArrayList<>();
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.startsWith("diff --git ")) {
                files.add(gitDiff());
            } else if (line.startsWith("--- ") && next().startsWith("+++ ")) {
                files.add(traditionalDiff());
            } else if (line.startsWith("*** ") && next().startsWith("--- ")) {
                throw new KconfigException(here(), "a context diff (diff -c); kforge applies unified diffs only"
                        + " (diff -u, git diff)");
            } else if (line.startsWith("@@ -")) {
                throw new KconfigException(here(), "hunk without a file header: '--- ' and '+++ ' lines must come"
                        + " before it");
            } else {
                i++;
            }
        }
        if (files.isEmpty()) {
            throw new KconfigException(source + ": no diff found: expected a unified diff ('--- a/file',"
                    + " '+++ b/file', '@@ ... @@' lines)");
        }
        return files;
    }

    private FileDiff gitDiff() {
        int start = i;
        SourceLocation where = here();
        String header = PatchPaths.stripCarriageReturn(lines.get(i)).substring("diff --git ".length());
        if (header.indexOf('\0') >= 0) {
            throw new KconfigException(where, "the file names in 'diff --git " + header.replace('\0', '?')
                    + "' hold a NUL byte");
        }
        i++;
        Integer oldMode = null;
        Integer newMode = null;
        boolean created = false;
        boolean deleted = false;
        String renameFrom = null;
        String renameTo = null;
        for (; i < lines.size(); i++) {
            String line = PatchPaths.stripCarriageReturn(lines.get(i));
            if (line.startsWith("old mode ")) {
                oldMode = mode(line.substring(9));
            } else if (line.startsWith("new mode ")) {
                newMode = mode(line.substring(9));
            } else if (line.startsWith("new file mode ")) {
                created = true;
                newMode = mode(line.substring(14));
            } else if (line.startsWith("deleted file mode ")) {
                deleted = true;
                oldMode = mode(line.substring(18));
            } else if (line.startsWith("rename from ")) {
                renameFrom = line.substring(12);
            } else if (line.startsWith("rename to ")) {
                renameTo = line.substring(10);
            } else if (line.startsWith("copy from ") || line.startsWith("copy to ")) {
                throw new KconfigException(here(), "copies (git diff -C) are not supported; make the patch without"
                        + " copy detection");
            } else if (line.startsWith("GIT binary patch") || line.startsWith("Binary files ")) {
                throw new KconfigException(here(), "binary patches are not supported");
            } else if (line.startsWith("similarity index ") || line.startsWith("dissimilarity index ")) {
                continue;
            } else if (line.startsWith("index ")) {
                // Its mode, if any, is the file's unchanged one: nothing to do, as git apply does nothing with it.
                continue;
            } else {
                break;
            }
        }
        String oldPath = null;
        String newPath = null;
        boolean named = false;
        List<Hunk> hunks = List.of();
        if (i < lines.size() && lines.get(i).startsWith("--- ") && next().startsWith("+++ ")) {
            named = true;
            int oldLine = i + 1;
            oldPath = PatchPaths.strip(PatchPaths.headerName(lines.get(i).substring(4), here()).name(), strip, here());
            i++;
            newPath = PatchPaths.strip(PatchPaths.headerName(lines.get(i).substring(4), here()).name(), strip, here());
            stripCarriageReturns = lines.get(i).endsWith("\r");
            i++;
            hunks = hunks();
            requireDevNullSidesEmpty(oldPath, newPath, hunks, oldLine);
        }
        FileDiff.Kind kind;
        if (renameFrom != null || renameTo != null) {
            if (renameFrom == null || renameTo == null) {
                throw new KconfigException(where, "'rename from' without 'rename to' (or the other way round)");
            }
            // git writes these names without the a/ b/ prefix, so one level less is stripped (as git apply does).
            String fromPath = PatchPaths.strip(PatchPaths.unquote(renameFrom, where), Math.max(strip - 1, 0), where);
            String toPath = PatchPaths.strip(PatchPaths.unquote(renameTo, where), Math.max(strip - 1, 0), where);
            if (named && !(Objects.equals(fromPath, oldPath) && Objects.equals(toPath, newPath))) {
                throw new KconfigException(where, "the '---' and '+++' lines name other files than 'rename from "
                        + renameFrom + "' and 'rename to " + renameTo + "'");
            }
            oldPath = fromPath;
            newPath = toPath;
            kind = FileDiff.Kind.RENAME;
        } else {
            if (!named) {
                String[] names = PatchPaths.gitHeaderNames(header, strip, where);
                oldPath = names[0];
                newPath = names[1];
            }
            if (created) {
                kind = FileDiff.Kind.ADD;
                newPath = newPath != null ? newPath : oldPath;
                oldPath = null;
            } else if (deleted) {
                kind = FileDiff.Kind.DELETE;
                oldPath = oldPath != null ? oldPath : newPath;
                newPath = null;
            } else {
                kind = FileDiff.Kind.MODIFY;
                if (oldPath == null || newPath == null || !oldPath.equals(newPath)) {
                    throw new KconfigException(where, "a git diff that changes the file name without 'rename from'"
                            + " and 'rename to' lines");
                }
            }
        }
        if (named && kind != FileDiff.Kind.RENAME) {
            // git apply: "inconsistent new filename"; patch would take one of them.
            String[] names = PatchPaths.gitHeaderNames(header, strip, where);
            String side = kind == FileDiff.Kind.DELETE ? oldPath : newPath;
            if (!Objects.equals(names[1], side)) {
                throw new KconfigException(where, "the '---' and '+++' lines name another file than 'diff --git "
                        + header + "'");
            }
        }
        if (hunks.isEmpty() && named) {
            // git writes no ---/+++ lines for a diff without hunks (a pure rename, an empty file): cut off?
            throw new KconfigException(where, "a git diff with '---' and '+++' lines but no hunks");
        }
        if (hunks.isEmpty() && kind == FileDiff.Kind.MODIFY && (oldMode == null || oldMode.equals(newMode))) {
            throw new KconfigException(where, "a git diff with no hunks and no mode change");
        }
        return new FileDiff(kind, oldPath, newPath, oldMode, newMode, hunks, true, start + 1);
    }

    private Integer mode(String text) {
        String value = text.strip();
        if (!MODE.matcher(value).matches()) {
            throw new KconfigException(here(), "bad file mode '" + value + "'");
        }
        int mode = Integer.parseInt(value, 8);
        if (mode != REGULAR && mode != EXECUTABLE) {
            throw new KconfigException(here(), "mode " + value + " (a symbolic link or submodule) is not supported;"
                    + " kforge patches regular files only");
        }
        return mode;
    }

    private FileDiff traditionalDiff() {
        int start = i;
        SourceLocation where = here();
        PatchPaths.Named oldName = PatchPaths.headerName(lines.get(i).substring(4), where);
        i++;
        PatchPaths.Named newName = PatchPaths.headerName(lines.get(i).substring(4), here());
        i++;
        String oldPath = PatchPaths.strip(oldName.name(), strip, where);
        String newPath = PatchPaths.strip(newName.name(), strip, new SourceLocation(source, start + 2));
        stripCarriageReturns = lines.get(start + 1).endsWith("\r");
        List<Hunk> hunks = hunks();
        requireDevNullSidesEmpty(oldPath, newPath, hunks, start + 1);
        if (hunks.isEmpty()) {
            throw new KconfigException(where, "file header without hunks: expected an '@@ -a,b +c,d @@' line after"
                    + " the '+++' line");
        }
        // As patch tells them, by the first hunk: "@@ -0,0 ..." makes the file from nothing, "... +0,0 @@" ends it.
        boolean onlyOld = hunks.get(0).newStart() == 0 && hunks.get(0).newCount() == 0;
        boolean onlyNew = hunks.get(0).oldStart() == 0 && hunks.get(0).oldCount() == 0;
        FileDiff.Kind kind;
        if (oldPath == null && newPath == null) {
            throw new KconfigException(where, "both file names are /dev/null");
        } else if (oldPath == null || (onlyNew && oldName.epoch())) {
            // diff -N writes the missing side with its real name and the epoch as timestamp.
            kind = FileDiff.Kind.ADD;
            newPath = newPath != null ? newPath : oldPath;
            oldPath = null;
        } else if (newPath == null || (onlyOld && newName.epoch())) {
            kind = FileDiff.Kind.DELETE;
            newPath = null;
        } else {
            kind = FileDiff.Kind.MODIFY;
        }
        return new FileDiff(kind, oldPath, newPath, null, null, hunks, false, start + 1);
    }

    /**
     * "--- /dev/null" says the file is new, so no hunk may have old lines and the first starts at line 0 (and
     * "+++ /dev/null" the other way round). patch goes by the first hunk and takes any other as a change of the
     * file the other line names; kforge refuses a patch that contradicts itself rather than guess which half
     * is wrong.
     *
     * @param oldLine the "--- " line's number; the "+++ " line is the next
     */
    private void requireDevNullSidesEmpty(String oldPath, String newPath, List<Hunk> hunks, int oldLine) {
        for (Hunk hunk : hunks) {
            if (oldPath == null && (hunk.oldCount() > 0 || hunk.number() == 1 && hunk.oldStart() != 0)) {
                throw new KconfigException(new SourceLocation(source, oldLine), "'--- /dev/null' says the file is"
                        + " new, but hunk #" + hunk.number() + " (" + hunk.header() + ") "
                        + (hunk.oldCount() > 0 ? "has old lines" : "does not start at line 0"));
            }
            if (newPath == null && (hunk.newCount() > 0 || hunk.number() == 1 && hunk.newStart() != 0)) {
                throw new KconfigException(new SourceLocation(source, oldLine + 1), "'+++ /dev/null' says the file"
                        + " is deleted, but hunk #" + hunk.number() + " (" + hunk.header() + ") "
                        + (hunk.newCount() > 0 ? "has new lines" : "does not start at line 0"));
            }
        }
    }

    private List<Hunk> hunks() {
        List<Hunk> hunks = new ArrayList<>();
        while (i < lines.size() && lines.get(i).startsWith("@@ ")) {
            hunks.add(hunk(hunks.size() + 1));
        }
        return hunks;
    }

    private Hunk hunk(int number) {
        int start = i;
        String header = PatchPaths.stripCarriageReturn(lines.get(i));
        Matcher m = HUNK_HEADER.matcher(header);
        if (!m.matches()) {
            throw new KconfigException(here(), "malformed hunk header '" + header + "': expected '@@ -a,b +c,d @@'");
        }
        int oldStart = Integer.parseInt(m.group(1));
        int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int newStart = Integer.parseInt(m.group(3));
        int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        if (oldCount == 0 && newCount == 0) {
            throw new KconfigException(here(), "hunk #" + number + " (" + header + ") has no lines");
        }
        if (oldStart == 0 && oldCount > 0 || newStart == 0 && newCount > 0) {
            // Only an empty side starts at line 0; patch reads "+0" as "the file ends up empty".
            throw new KconfigException(here(), "hunk #" + number + " (" + header + ") starts a side at line 0 but"
                    + " has lines on it");
        }
        i++;
        List<String> oldLines = new ArrayList<>();
        List<String> newLines = new ArrayList<>();
        List<Character> kinds = new ArrayList<>();
        boolean oldNoNewline = false;
        boolean newNoNewline = false;
        int oldLeft = oldCount;
        int newLeft = newCount;
        char last = 0;
        int markerLine = 0;
        // One "\ No newline" may follow the last line; a second is text after the hunk, as patch reads it.
        while (oldLeft > 0 || newLeft > 0
                || (i < lines.size() && lines.get(i).startsWith("\\") && last != 0 && markerLine != i)) {
            if (i >= lines.size()) {
                throw new KconfigException(new SourceLocation(source, lines.size()), "the patch ends inside hunk #"
                        + number + " (" + header + "): " + oldLeft + " old and " + newLeft + " new lines missing");
            }
            if (endsMidLine && i == lines.size() - 1 && !lines.get(i).startsWith("\\")) {
                // patch refuses this too ("malformed patch"): the line, and what followed it, may be lost.
                throw new KconfigException(here(), "the patch ends in the middle of a line of hunk #" + number + " ("
                        + header + "): is it cut off?");
            }
            String line = stripCarriageReturns ? PatchPaths.stripCarriageReturn(lines.get(i)) : lines.get(i);
            // An empty line is a context line whose trailing space a mailer or editor took away; a line that
            // starts with a tab, one whose leading space a mailer ate (patch reads both so).
            char kind = line.isEmpty() || line.charAt(0) == '\t' ? ' ' : line.charAt(0);
            String text = line.isEmpty() ? "" : line.charAt(0) == '\t' ? line : line.substring(1);
            if ((oldNoNewline && (kind == ' ' || kind == '-')) || (newNoNewline && (kind == ' ' || kind == '+'))) {
                throw new KconfigException(new SourceLocation(source, markerLine), "'\\ No newline at end of file'"
                        + " in the middle of hunk #" + number + " (" + header + "): only the last old or new line may"
                        + " lack its newline");
            }
            switch (kind) {
                case ' ' -> {
                    oldLines.add(text);
                    newLines.add(text);
                    oldLeft--;
                    newLeft--;
                }
                case '-' -> {
                    oldLines.add(text);
                    oldLeft--;
                }
                case '+' -> {
                    newLines.add(text);
                    newLeft--;
                }
                case '\\' -> {
                    if (last == 0) {
                        throw new KconfigException(here(), "'\\ No newline at end of file' before any line of hunk #"
                                + number);
                    }
                    if (markerLine == i) {
                        throw new KconfigException(here(), "'\\ No newline at end of file' twice in a row in hunk #"
                                + number + " (" + header + ")");
                    }
                    oldNoNewline |= last != '+';
                    newNoNewline |= last != '-';
                    markerLine = i + 1;
                }
                default -> throw new KconfigException(here(), "unexpected line in hunk #" + number + " (" + header
                        + "): a hunk line starts with ' ', '-' or '+'; the @@ line's counts may be wrong");
            }
            if (oldLeft < 0 || newLeft < 0) {
                throw new KconfigException(here(), "hunk #" + number + " (" + header + ") has more "
                        + (oldLeft < 0 ? "old" : "new") + " lines than its @@ line counts");
            }
            if (kind != '\\') {
                kinds.add(kind);
                last = kind;
            }
            i++;
        }
        int leading = 0;
        while (leading < kinds.size() && kinds.get(leading) == ' ') {
            leading++;
        }
        int trailing = 0;
        while (trailing < kinds.size() - leading && kinds.get(kinds.size() - 1 - trailing) == ' ') {
            trailing++;
        }
        return new Hunk(number, header, start + 1, oldStart, oldCount, newStart, newCount, List.copyOf(oldLines),
                List.copyOf(newLines), oldNoNewline, newNoNewline, leading, trailing);
    }

    private String next() {
        return i + 1 < lines.size() ? lines.get(i + 1) : "";
    }

    private SourceLocation here() {
        return new SourceLocation(source, i + 1);
    }
}
