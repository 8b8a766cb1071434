package kforge.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
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
import kforge.app.gui.model.FakeKernelTree;
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

    private AppWindow app;
    private MainWindow window;
    private Stage stage;
    private BuildViewModel build;

    @Start
    void start(Stage shown) throws Exception {
        Path work = Files.createTempDirectory(dir, "build");
        app = AppWindow.show(shown, work, 760);
        stage = shown;
        window = app.window();
        Path tree = FakeKernelTree.copyTo(work);
        build = new BuildViewModel(app.settings(), List.of(FakeKernelTree.BOARD), System.getenv(), "make",
                ForkJoinPool.commonPool(), Platform::runLater);
        build.choices().treeProperty().set(tree);
        build.choices().chooseOutDir(work.resolve("out"));
        build.choices().configFileProperty().set(Files.writeString(work.resolve("prepared.config"), "CONFIG_FOO=y\n"));
        build.choices().configSourceProperty().set(ConfigSource.FILE);
        window.useBuildViewModel(build);
    }

    @AfterEach
    void closeWindowsAndForgetPreferences(FxRobot robot) throws Exception {
        app.close(robot);
    }

    @Test
    @SuppressWarnings("unchecked")
    void buildsTheFakeKernelShowsArtifactsAndOpensADiagnostic(FxRobot robot) {
        WindowRobot.clickMenu(robot, stage, "Build", "Build Panel...");
        assertNotNull(window.buildWindow(), "the Build menu opened the panel");
        assertTrue(window.buildWindow().stage().isShowing());
        WindowRobot.waitFor("the toolchain probe", 90, () -> build.choices().toolchainProperty().get().found());
        assertTrue(app.inBuildWindow(robot, "#build-toolchain", Labeled.class).getText()
                .startsWith("arm-linux-gnueabi- -> arm-linux-gnueabi"));

        robot.clickOn(app.inBuildWindow(robot, "#build-start", Node.class));
        WindowRobot.waitFor("the build to end", 90, () -> build.statusProperty().get() != null);
        assertEquals(BuildStatus.PASS, build.statusProperty().get(), build.errorProperty().get());

        ProgressBar bar = app.inBuildWindow(robot, "#build-progress", ProgressBar.class);
        assertEquals(1.0, bar.getProgress(), "the bar completes");
        ListView<?> log = app.inBuildWindow(robot, "#build-log", ListView.class);
        assertTrue(log.getItems().size() > 6, "the log shows make's lines");
        // The log follows its end: the last line is on screen, not just in the list.
        WindowRobot.waitFor("the log to follow its end", 90, () -> robot.from(log).lookup((Node n) -> n instanceof Labeled l
                && l.getText() != null && l.getText().startsWith("kforge: build PASS") && n.isVisible()
                && log.localToScene(log.getLayoutBounds()).contains(n.localToScene(n.getLayoutBounds())))
                .tryQuery().isPresent());
        TableView<Artifact> artifacts = app.inBuildWindow(robot, "#build-artifacts", TableView.class);
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
