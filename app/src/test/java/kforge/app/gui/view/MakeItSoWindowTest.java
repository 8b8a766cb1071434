package kforge.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Edit > Make It So... on a row that refuses a value, in the real window on the sample tree: the fix is
 * shown with its preview, Apply gives the row the value, and one undo restores the state before.
 */
class MakeItSoWindowTest extends EditorWindowTestBase {
    @Start
    void start(Stage shown) throws Exception {
        openWindow(shown);
    }

    @Test
    void makeItSoAppliesAFixAndUndoRestoresTheEarlierState(FxRobot robot) {
        settle();
        select(robot, "INET");
        robot.write("n");
        settle();
        WindowRobot.clickMenu(robot, stage, "View", "Show All Options");
        settle();
        select(robot, "IP_PNP");
        assertEquals("n", selected(robot).state().value());
        String refusedState = editor.currentConfigText().join();

        WindowRobot.clickMenu(robot, stage, "Edit", "Make It So...");
        robot.type(KeyCode.ENTER);   // the value asked for: y, proposed since the row is n
        WindowRobot.waitFor("the fixes", 30, () -> !robot.lookup("#fix-list").queryAll().isEmpty());
        @SuppressWarnings("unchecked")
        ListView<String> fixes = robot.lookup("#fix-list").queryAs(ListView.class);
        assertEquals("1 change: INET=y", fixes.getItems().get(0));
        String preview = robot.lookup("#fix-preview").queryAs(TextArea.class).getText();
        assertTrue(preview.contains("INET: n -> y") && preview.contains("IP_PNP: n -> y"), preview);

        robot.clickOn("Apply");
        WindowRobot.waitFor("IP_PNP=y", 30, () -> "y".equals(selected(robot).state().value()));
        settle();
        select(robot, "INET");
        assertEquals("y", selected(robot).state().value());

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        settle();
        assertEquals(refusedState, editor.currentConfigText().join(), "one undo restores the state before the fix");
        select(robot, "IP_PNP");
        assertEquals("n", selected(robot).state().value());
    }
}
