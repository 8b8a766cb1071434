package kforge.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import kforge.app.gui.model.EditorViewModel;
import kforge.app.gui.model.FakeKernelTree;
import kforge.app.gui.model.OpenRequest;

/**
 * The trust prompt in the real window: opening a fresh tree whose Kconfig runs $(shell,touch MARKER) shows
 * the prompt listing its commands; "Don't Run" opens nothing and leaves no marker; "Run Them" opens the tree
 * (the marker appears); reopening the trusted tree does not ask.
 */
class ShellTrustWindowTest extends EditorWindowTestBase {
    @Start
    void start(Stage shown) throws Exception {
        showWindow(shown);
    }

    private Path marker;

    private OpenRequest freshTree(String name) {
        marker = dir.resolve(name + "-commands-ran");
        Path tree = FakeKernelTree.runningShellCommands(dir, name, marker);
        return new OpenRequest(tree, "x86", "", config);
    }

    private CompletableFuture<EditorViewModel.Outcome> openTree(FxRobot robot, OpenRequest request) {
        AtomicReference<CompletableFuture<EditorViewModel.Outcome>> opened = new AtomicReference<>();
        robot.interact(() -> opened.set(window.openTree(request)));
        return opened.get();
    }

    private boolean promptShown(FxRobot robot) {
        return robot.lookup("#shell-commands").tryQuery().isPresent();
    }

    private void waitForPrompt(FxRobot robot) {
        WindowRobot.waitFor("the trust prompt", 60, () -> promptShown(robot));
    }

    private EditorViewModel.Outcome answered(CompletableFuture<EditorViewModel.Outcome> opened) {
        WindowRobot.waitFor("the open to finish", 120, opened::isDone);
        settle();
        return opened.join();
    }

    @Test
    void aFreshTreeShowsItsCommandsAndDontRunOpensAndRunsNothing(FxRobot robot) {
        OpenRequest request = freshTree("linux-declined");
        CompletableFuture<EditorViewModel.Outcome> opened = openTree(robot, request);
        waitForPrompt(robot);

        DialogPane prompt = robot.lookup("#shell-trust").queryAs(DialogPane.class);
        assertEquals("The Kconfig of linux-declined runs 2 shell commands.", prompt.getHeaderText());
        String listed = robot.lookup("#shell-commands").queryAs(TextArea.class).getText();
        assertTrue(listed.startsWith("Kconfig\n"), listed);
        assertTrue(listed.contains("3: touch " + marker + " && echo y"), listed);
        assertTrue(listed.contains("6: echo hello"), listed);
        assertFalse(Files.exists(marker), "a command ran before the answer");

        robot.clickOn("Don't Run");
        EditorViewModel.Outcome outcome = answered(opened);

        assertFalse(promptShown(robot), "the prompt closed");
        assertNull(outcome.fault());
        assertNull(editor.openedProperty().get(), "nothing opened");
        assertEquals(EditorViewModel.Phase.EMPTY, editor.phaseProperty().get());
        assertFalse(Files.exists(marker), "a command ran");
        assertEquals("Did not open " + request.describe() + ": its Kconfig's shell commands were not run",
                editor.statusProperty().get());
    }

    @Test
    void runThemOpensTheTreeAndReopeningItDoesNotAsk(FxRobot robot) throws Exception {
        OpenRequest request = freshTree("linux-trusted");
        CompletableFuture<EditorViewModel.Outcome> opened = openTree(robot, request);
        waitForPrompt(robot);

        robot.clickOn("Run Them");
        EditorViewModel.Outcome outcome = answered(opened);

        assertNull(outcome.fault(), outcome.fault());
        assertEquals(EditorViewModel.Phase.READY, editor.phaseProperty().get());
        assertNotNull(editor.openedProperty().get());
        assertTrue(Files.exists(marker), "the commands ran");

        Files.delete(marker);
        outcome = answered(openTree(robot, request));

        assertFalse(promptShown(robot), "a trusted tree asked again");
        assertNull(outcome.fault(), outcome.fault());
        assertEquals(EditorViewModel.Phase.READY, editor.phaseProperty().get());
        assertTrue(Files.exists(marker), "the trusted commands ran again");
    }
}
