package kforge.app.gui.view;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import kforge.app.gui.model.TreePatchesViewModel;
import kforge.app.gui.model.UserSettings;

/**
 * The Tree &amp; Patches panel in a window of its own, as the build panel is: it wants room for a patch's
 * text beside the editor. Closing it only hides it; work under way goes on and shows when it is reopened.
 */
final class TreePatchesWindow {
    private final Stage stage = new Stage();
    private final TreePatchesPane pane;

    TreePatchesWindow(Window owner, TreePatchesViewModel panel, UserSettings settings) {
        pane = new TreePatchesPane(panel);
        pane.setOwner(stage);
        stage.initOwner(owner);
        stage.setTitle("Tree & Patches - kforge");
        Scene scene = new Scene((Parent) pane.node(), 1120, 780);
        SceneTheme.follow(scene, settings);
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(460);
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }

    TreePatchesPane pane() {
        return pane;
    }
}
