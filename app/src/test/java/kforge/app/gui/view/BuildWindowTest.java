package kforge.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.prefs.Preferences;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import kforge.app.gui.model.BuildViewModel;
import kforge.app.gui.model.ConfigSource;
import kforge.app.gui.model.EditorViewModel;
import kforge.app.gui.model.EngineThread;
import kforge.app.gui.model.FakeKernelTree;
import kforge.app.gui.model.OpenRequest;
import kforge.app.gui.model.UserSettings;
import kforge.runner.artifact.Artifact;
import kforge.runner.record.BuildStatus;

/**
 * The build panel in the real application window on Monocle's headless platform: opened from the Build
 * menu, it builds build-runner's fake kernel with the ARM cross compiler (a prepared .config), and a
 * diagnostic's link opens the source viewer at its line.
 */
@ExtendWith(ApplicationExtension.class)
class BuildWindowTest {
    @TempDir
    static Path dir;

    private Stage stage;
    private Preferences prefs;
    private MainWindow window;
    private BuildViewModel build;

    @Start
    void start(Stage shown) throws Exception {
        stage = shown;
        prefs = Preferences.userRoot().node("kforge-test-" + System.nanoTime());
        UserSettings settings = UserSettings.in(prefs);
        EditorViewModel editor = new EditorViewModel(EngineThread.background(Platform::runLater));
        window = KforgeApplication.show(stage, editor, settings);
        stage.setWidth(1200);
        stage.setHeight(760);
        Path work = Files.createTempDirectory(dir, "build");
        editor.open(OpenRequest.sample(work.resolve("sample.config")));

        Path tree = FakeKernelTree.copyTo(work);
        build = new BuildViewModel(settings, List.of(FakeKernelTree.BOARD), System.getenv(), "make",
                ForkJoinPool.commonPool(), Platform::runLater);
        build.choices().treeProperty().set(tree);
        build.choices().chooseOutDir(work.resolve("out"));
        build.choices().configFileProperty().set(Files.writeString(work.resolve("prepared.config"), "CONFIG_FOO=y\n"));
        build.choices().configSourceProperty().set(ConfigSource.FILE);
        window.useBuildViewModel(build);
    }

    @AfterEach
    void closeWindowsAndForgetPreferences(FxRobot robot) throws Exception {
        // The panel and the viewer are owned by this test's stage; the next test class must not find them.
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
        prefs.removeNode();
    }

    private <T extends Node> T inBuildWindow(FxRobot robot, String query, Class<T> type) {
        Window buildStage = window.buildWindow().stage();
        return robot.lookup(query).match((Node n) -> n.getScene() != null && n.getScene().getWindow() == buildStage)
                .queryAs(type);
    }

    @Test
    @SuppressWarnings("unchecked")
    void buildsTheFakeKernelShowsArtifactsAndOpensADiagnostic(FxRobot robot) {
        WindowRobot.clickMenu(robot, stage, "Build", "Build Panel...");
        assertNotNull(window.buildWindow(), "the Build menu opened the panel");
        assertTrue(window.buildWindow().stage().isShowing());
        WindowRobot.waitFor("the toolchain probe", 90, () -> build.choices().toolchainProperty().get().found());
        assertTrue(inBuildWindow(robot, "#build-toolchain", Labeled.class).getText()
                .startsWith("arm-linux-gnueabi- -> arm-linux-gnueabi"));

        robot.clickOn(inBuildWindow(robot, "#build-start", Node.class));
        WindowRobot.waitFor("the build to end", 90, () -> build.statusProperty().get() != null);
        assertEquals(BuildStatus.PASS, build.statusProperty().get(), build.errorProperty().get());

        ProgressBar bar = inBuildWindow(robot, "#build-progress", ProgressBar.class);
        assertEquals(1.0, bar.getProgress(), "the bar completes");
        ListView<?> log = inBuildWindow(robot, "#build-log", ListView.class);
        assertTrue(log.getItems().size() > 6, "the log shows make's lines");
        // The log follows its end: the last line is on screen, not just in the list.
        WindowRobot.waitFor("the log to follow its end", 90, () -> robot.from(log).lookup((Node n) -> n instanceof Labeled l
                && l.getText() != null && l.getText().startsWith("kforge: build PASS") && n.isVisible()
                && log.localToScene(log.getLayoutBounds()).contains(n.localToScene(n.getLayoutBounds())))
                .tryQuery().isPresent());
        TableView<Artifact> artifacts = inBuildWindow(robot, "#build-artifacts", TableView.class);
        assertTrue(artifacts.isVisible(), "a pass brings the artifacts forward");
        assertEquals(List.of("arch/arm/boot/zImage", "vmlinux", "System.map", ".config"),
                artifacts.getItems().stream().map(Artifact::path).toList());
        WindowRobot.waitFor("the artifact rows to be drawn", 90, () -> robot.from(artifacts).lookup((Node n) ->
                n instanceof Labeled l && "arch/arm/boot/zImage".equals(l.getText())).tryQuery().isPresent());

        robot.clickOn(robot.lookup((Node n) -> n instanceof Labeled l && l.getText() != null
                && l.getText().startsWith("Diagnostics") && n.getScene() != null
                && n.getScene().getWindow() == window.buildWindow().stage()).queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();
        Hyperlink link = robot.lookup(".diagnostic-link").match(Node::isVisible).queryAs(Hyperlink.class);
        assertEquals("kernel/fork.c:3:13", link.getText(), "relative to the tree");
        robot.clickOn(link);
        WindowRobot.waitFor("the source viewer", 90, () -> robot.lookup("#source-lines").tryQuery().isPresent());

        ListView<String> lines = robot.lookup("#source-lines").queryAs(ListView.class);
        assertEquals(2, lines.getSelectionModel().getSelectedIndex(), "line 3 is selected");
        assertTrue(((Stage) lines.getScene().getWindow()).getTitle().contains("kernel/fork.c:3"));
        ListCell<?> marked = robot.from(lines).lookup(".source-line").match((ListCell<?> c) ->
                c.getPseudoClassStates().contains(SourceViewer.DIAGNOSTIC_LINE)).query();
        assertNotNull(marked, "the diagnostic's line is highlighted");
        assertTrue(marked.getText().contains("int unused;"), marked.getText());
    }
}
