package kforge.app.gui.view;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import kforge.app.gui.model.BuildViewModel;
import kforge.app.gui.model.UserSettings;

/**
 * The build panel in a window of its own, beside the editor rather than squeezed into its tabs: a log
 * and four tables want the room. Closing it only hides it; a running build goes on and is there again
 * when the panel is reopened.
 */
final class BuildWindow {
    private final Stage stage = new Stage();
    private final BuildPane pane;

    BuildWindow(Window owner, BuildViewModel build, UserSettings settings) {
        pane = new BuildPane(build, settings);
        pane.setOwner(stage);
        stage.initOwner(owner);
        stage.setTitle("Build - kforge");
        Scene scene = new Scene((javafx.scene.Parent) pane.node(), 1180, 800);
        SceneTheme.follow(scene, settings);
        stage.setScene(scene);
        stage.setMinWidth(760);
        stage.setMinHeight(480);
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }
}
