package kforge.app.gui.model;

import java.util.ArrayList;
import java.util.List;

import kforge.kconfig.eval.Evaluator;

/**
 * Undo and redo of value changes; engine thread only. Each change is the user values of the symbols it
 * touched, before and after, so undo restores the exact earlier state. The saved mark tells whether the
 * current state is what was last loaded or saved.
 */
final class History {
    private final List<Change> changes = new ArrayList<>();
    private int position;
    private long nextId = 1;
    private long savedId;

    record Change(String description, UserValues before, UserValues after, long id) {
    }

    /** What the UI shows: whether undo/redo are possible, their labels, and whether there are unsaved edits. */
    record Snapshot(boolean canUndo, boolean canRedo, String undoLabel, String redoLabel, boolean dirty) {
    }

    void record(String description, UserValues before, UserValues after) {
        while (changes.size() > position) {
            changes.remove(changes.size() - 1);
        }
        changes.add(new Change(description, before, after, nextId++));
        position = changes.size();
    }

    Change undo(Evaluator evaluator) {
        if (position == 0) {
            return null;
        }
        Change c = changes.get(--position);
        c.before().restore(evaluator);
        return c;
    }

    Change redo(Evaluator evaluator) {
        if (position == changes.size()) {
            return null;
        }
        Change c = changes.get(position++);
        c.after().restore(evaluator);
        return c;
    }

    void clear() {
        changes.clear();
        position = 0;
        savedId = 0;
    }

    void markSaved() {
        savedId = currentId();
    }

    private long currentId() {
        return position == 0 ? 0 : changes.get(position - 1).id();
    }

    Snapshot snapshot() {
        String undo = position > 0 ? changes.get(position - 1).description() : "";
        String redo = position < changes.size() ? changes.get(position).description() : "";
        return new Snapshot(position > 0, position < changes.size(), undo, redo, currentId() != savedId);
    }
}
