package kforge.app.gui.view;

import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Cursor;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import kforge.app.gui.model.LogLine;
import kforge.runner.diag.Diagnostic;
import kforge.runner.diag.Severity;

/**
 * make's output as it comes: a virtual list, so tens of thousands of lines cost no more than a screenful,
 * following the end unless the user has scrolled up to read. Warning and error lines are marked, and a
 * double-click (or Enter) on one opens its file at the line.
 */
final class BuildLogView {
    private final ListView<LogLine> list = new ListView<>();
    private boolean scrollPending;

    BuildLogView(javafx.collections.ObservableList<LogLine> log, Consumer<Diagnostic> open) {
        list.setId("build-log");
        list.getStyleClass().add("build-log");
        list.setItems(log);
        list.setCellFactory(v -> new LineCell(open));
        list.setOnKeyPressed(e -> {
            LogLine line = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && line != null && opens(line)) {
                open.accept(line.diagnostic());
                e.consume();
            }
        });
        log.addListener((ListChangeListener<LogLine>) change -> followEnd());
    }

    ListView<LogLine> node() {
        return list;
    }

    /**
     * Scrolls to the new end, unless a line other than the last is selected: the user is reading. Deferred
     * to after the change has reached the list's skin (whose listener comes after this one), once per batch.
     */
    private void followEnd() {
        if (scrollPending) {
            return;
        }
        scrollPending = true;
        Platform.runLater(() -> {
            scrollPending = false;
            int size = list.getItems().size();
            int selected = list.getSelectionModel().getSelectedIndex();
            if (size > 0 && (selected < 0 || selected >= size - 1)) {
                list.scrollTo(size - 1);
            }
        });
    }

    private static boolean opens(LogLine line) {
        return line.diagnostic() != null && line.diagnostic().file() != null;
    }

    private static final class LineCell extends ListCell<LogLine> {
        LineCell(Consumer<Diagnostic> open) {
            getStyleClass().add("log-line");
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && getItem() != null && opens(getItem())) {
                    open.accept(getItem().diagnostic());
                }
            });
        }

        @Override
        protected void updateItem(LogLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("log-stderr", "log-warning", "log-error", "log-note");
            boolean shown = !empty && line != null;
            setText(shown ? line.text() : null);
            setCursor(shown && opens(line) ? Cursor.HAND : Cursor.DEFAULT);
            setTooltip(shown && opens(line) ? new Tooltip("Double-click to open " + line.diagnostic().location())
                    : null);
            if (!shown) {
                return;
            }
            if (line.stderr()) {
                getStyleClass().add("log-stderr");
            }
            Diagnostic d = line.diagnostic();
            if (d != null && d.severity() != Severity.NOTE) {
                getStyleClass().add(d.severity() == Severity.ERROR ? "log-error" : "log-warning");
            }
        }
    }
}
