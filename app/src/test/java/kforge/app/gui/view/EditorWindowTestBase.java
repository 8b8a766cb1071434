package kforge.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import javafx.application.Platform;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import kforge.app.gui.model.ConfigEntry;
import kforge.app.gui.model.EditorViewModel;
import kforge.app.gui.model.EngineThread;
import kforge.app.gui.model.OpenRequest;
import kforge.app.gui.model.UserSettings;

/**
 * The real editor window on Monocle's headless platform, on the bundled sample tree with a new .config
 * (made from the sample defconfig) or on a kernel tree a test opens, the engine on its own thread as in the
 * application, and throwaway user settings.
 */
@ExtendWith(ApplicationExtension.class)
abstract class EditorWindowTestBase {
    @TempDir
    static Path dir;

    protected EditorViewModel editor;
    protected UserSettings settings;
    protected Preferences prefs;
    protected Stage stage;
    protected MainWindow window;
    protected Path config;

    /** Each test class calls this from its own @Start method: TestFX looks for one declared in the class. */
    protected void openWindow(Stage shown) throws Exception {
        showWindow(shown);
        editor.open(OpenRequest.sample(config));
    }

    /** The window with nothing open yet, for a test that opens a tree of its own on {@link #config}. */
    protected void showWindow(Stage shown) throws Exception {
        stage = shown;
        config = Files.createTempDirectory(dir, "cfg").resolve(".config");
        prefs = Preferences.userRoot().node("kforge-test-" + System.nanoTime());
        settings = UserSettings.in(prefs);
        editor = new EditorViewModel(EngineThread.background(Platform::runLater), environment());
        window = KforgeApplication.show(stage, editor, settings);
        stage.setWidth(1200);
        stage.setHeight(760);
    }

    /** The environment the editor opens trees in, as make would be started with it. */
    protected Map<String, String> environment() {
        return System.getenv();
    }

    @AfterEach
    void forgetPreferences() throws Exception {
        prefs.removeNode();
    }

    /** Waits until the FX thread and the engine have nothing left to do (twice: one may feed the other). */
    protected void settle() {
        try {
            for (int i = 0; i < 2; i++) {
                WaitForAsyncUtils.waitForFxEvents();
                editor.idle().get(30, TimeUnit.SECONDS);
            }
            WaitForAsyncUtils.waitForFxEvents();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    protected TreeTableView<ConfigEntry> tree(FxRobot robot) {
        return robot.lookup("#config-tree").queryAs(TreeTableView.class);
    }

    protected ConfigEntry selected(FxRobot robot) {
        TreeItem<ConfigEntry> item = tree(robot).getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    /** Symbol names of the rows the tree shows now (expanded items only), top to bottom. */
    protected List<String> rows(FxRobot robot) {
        TreeTableView<ConfigEntry> t = tree(robot);
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < t.getExpandedItemCount(); i++) {
            names.add(t.getTreeItem(i).getValue().state().name());
        }
        return names;
    }

    /**
     * Selects a symbol's row through the view model (a jump focuses the tree). It does not click the tree:
     * a click on whatever row lies there could open or close it.
     */
    protected void select(FxRobot robot, String symbol) {
        robot.interact(() -> {
            stage.toFront();
            stage.requestFocus();
            tree(robot).requestFocus();
            editor.jumpToSymbol(symbol);
        });
        settle();
        assertEquals(symbol, selected(robot).state().name());
        assertTrue(tree(robot).isFocused(), "the tree has the keyboard");
    }
}
