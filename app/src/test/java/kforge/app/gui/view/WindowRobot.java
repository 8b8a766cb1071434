package kforge.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the window tests do the way a person would: pick menu items, wait for the window to catch up. */
final class WindowRobot {
    private WindowRobot() {
    }

    /** Clicks a menu of the main window's menu bar, then one of its items (whose popup is another window). */
    static void clickMenu(FxRobot robot, Window main, String menu, String item) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Node button = robot.from(bar).lookup((Node n) -> n instanceof Labeled l && l.getText() != null
                && l.getText().replace("_", "").equals(menu)).query();
        assertNotNull(button, "menu " + menu);
        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
        Node entry = robot.lookup((Node n) -> n instanceof Labeled l && item.equals(l.getText())
                && n.isVisible() && n.getScene() != null && n.getScene().getWindow() != main).query();
        assertNotNull(entry, "menu item " + item);
        robot.clickOn(entry);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the condition holds, checking after the FX thread has caught up each time. */
    static void waitFor(String what, int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }
}
