package kforge.app.gui.model;

import java.util.ArrayList;
import java.util.List;

import kforge.runner.git.WorkTreeStatus;

/**
 * A file that differs from the checked-out commit, and how: the rows of the tree's status list.
 *
 * @param how "modified", "added", "removed", "conflict" or "untracked", as kforge tree status prints them
 */
public record ChangedFile(String how, String path) {
    /** Every changed path, in kforge tree status's order: modified, added, removed, conflict, untracked. */
    static List<ChangedFile> of(WorkTreeStatus status) {
        List<ChangedFile> files = new ArrayList<>();
        status.modified().forEach(p -> files.add(new ChangedFile("modified", p)));
        status.added().forEach(p -> files.add(new ChangedFile("added", p)));
        status.removed().forEach(p -> files.add(new ChangedFile("removed", p)));
        status.conflicting().forEach(p -> files.add(new ChangedFile("conflict", p)));
        status.untracked().forEach(p -> files.add(new ChangedFile("untracked", p)));
        return files;
    }
}
