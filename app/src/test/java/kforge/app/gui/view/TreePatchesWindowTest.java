package kforge.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import kforge.app.gui.model.PatchRow;
import kforge.app.gui.model.TreePatchesFixture;
import kforge.app.gui.model.TreePatchesViewModel;
import kforge.runner.patch.PatchSeries;
import kforge.runner.patch.PatchStatus;

/**
 * The Tree &amp; Patches panel in the real application on Monocle's headless platform: opened from the
 * Tree menu on a git tree with a two-patch series whose second patch does not fit, Apply All leaves the
 * first applied and the second not, and the conflict report names the patch, the file and the hunk.
 */
@ExtendWith(ApplicationExtension.class)
class TreePatchesWindowTest {
    @TempDir
    static Path dir;

    private AppWindow app;
    private Stage stage;
    private MainWindow window;
    private TreePatchesViewModel model;

    @Start
    void start(Stage shown) throws Exception {
        Path work = Files.createTempDirectory(dir, "tree");
        app = AppWindow.show(shown, work, 760);
        stage = shown;
        window = app.window();

        Path tree = TreePatchesFixture.kernelTree(work);
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(Files.writeString(work.resolve("0001-hello.patch"), TreePatchesFixture.GOOD_PATCH))
                .call();
        series.add().setFile(Files.writeString(work.resolve("0002-conflict.patch"),
                TreePatchesFixture.CONFLICTING_PATCH)).call();
        model = new TreePatchesViewModel(List.of(TreePatchesFixture.BOARD), TreePatchesViewModel.newBackgroundThread(),
                Platform::runLater);
        model.chooseTree(tree);
        window.useTreePatchesViewModel(model);
    }

    @AfterEach
    void closeWindowsAndForgetPreferences(FxRobot robot) throws Exception {
        app.close(robot);
    }

    private boolean inPanel(Node n) {
        return n.getScene() != null && n.getScene().getWindow() == window.treePatchesWindow().stage();
    }

    private <T extends Node> T inPanel(FxRobot robot, String query, Class<T> type) {
        return robot.lookup(query).match(this::inPanel).queryAs(type);
    }

    /** The text of a visible label in the panel, found by its text. */
    private boolean showsText(FxRobot robot, Node within, String text) {
        return robot.from(within).lookup((Node n) -> n instanceof Labeled l && text.equals(l.getText())
                && n.isVisible()).tryQuery().isPresent();
    }

    @Test
    @SuppressWarnings("unchecked")
    void applyAllStopsAtTheConflictingPatchAndShowsWhereInTheWindow(FxRobot robot) {
        WindowRobot.clickMenu(robot, stage, "Tree", "Tree & Patches...");
        assertNotNull(window.treePatchesWindow(), "the Tree menu opened the panel");
        assertTrue(window.treePatchesWindow().stage().isShowing());
        robot.clickOn(robot.lookup((Node n) -> n instanceof Labeled l && "Patches".equals(l.getText())
                && inPanel(n)).queryLabeled());
        TableView<PatchRow> table = inPanel(robot, "#patch-table", TableView.class);
        WindowRobot.waitFor("the series to be read", 60, () -> table.getItems().size() == 2
                && showsText(robot, table, "0002-conflict.patch"));
        assertTrue(showsText(robot, table, "unapplied"));

        robot.clickOn(inPanel(robot, "#patch-apply-all", Node.class));
        WindowRobot.waitFor("the conflict report", 60, () -> inPanel(robot, "#patch-conflict", Node.class).isVisible()
                && !inPanel(robot, "#patch-conflict-headline", Labeled.class).getText().isEmpty());

        assertEquals(List.of(PatchStatus.State.APPLIED, PatchStatus.State.UNAPPLIED),
                table.getItems().stream().map(PatchRow::state).toList());
        WindowRobot.waitFor("the states drawn", 60, () -> showsText(robot, table, "applied") && showsText(robot, table, "unapplied"));
        assertEquals("Conflict: patches/0002-conflict.patch does not fit drivers/a.c: hunk #2 ("
                + TreePatchesFixture.CONFLICTING_HUNK + ")",
                inPanel(robot, "#patch-conflict-headline", Labeled.class).getText());
        assertEquals("patches/0002-conflict.patch", inPanel(robot, "#patch-conflict-patch", Labeled.class).getText());
        assertEquals("drivers/a.c", inPanel(robot, "#patch-conflict-file", Labeled.class).getText());
        assertEquals("hunk #2 (" + TreePatchesFixture.CONFLICTING_HUNK + ")",
                inPanel(robot, "#patch-conflict-hunk", Labeled.class).getText());
        String reason = inPanel(robot, "#patch-error", Labeled.class).getText();
        assertTrue(reason.contains("does not apply"), reason);
        assertEquals("Applied 0001-hello.patch; then stopped.",
                inPanel(robot, "#patch-message", Labeled.class).getText());

        Node viewer = inPanel(robot, "#patch-text", Node.class);
        WindowRobot.waitFor("the failed patch in the viewer", 60, () -> robot.from(viewer).lookup(".patch-added")
                .match((ListCell<?> c) -> "+line fifteen".equals(c.getText())).tryQuery().isPresent());
        assertEquals("0002-conflict.patch", inPanel(robot, "#patch-text-title", Labeled.class).getText());
        assertTrue(robot.from(viewer).lookup(".patch-hunk").match((ListCell<?> c) ->
                TreePatchesFixture.CONFLICTING_HUNK.equals(c.getText())).tryQuery().isPresent(), "hunks are marked");
    }
}
