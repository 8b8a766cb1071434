package kforge.app.gui.view;

import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import kforge.app.gui.model.ChangedFile;
import kforge.app.gui.model.TreeBranchesViewModel;
import kforge.app.gui.model.TreePatchesViewModel;
import kforge.runner.git.TreeRef;

/**
 * The tree's git side: what is checked out, branches and tags to check out (double-click, or the button),
 * a new work branch from the selected one (or HEAD), a refusal right under the buttons, and the files
 * changed against HEAD beside it all.
 */
final class TreeBranchesPane {
    private final TreeBranchesViewModel branches;
    private final BorderPane pane = new BorderPane();
    /** The branch or tag last picked in either list: what Check out and Create branch act on. */
    private final ObjectProperty<TreeRef> picked = new SimpleObjectProperty<>(this, "picked");

    TreeBranchesPane(TreePatchesViewModel panel) {
        this.branches = panel.branches();
        TableView<TreeRef> branchTable = refs("tree-branches", branches.branches(), "No branches.");
        TableView<TreeRef> tagTable = refs("tree-tags", branches.tags(), "No tags.");
        clearsTheOther(branchTable, tagTable);
        clearsTheOther(tagTable, branchTable);
        VBox refs = new VBox(4, heading("Branches"), branchTable, heading("Tags"), tagTable);
        VBox.setVgrow(branchTable, Priority.ALWAYS);
        VBox.setVgrow(tagTable, Priority.ALWAYS);
        refs.setPadding(new Insets(0, 4, 0, 8));
        VBox changes = new VBox(4, heading("Changed against HEAD"), changesTable());
        VBox.setVgrow(changes.getChildren().get(1), Priority.ALWAYS);
        changes.setPadding(new Insets(0, 8, 0, 4));
        SplitPane split = new SplitPane(refs, changes);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.55);
        pane.setTop(top(panel.busyProperty()));
        pane.setCenter(split);
    }

    Node node() {
        return pane;
    }

    private Node top(BooleanExpression busy) {
        Label head = new Label();
        head.setId("tree-head");
        head.getStyleClass().add("tree-title");
        head.textProperty().bind(branches.headTextProperty());
        BooleanExpression noGit = branches.gitTreeProperty().not();
        Button checkout = new Button("Check out");
        checkout.setId("tree-checkout");
        checkout.disableProperty().bind(busy.or(noGit).or(picked.isNull()));
        checkout.setOnAction(e -> checkOutPicked());
        TextField newName = new TextField();
        newName.setId("tree-new-branch");
        newName.setPromptText("new work branch");
        newName.promptTextProperty().bind(Bindings.createStringBinding(() -> "new branch from "
                + (picked.get() == null ? "HEAD" : picked.get().name()), picked));
        newName.setPrefColumnCount(24);
        Button create = new Button("Create Branch");
        create.setId("tree-create-branch");
        create.disableProperty().bind(busy.or(noGit).or(newName.textProperty().isEmpty()));
        Runnable createBranch = () -> branches.createBranch(newName.getText(),
                picked.get() == null ? null : picked.get().name()).thenRun(() -> {
                    if (branches.errorProperty().get().isEmpty()) {
                        newName.clear();
                    }
                });
        create.setOnAction(e -> createBranch.run());
        newName.setOnAction(e -> {
            if (!create.isDisabled()) {
                createBranch.run();
            }
        });
        Label message = new Label();
        message.setId("tree-message");
        message.textProperty().bind(branches.messageProperty());
        HBox row = new HBox(8, checkout, newName, create, message);
        row.getStyleClass().add("build-controls");
        Label error = new Label();
        error.setId("tree-error");
        error.getStyleClass().add("inline-error");
        error.textProperty().bind(branches.errorProperty());
        error.managedProperty().bind(branches.errorProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        VBox box = new VBox(6, head, row, error);
        box.setPadding(new Insets(8));
        return box;
    }

    /** One pick across both lists, so a branch picked again after a tag is picked again. */
    private static void clearsTheOther(TableView<TreeRef> one, TableView<TreeRef> other) {
        one.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                other.getSelectionModel().clearSelection();
            }
        });
    }

    private void checkOutPicked() {
        if (picked.get() != null) {
            branches.checkout(picked.get().name());
        }
    }

    private TableView<TreeRef> refs(String id, javafx.collections.ObservableList<TreeRef> items, String empty) {
        TableView<TreeRef> table = new TableView<>(items);
        table.setId(id);
        table.setPlaceholder(new Label(empty));
        table.getColumns().add(column("", r -> r.current() ? "*" : "", 24));
        table.getColumns().add(column("Name", TreeRef::name, 220));
        table.getColumns().add(column("Commit", TreeRef::shortId, 120));
        table.getColumns().add(column("Subject", TreeRef::subject, 360));
        table.setRowFactory(tv -> {
            TableRow<TreeRef> row = new CurrentRow();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    picked.set(row.getItem());
                    checkOutPicked();
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                picked.set(now);
            }
        });
        // A refreshed list holds new refs: drop the pick rather than act on a stale commit.
        items.addListener((javafx.collections.ListChangeListener<TreeRef>) c -> {
            if (picked.get() != null && !items.contains(picked.get())) {
                picked.set(null);
            }
        });
        return table;
    }

    private Node changesTable() {
        TableView<ChangedFile> table = new TableView<>(branches.changes());
        table.setId("tree-changes");
        table.setPlaceholder(new Label("No changes."));
        TableColumn<ChangedFile, String> how = new TableColumn<>("How");
        how.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().how()));
        how.setPrefWidth(90);
        TableColumn<ChangedFile, String> path = new TableColumn<>("File");
        path.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().path()));
        path.setPrefWidth(360);
        table.getColumns().add(how);
        table.getColumns().add(path);
        return table;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("info-section-title");
        return l;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** The checked-out branch stands out. */
    private static final class CurrentRow extends TableRow<TreeRef> {
        @Override
        protected void updateItem(TreeRef ref, boolean empty) {
            super.updateItem(ref, empty);
            getStyleClass().remove("tree-ref-current");
            if (ref != null && !empty && ref.current()) {
                getStyleClass().add("tree-ref-current");
            }
        }
    }
}
