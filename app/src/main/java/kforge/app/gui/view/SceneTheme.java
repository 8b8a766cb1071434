package kforge.app.gui.view;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Scene;
import kforge.app.gui.model.UserSettings;

/**
 * The user's theme on a secondary window's scene, kept in step when they switch it. The settings outlive
 * every window, so they only hold a weak listener: a closed viewer is not kept alive by them.
 */
final class SceneTheme {
    private static final String LISTENER_KEY = SceneTheme.class.getName();

    private SceneTheme() {
    }

    static void follow(Scene scene, UserSettings settings) {
        apply(scene, settings);
        ChangeListener<String> listener = (o, was, now) -> apply(scene, settings);
        scene.getProperties().put(LISTENER_KEY, listener);
        settings.themeProperty().addListener(new WeakChangeListener<>(listener));
    }

    private static void apply(Scene scene, UserSettings settings) {
        scene.getStylesheets().setAll(settings.stylesheets().stream()
                .map(name -> SceneTheme.class.getResource(name).toExternalForm()).toList());
        scene.getRoot().getStyleClass().removeAll(UserSettings.LIGHT, UserSettings.DARK);
        scene.getRoot().getStyleClass().add(settings.themeProperty().get());
    }
}
