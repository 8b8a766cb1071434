package kforge.app.gui.view;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import kforge.app.gui.model.PatchConflict;
import kforge.app.gui.model.PatchRow;
import kforge.app.gui.model.PatchSeriesViewModel;
import kforge.app.gui.model.TreePatchesViewModel;

/**
 * The patch series: Apply / Apply All / Unapply and Add patch on top, a conflict report right under them
 * (patch, file, hunk), the series with each patch's state, and the selected patch's text below.
 */
final class PatchSeriesPane {
    private static final String[] STATE_CLASSES = {"patch-state-applied", "patch-state-changed",
            "patch-state-unapplied"};

    private final TreePatchesViewModel panel;
    private final PatchSeriesViewModel patches;
    private final BorderPane pane = new BorderPane();
    private final TableView<PatchRow> table = new TableView<>();
    /** Held here: a bidirectional binding only keeps weak references, and this adapter has no other owner. */
    private final ObjectProperty<Integer> strip;
    private Window owner;

    PatchSeriesPane(TreePatchesViewModel panel) {
        this.panel = panel;
        this.patches = panel.patches();
        this.strip = patches.stripProperty().asObject();
        SplitPane split = new SplitPane(seriesTable(), viewer());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        pane.setTop(new VBox(4, commands(), conflictReport()));
        pane.setCenter(split);
    }

    Node node() {
        return pane;
    }

    void setOwner(Window window) {
        owner = window;
    }

    // ---- commands ----

    private Node commands() {
        BooleanExpression busy = panel.busyProperty();
        Button apply = button("Apply", "patch-apply", patches::applyNext, busy.or(patches.canApplyProperty().not()));
        apply.setTooltip(new Tooltip("Apply the next patch (quilt push)"));
        Button applyAll = button("Apply All", "patch-apply-all", patches::applyAll,
                busy.or(patches.canApplyProperty().not()));
        applyAll.setTooltip(new Tooltip("Apply every patch not applied yet, stopping at one that does not fit"));
        Button unapply = button("Unapply", "patch-unapply", patches::unapplyTop,
                busy.or(patches.canUnapplyProperty().not()));
        unapply.setTooltip(new Tooltip("Take the top patch off (quilt pop)"));
        Button add = button("Add patch...", "patch-add", this::addPatch,
                busy.or(panel.treeProperty().isNull()));
        Spinner<Integer> stripSpinner = new Spinner<>(0, 16, patches.stripProperty().get());
        stripSpinner.setId("patch-strip");
        stripSpinner.setPrefWidth(70);
        stripSpinner.getValueFactory().valueProperty().bindBidirectional(strip);
        stripSpinner.setTooltip(new Tooltip("Strip this many leading directories from the patch's file names"
                + " (patch -pN)"));
        CheckBox commit = new CheckBox("Commit plain diffs");
        commit.setId("patch-commit");
        commit.selectedProperty().bindBidirectional(patches.commitProperty());
        Label message = new Label();
        message.setId("patch-message");
        message.textProperty().bind(patches.messageProperty());
        HBox row = new HBox(8, apply, applyAll, unapply, new Separator(Orientation.VERTICAL), add, new Label("-p"),
                stripSpinner, commit, message);
        row.getStyleClass().add("build-controls");
        row.setPadding(new Insets(8, 8, 0, 8));
        return row;
    }

