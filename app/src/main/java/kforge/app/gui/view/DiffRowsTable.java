package kforge.app.gui.view;

import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import kforge.app.gui.model.DiffConfig;

/**
 * scripts/diffconfig's lines as a table (symbol, left value, right value, rows coloured by kind) over any
 * list of {@link DiffConfig.Row}s. {@link DiffPane} shows the editor's differences the same way; this one
 * is not tied to the editor, so the defconfig history can compare two commits with it.
 */
final class DiffRowsTable {
    private final TableView<DiffConfig.Row> table = new TableView<>();

    DiffRowsTable(ObservableList<DiffConfig.Row> rows, ObservableStringValue leftName,
                  ObservableStringValue rightName, String placeholder) {
        table.setItems(rows);
        table.setPlaceholder(new Label(placeholder));
        TableColumn<DiffConfig.Row, String> name = column("Symbol", DiffConfig.Row::name);
        TableColumn<DiffConfig.Row, String> left = column("", r -> r.left() == null ? "" : r.left());
        TableColumn<DiffConfig.Row, String> right = column("", r -> r.right() == null ? "" : r.right());
        left.textProperty().bind(leftName);
        right.textProperty().bind(rightName);
        name.setPrefWidth(260);
        table.getColumns().add(name);
        table.getColumns().add(left);
        table.getColumns().add(right);
        table.setRowFactory(tv -> new KindRow());
    }

    TableView<DiffConfig.Row> node() {
        return table;
    }

    private static TableColumn<DiffConfig.Row, String> column(String title, Function<DiffConfig.Row, String> value) {
        TableColumn<DiffConfig.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(160);
        return c;
    }

    /** diff-added, diff-removed or diff-changed, the classes the themes colour. */
    private static final class KindRow extends TableRow<DiffConfig.Row> {
        @Override
        protected void updateItem(DiffConfig.Row item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("diff-added", "diff-removed", "diff-changed");
            if (item != null && !empty) {
                getStyleClass().add("diff-" + item.kind().name().toLowerCase(Locale.ROOT));
            }
        }
    }
}
