package kforge.app.gui.view;

import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import kforge.app.gui.model.ConfigHistoryViewModel;
import kforge.runner.board.BoardProfile;
import kforge.runner.git.ConfigRevision;

/**
 * A board's saved defconfig through git: the commits that saved it, newest first; picking two shows what
 * changed between them as scripts/diffconfig does.
 */
final class ConfigHistoryPane {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xx");

    private final ConfigHistoryViewModel configs;
    private final BorderPane pane = new BorderPane();

    ConfigHistoryPane(ConfigHistoryViewModel configs) {
        this.configs = configs;
        DiffRowsTable diff = new DiffRowsTable(configs.rows(), configs.leftNameProperty(),
                configs.rightNameProperty(), "Select two saved versions to compare them.");
        diff.node().setId("config-diff-table");
        SplitPane split = new SplitPane(history(), diff.node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        pane.setTop(top());
        pane.setCenter(split);
    }

    Node node() {
        return pane;
    }

    private Node top() {
        ComboBox<BoardProfile> boards = new ComboBox<>(configs.boards());
        boards.setId("config-board");
        boards.valueProperty().bindBidirectional(configs.boardProperty());
        boards.setCellFactory(l -> new BoardCell());
        boards.setButtonCell(new BoardCell());
        CheckBox onBranch = new CheckBox("On a configs branch:");
        onBranch.setId("config-on-branch");
        onBranch.selectedProperty().bindBidirectional(configs.onConfigsBranchProperty());
        TextField branch = new TextField(configs.configsBranchProperty().get());
        branch.setId("config-branch");
        branch.setPrefColumnCount(16);
        branch.disableProperty().bind(onBranch.selectedProperty().not());
        // Taken when typed out (Enter, or leaving the field), not at every keystroke of a half-typed name.
        branch.setOnAction(e -> configs.configsBranchProperty().set(branch.getText().strip()));
        branch.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                configs.configsBranchProperty().set(branch.getText().strip());
            }
        });
        Label place = new Label();
        place.setId("config-place");
        place.getStyleClass().add("build-path");
        place.textProperty().bind(configs.placeTextProperty());
        HBox row = new HBox(8, new Label("Board"), boards, onBranch, branch, place);
        row.getStyleClass().add("build-controls");
        Label error = new Label();
        error.setId("config-error");
        error.getStyleClass().add("inline-error");
        error.textProperty().bind(configs.errorProperty());
        error.managedProperty().bind(configs.errorProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        VBox box = new VBox(6, row, error);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node history() {
        TableView<ConfigRevision> table = new TableView<>(configs.history());
        table.setId("config-history");
        table.setPlaceholder(new Label("Nothing saved for this board yet (kforge config commit saves it)."));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(column("Commit", ConfigRevision::shortId, 120));
        table.getColumns().add(column("Date", r -> DATE.format(r.time()), 170));
        table.getColumns().add(column("Author", ConfigRevision::author, 240));
        table.getColumns().add(column("Message", ConfigRevision::subject, 380));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ConfigRevision>) c ->
                configs.compareSelected(table.getSelectionModel().getSelectedItems().stream()
                        .filter(java.util.Objects::nonNull).toList()));
        return table;
    }

    private static TableColumn<ConfigRevision, String> column(String title, Function<ConfigRevision, String> value,
                                                              double width) {
        TableColumn<ConfigRevision, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static final class BoardCell extends ListCell<BoardProfile> {
        @Override
        protected void updateItem(BoardProfile board, boolean empty) {
            super.updateItem(board, empty);
            setText(empty || board == null ? null : board.name() + "  (ARCH=" + board.arch() + ")");
        }
    }
}