    private Button button(String text, String id, Runnable action, BooleanExpression disabled) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(disabled);
        return b;
    }

    /** Where the last command stopped: for a conflict the patch, file and hunk apart, then the whole reason. */
    private Node conflictReport() {
        Label headline = new Label();
        headline.setId("patch-conflict-headline");
        headline.getStyleClass().add("patch-conflict-headline");
        Label patch = new Label();
        patch.setId("patch-conflict-patch");
        Label file = new Label();
        file.setId("patch-conflict-file");
        Label hunk = new Label();
        hunk.setId("patch-conflict-hunk");
        GridPane where = new GridPane();
        where.setHgap(8);
        where.addRow(0, new Label("Patch"), patch);
        where.addRow(1, new Label("File"), file);
        where.addRow(2, new Label("Hunk"), hunk);
        Label error = new Label();
        error.setId("patch-error");
        error.getStyleClass().add("inline-error");
        error.textProperty().bind(patches.errorProperty());
        VBox box = new VBox(4, headline, where, error);
        box.setId("patch-conflict");
        Runnable update = () -> {
            PatchConflict c = patches.conflictProperty().get();
            box.getStyleClass().remove("patch-conflict");
            if (c != null) {
                box.getStyleClass().add("patch-conflict");
            }
            headline.setText(c == null ? "" : "Conflict: " + c.headline());
            patch.setText(c == null ? "" : c.patch());
            file.setText(c == null ? "" : c.file());
            hunk.setText(c == null ? "" : c.hunkText());
            for (Node n : new Node[] {headline, where}) {
                n.setVisible(c != null);
                n.setManaged(c != null);
            }
        };
        patches.conflictProperty().addListener((o, was, now) -> update.run());
        update.run();
        box.visibleProperty().bind(patches.errorProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        VBox.setMargin(box, new Insets(0, 8, 4, 8));
        return box;
    }

    // ---- the series and the viewer ----

    private Node seriesTable() {
        table.setId("patch-table");
        table.setItems(patches.rows());
        table.setPlaceholder(new Label("No patches: add one, or put a series in the tree's patches/ directory."));
        TableColumn<PatchRow, String> name = column("Patch", PatchRow::name, 360);
        TableColumn<PatchRow, String> state = column("State", PatchRow::stateText, 200);
        TableColumn<PatchRow, String> how = column("Applied as", r -> r.detail().isEmpty() ? r.how()
                : r.how() + ": " + r.detail(), 480);
        table.getColumns().add(name);
        table.getColumns().add(state);
        table.getColumns().add(how);
        table.setRowFactory(tv -> new StateRow());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                patches.show(now);
            }
        });
        // Refreshed rows are new objects: select the one shown again, so the viewer and the table agree.
        patches.rows().addListener((ListChangeListener<PatchRow>) c -> reselect());
        patches.shownNameProperty().addListener((o, was, now) -> reselect());
        return table;
    }

    private void reselect() {
        String shown = patches.shownNameProperty().get();
        PatchRow selected = table.getSelectionModel().getSelectedItem();
        if (selected != null && selected.name().equals(shown)) {
            return;
        }
        patches.rows().stream().filter(r -> r.name().equals(shown)).findFirst()
                .ifPresentOrElse(r -> table.getSelectionModel().select(r), () -> table.getSelectionModel()
                        .clearSelection());
    }

    private Node viewer() {
        Label title = new Label();
        title.setId("patch-text-title");
        title.getStyleClass().add("tree-title");
        title.textProperty().bind(patches.shownNameProperty());
        PatchTextView text = new PatchTextView(patches.shownText());
        BorderPane box = new BorderPane(text.node());
        box.setTop(title);
        BorderPane.setMargin(title, new Insets(4, 8, 4, 8));
        return box;
    }

    private static TableColumn<PatchRow, String> column(String title, Function<PatchRow, String> value, double width) {
        TableColumn<PatchRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void addPatch() {
        FileChooser c = new FileChooser();
        c.setTitle("Add a patch to the series");
        c.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("Patches", "*.patch", "*.diff", "*.mbox",
                "*.gz", "*.bz2", "*.xz"), new FileChooser.ExtensionFilter("All files", "*"));
        Path tree = panel.treeProperty().get();
        if (tree != null && Files.isDirectory(tree)) {
            c.setInitialDirectory(tree.toFile());
        }
        File f = c.showOpenDialog(owner);
        if (f != null) {
            patches.add(f.toPath());
        }
    }

    /** patch-state-applied, -changed or -unapplied, which the themes colour. */
    private static final class StateRow extends TableRow<PatchRow> {
        @Override
        protected void updateItem(PatchRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll(STATE_CLASSES);
            if (row != null && !empty) {
                getStyleClass().add("patch-state-" + row.stateName());
            }
        }
    }
}
