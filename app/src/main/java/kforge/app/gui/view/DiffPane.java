package kforge.app.gui.view;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import kforge.app.gui.model.DiffConfig;
import kforge.app.gui.model.DiffViewModel;

/** What scripts/diffconfig prints, as a table: symbol, left value, right value. */
final class DiffPane {
    private final TableView<DiffConfig.Row> table = new TableView<>();

    DiffPane(DiffViewModel diff) {
        table.setId("diff-table");
        table.setItems(diff.rows());
        table.setPlaceholder(new Label("No differences."));
        TableColumn<DiffConfig.Row, String> name = column("Symbol", DiffConfig.Row::name);
        TableColumn<DiffConfig.Row, String> left = column("", r -> r.left() == null ? "" : r.left());
        TableColumn<DiffConfig.Row, String> right = column("", r -> r.right() == null ? "" : r.right());
        left.textProperty().bind(diff.leftNameProperty());
        right.textProperty().bind(diff.rightNameProperty());
        name.setPrefWidth(260);
        table.getColumns().add(name);
        table.getColumns().add(left);
        table.getColumns().add(right);
        table.setRowFactory(tv -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(DiffConfig.Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("diff-added", "diff-removed", "diff-changed");
                if (item != null && !empty) {
                    getStyleClass().add("diff-" + item.kind().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
    }

    Node node() {
        return table;
    }

    private static TableColumn<DiffConfig.Row, String> column(String title,
                                                              java.util.function.Function<DiffConfig.Row, String> v) {
        TableColumn<DiffConfig.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(v.apply(d.getValue())));
        c.setPrefWidth(160);
        return c;
    }
}
