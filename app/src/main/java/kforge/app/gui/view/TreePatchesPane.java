package kforge.app.gui.view;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import kforge.app.gui.model.TreePatchesViewModel;

/**
 * The Tree &amp; Patches panel: which tree on top (the editor's, or one chosen), then a tab each for its
 * branches and status, its patch series, and a board's defconfig history. It only binds to the view model.
 */
final class TreePatchesPane {
    private final TreePatchesViewModel panel;
    private final BorderPane pane = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Tab patchesTab;
    private final PatchSeriesPane patches;
    private Window owner;

    TreePatchesPane(TreePatchesViewModel panel) {
        this.panel = panel;
        this.patches = new PatchSeriesPane(panel);
        Tab branchesTab = tab("Branches & Status", "tab-branches", new TreeBranchesPane(panel).node());
        patchesTab = tab("Patches", "tab-patches", patches.node());
        Tab configsTab = tab("Config History", "tab-config-history", new ConfigHistoryPane(panel.configs()).node());
        tabs.getTabs().setAll(branchesTab, patchesTab, configsTab);
        // A conflict is what the user must see, wherever they were.
        panel.patches().conflictProperty().addListener((o, was, now) -> {
            if (now != null) {
                tabs.getSelectionModel().select(patchesTab);
            }
        });
        pane.getStyleClass().add("tree-patches-pane");
        pane.setTop(treeRow());
        pane.setCenter(tabs);
    }

    Node node() {
        return pane;
    }

    void setOwner(Window window) {
        owner = window;
        patches.setOwner(window);
    }

    private Node treeRow() {
        Label path = new Label();
        path.setId("tree-path");
        path.getStyleClass().add("build-path");
        path.textProperty().bind(Bindings.createStringBinding(() -> panel.treeProperty().get() == null
                ? "(none: open a kernel tree in the editor, or choose one)"
                : panel.treeProperty().get().toString(), panel.treeProperty()));
        Button choose = new Button("Choose...");
        choose.setId("tree-choose");
        choose.setOnAction(e -> chooseTree());
        Button refresh = new Button("Refresh");
        refresh.setId("tree-refresh");
        refresh.disableProperty().bind(panel.busyProperty().or(panel.treeProperty().isNull()));
        refresh.setOnAction(e -> panel.refresh());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("tree-busy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(panel.busyProperty());
        // An indeterminate spinner animates even while hidden: only spin while there is work.
        busy.progressProperty().bind(Bindings.when(panel.busyProperty())
                .then(ProgressIndicator.INDETERMINATE_PROGRESS).otherwise(0.0));
        HBox row = new HBox(8, new Label("Kernel tree"), path, choose, refresh, busy);
        row.getStyleClass().add("build-controls");
        row.setPadding(new Insets(8));
        return row;
    }

    private void chooseTree() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Kernel source tree");
        for (Path p = panel.treeProperty().get(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                c.setInitialDirectory(p.toFile());
                break;
            }
        }
        File f = c.showDialog(owner);
        if (f != null) {
            panel.chooseTree(f.toPath());
        }
    }

    private static Tab tab(String title, String id, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }
}
