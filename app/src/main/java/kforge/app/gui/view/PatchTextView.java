package kforge.app.gui.view;

import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import kforge.app.gui.model.PatchLine;

/**
 * A patch's text, one line a row, coloured by what each line is (added, removed, hunk, file header,
 * description) through style classes only. A virtual list, so a release patch of a million lines opens
 * as fast as a one-liner.
 */
final class PatchTextView {
    private static final String[] KINDS = styleClasses();

    private final ListView<PatchLine> list = new ListView<>();

    PatchTextView(ObservableList<PatchLine> lines) {
        list.setId("patch-text");
        list.getStyleClass().add("patch-text");
        list.setItems(lines);
        list.setPlaceholder(new Label("Select a patch to read it."));
        list.setCellFactory(v -> new LineCell());
    }

    ListView<PatchLine> node() {
        return list;
    }

    private static String[] styleClasses() {
        PatchLine.Kind[] kinds = PatchLine.Kind.values();
        String[] classes = new String[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            classes[i] = new PatchLine("", kinds[i]).styleClass();
        }
        return classes;
    }

    /** Tabs to the next multiple of 8, as a terminal shows a diff, so kernel code stays aligned. */
    static String expandTabs(String text) {
        if (text.indexOf('\t') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t') {
                do {
                    out.append(' ');
                } while (out.length() % 8 != 0);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static final class LineCell extends ListCell<PatchLine> {
        LineCell() {
            getStyleClass().add("patch-line");
        }

        @Override
        protected void updateItem(PatchLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll(KINDS);
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(expandTabs(line.text()));
            getStyleClass().add(line.styleClass());
        }
    }
}
