package kforge.app.gui.view;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import kforge.app.gui.model.ConfigEntry;
import kforge.app.gui.model.EditorViewModel;
import kforge.app.gui.model.EntryState;

/**
 * The value column. Strings, ints and hex values are edited in place; a value the engine refuses (out of
 * range, not hex...) keeps the editor open with the reason under it and changes nothing.
 */
final class ValueCell extends TreeTableCell<ConfigEntry, EntryState> {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final EditorViewModel editor;
    private TextField field;
    private Label problem;

    ValueCell(EditorViewModel editor) {
        this.editor = editor;
        getStyleClass().add("value-cell");
    }

    @Override
    public void startEdit() {
        EntryState state = getItem();
        if (state == null || !state.kind().takesText() || !state.changeable()) {
            // The table marked this cell as editing already; undo that, or the tree ignores its keys.
            if (getTreeTableView() != null) {
                getTreeTableView().edit(-1, null);
            }
            return;
        }
        super.startEdit();
        field = new TextField(state.value());
        field.getStyleClass().add("value-editor");
        problem = new Label();
        problem.getStyleClass().add("inline-error");
        problem.setManaged(false);
        problem.setVisible(false);
        field.setOnAction(e -> commit(field.getText()));
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancelEdit();
                e.consume();
            }
        });
        field.textProperty().addListener((o, was, now) -> showProblem(null));
        setText(null);
        setGraphic(new VBox(2, field, problem));
        field.requestFocus();
        field.selectAll();
    }

    private void commit(String text) {
        ConfigEntry entry = getTableRow() == null ? null : getTableRow().getItem();
        if (entry == null) {
            return;
        }
        editor.setValue(entry, text).thenAccept(outcome -> {
            if (outcome.fault() != null) {
                showProblem(outcome.fault());
            } else if (isEditing()) {
                commitEdit(entry.state());
            }
        });
    }

    private void showProblem(String why) {
        if (problem == null) {
            return;
        }
        boolean show = why != null;
        problem.setText(show ? why : "");
        problem.setVisible(show);
        problem.setManaged(show);
        field.pseudoClassStateChanged(INVALID, show);
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        field = null;
        problem = null;
        show(getItem());
    }

    @Override
    public void commitEdit(EntryState newValue) {
        super.commitEdit(newValue);
        field = null;
        problem = null;
        show(newValue);
    }

    @Override
    protected void updateItem(EntryState state, boolean empty) {
        super.updateItem(state, empty);
        if (isEditing()) {
            return;
        }
        show(empty ? null : state);
    }

    private void show(EntryState state) {
        setGraphic(null);
        setText(state == null ? null : state.value());
    }
}
