package kforge.app.gui.view;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;

import kforge.app.gui.model.EditorViewModel;
import kforge.app.gui.model.EngineThread;
import kforge.app.gui.model.OpenRequest;
import kforge.app.gui.model.UserSettings;

/**
 * The application's main window as the panel tests open it: preferences of its own, 1200 pixels wide, a
 * sample .config in the editor. {@link #close} hides the panels it owns and forgets the preferences, so
 * the next test class finds neither.
 */
record AppWindow(Stage stage, MainWindow window, UserSettings settings, Preferences prefs) {

    static AppWindow show(Stage stage, Path work, double height) throws Exception {
        Preferences prefs = Preferences.userRoot().node("kforge-test-" + System.nanoTime());
        UserSettings settings = UserSettings.in(prefs);
        EditorViewModel editor = new EditorViewModel(EngineThread.background(Platform::runLater));
        MainWindow window = KforgeApplication.show(stage, editor, settings);
        stage.setWidth(1200);
        stage.setHeight(height);
        editor.open(OpenRequest.sample(Files.createDirectories(work).resolve("sample.config")));
        return new AppWindow(stage, window, settings, prefs);
    }

    void close(FxRobot robot) throws BackingStoreException {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
        prefs.removeNode();
    }

    /** The node of the build panel's window that the query finds. */
    <T extends Node> T inBuildWindow(FxRobot robot, String query, Class<T> type) {
        Window buildStage = window.buildWindow().stage();
        return robot.lookup(query).match((Node n) -> n.getScene() != null && n.getScene().getWindow() == buildStage)
                .queryAs(type);
    }
}
