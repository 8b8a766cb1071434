package kforge.app.gui.view;

import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import kforge.app.gui.model.SourceFile;
import kforge.app.gui.model.UserSettings;

/**
 * A read-only look at the line a diagnostic points to. The desktop's own editor cannot be told a line
 * (HostServices opens a file, nothing more), so kforge shows the file itself, scrolled to the line and
 * with it highlighted; the lines are a virtual list, so a long generated file opens as fast as a short one.
 */
final class SourceViewer {
    static final PseudoClass DIAGNOSTIC_LINE = PseudoClass.getPseudoClass("diagnostic");

    private SourceViewer() {
    }

    static Stage show(Window owner, SourceFile source, UserSettings settings) {
        ListView<String> lines = new ListView<>();
        lines.setId("source-lines");
        lines.getStyleClass().add("source-lines");
        lines.getItems().setAll(source.lines());
        lines.setCellFactory(list -> new LineCell(source.line()));
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(source.file() + (source.line() > 0 ? ":" + source.line() : "") + " - kforge");
        Scene scene = new Scene(new BorderPane(lines), 860, 560);
        SceneTheme.follow(scene, settings);
        stage.setScene(scene);
        stage.show();
        if (source.line() > 0 && source.line() <= source.lines().size()) {
            int index = source.line() - 1;
            lines.getSelectionModel().select(index);
            lines.scrollTo(Math.max(0, index - 8));  // some lines of context above it
        }
        lines.requestFocus();
        return stage;
    }

    /** "  123  text", the diagnostic's line marked. */
    private static final class LineCell extends ListCell<String> {
        private final int highlighted;

        LineCell(int highlighted) {
            this.highlighted = highlighted;
            getStyleClass().add("source-line");
        }

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            boolean shown = !empty && line != null;
            setText(shown ? String.format("%6d  %s", getIndex() + 1, line.replace("\t", "        ")) : null);
            pseudoClassStateChanged(DIAGNOSTIC_LINE, shown && getIndex() + 1 == highlighted);
        }
    }
}
