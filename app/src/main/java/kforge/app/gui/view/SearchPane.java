package kforge.app.gui.view;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import kforge.app.gui.model.SearchResult;
import kforge.app.gui.model.SearchViewModel;

/** Search results as a table (symbol, prompt, menu path, value); Enter or double-click jumps. */
final class SearchPane {
    private final TableView<SearchResult> table = new TableView<>();
    private final BorderPane pane = new BorderPane(table);

    SearchPane(SearchViewModel search) {
        table.setId("search-results");
        table.setItems(search.results());
        table.setPlaceholder(new Label("Type in the search field: a regular expression over names and prompts."));
        table.getColumns().add(column("Symbol", SearchResult::name, 170));
        table.getColumns().add(column("Prompt", r -> r.prompt() == null ? "" : r.prompt(), 220));
        table.getColumns().add(column("Location", SearchResult::location, 260));
        table.getColumns().add(column("Value", SearchResult::value, 90));
        table.setRowFactory(tv -> {
            javafx.scene.control.TableRow<SearchResult> row = new javafx.scene.control.TableRow<>() {
                @Override
                protected void updateItem(SearchResult item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(OptionCell.INVISIBLE, item != null && !item.visible());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    search.choose(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            SearchResult r = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && r != null) {
                search.choose(r);
                e.consume();
            }
        });
        Label error = new Label();
        error.getStyleClass().add("inline-error");
        error.textProperty().bind(search.errorProperty());
        error.managedProperty().bind(search.errorProperty().isNotEmpty());
        pane.setTop(error);
    }

    Node node() {
        return pane;
    }

    TableView<SearchResult> table() {
        return table;
    }

    private static TableColumn<SearchResult, String> column(String title,
                                                            java.util.function.Function<SearchResult, String> value,
                                                            double width) {
        TableColumn<SearchResult, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
