package kforge.app.gui.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The differences table: changes since the .config was loaded, or against a second .config. */
public final class DiffViewModel {
    private final EngineThread engine;
    private final EditorViewModel editor;
    private final ObservableList<DiffConfig.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper leftName = new ReadOnlyStringWrapper(this, "leftName", "");
    private final ReadOnlyStringWrapper rightName = new ReadOnlyStringWrapper(this, "rightName", "");

    DiffViewModel(EngineThread engine, EditorViewModel editor) {
        this.engine = engine;
        this.editor = editor;
    }

    public ObservableList<DiffConfig.Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty leftNameProperty() {
        return leftName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rightNameProperty() {
        return rightName.getReadOnlyProperty();
    }

    /** What the edits so far change in the saved file: loaded .config on the left, the edited one right. */
    public java.util.concurrent.CompletableFuture<List<DiffConfig.Row>> showChangesSinceLoad() {
        return engine.submit(() -> {
            ConfigSession session = editor.sessionOnEngine();
            return DiffConfig.compare(editor.loadedTextOnEngine(), session.render());
        }, found -> show("as loaded", "now", found));
    }

    /** The edited configuration (left) against another .config file (right), as scripts/diffconfig. */
    public java.util.concurrent.CompletableFuture<List<DiffConfig.Row>> compareWith(Path other) {
        return engine.submit(() -> {
            String otherText;
            try {
                otherText = Files.readString(other, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(other + ": cannot read: " + e.getMessage(), e);
            }
            return DiffConfig.compare(editor.sessionOnEngine().render(), otherText);
        }, found -> show("now", other.getFileName().toString(), found));
    }

    private void show(String left, String right, List<DiffConfig.Row> found) {
        leftName.set(left);
        rightName.set(right);
        rows.setAll(found);
    }
}
