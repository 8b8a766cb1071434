package kforge.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import kforge.app.gui.model.ConfigEntry;
import kforge.app.gui.model.EditorViewModel;
import kforge.app.gui.model.EngineThread;
import kforge.app.gui.model.OpenRequest;
import kforge.app.gui.model.UserSettings;

/**
 * The real editor window, driven by keyboard and mouse on Monocle's headless platform, on the bundled
 * sample tree: the engine runs on its own thread as in the application.
 */
class EditorWindowTest extends EditorWindowTestBase {
    @Start
    void start(Stage shown) throws Exception {
        openWindow(shown);
    }
    @Test
    void opensTheSampleTree(FxRobot robot) {
        settle();
        assertEquals(EditorViewModel.Phase.READY, editor.phaseProperty().get());
        assertTrue(rows(robot).contains("MODULES"), rows(robot).toString());
        assertTrue(robot.lookup(".option-cell").queryAll().size() > 5);
    }

    @Test
    void keyboardTogglesShowAndHideDependentEntries(FxRobot robot) {
        settle();
        select(robot, "MTD_RAW_NAND");
        assertFalse(rows(robot).contains("MTD_NAND_S3C2410"), "not expanded yet");
        robot.type(KeyCode.ENTER);
        settle();
        assertTrue(rows(robot).contains("MTD_NAND_S3C2410"), "Enter opens the menuconfig; the defconfig enables it");

        robot.write("n");
        settle();
        assertEquals("n", selected(robot).state().value());
        assertFalse(rows(robot).contains("MTD_NAND_S3C2410"), "depends on MTD_RAW_NAND: hidden when it is n");
        assertTrue(editor.isDirty());

        robot.type(KeyCode.SPACE);
        settle();
        assertEquals("m", selected(robot).state().value(), "Space cycles n -> m");
        robot.type(KeyCode.SPACE);
        settle();
        assertEquals("y", selected(robot).state().value(), "then y");
        assertTrue(rows(robot).contains("MTD_NAND_S3C2410"), rows(robot).toString());

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        settle();
        assertEquals("m", editor.tree().selectedProperty().get().state().value(), "undo goes back one change");
    }

    @Test
    void searchAndJump(FxRobot robot) {
        settle();
        robot.interact(() -> tree(robot).requestFocus());
        robot.write("/");
        robot.write("S3C2410_(DEBUG|CLK)");
        settle();
        assertEquals(List.of("MTD_NAND_S3C2410_CLKSTOP", "MTD_NAND_S3C2410_DEBUG"),
                editor.search().results().stream().map(r -> r.name()).toList());
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        settle();
        ConfigEntry jumped = selected(robot);
        assertNotNull(jumped);
        assertEquals(editor.search().results().get(0).name(), jumped.state().name());
        assertTrue(rows(robot).contains(jumped.state().name()), "the tree was expanded to it");
    }

    @Test
    void invalidValueShowsInlineErrorAndIsNotApplied(FxRobot robot) {
        settle();
        select(robot, "SERIAL_SAMSUNG_UARTS");
        String before = selected(robot).state().value();
        robot.type(KeyCode.ENTER);
        settle();
        robot.write("9");
        robot.type(KeyCode.ENTER);
        settle();
        Label error = robot.lookup(".inline-error").match(javafx.scene.Node::isVisible).queryAs(Label.class);
        assertNotNull(error);
        assertTrue(error.getText().contains("out of range"), error.getText());
        robot.type(KeyCode.ESCAPE);
        settle();
        assertEquals(before, selected(robot).state().value());
        assertFalse(editor.isDirty());
    }

    @Test
    void saveWritesTheFile(FxRobot robot) throws IOException {
        settle();
        select(robot, "IPV6");
        robot.write("y");
        settle();
        assertTrue(robot.lookup("#modified-marker").queryAs(Label.class).getText().contains("Modified"));
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        settle();
        String saved = Files.readString(config, StandardCharsets.ISO_8859_1);
        assertTrue(saved.contains("\nCONFIG_IPV6=y\n"), saved);
        assertTrue(Files.exists(config.resolveSibling(".config.old")));
        assertFalse(editor.isDirty());
    }

    @Test
    void escapeGoesUpAndQuestionMarkShowsHelp(FxRobot robot) {
        settle();
        select(robot, "MTD_NAND_S3C2410");
        robot.type(KeyCode.ESCAPE);
        settle();
        assertEquals("MTD_RAW_NAND", selected(robot).state().name());
        robot.write("?");
        settle();
        javafx.scene.control.TextArea help = robot.lookup(".help-text").queryAs(javafx.scene.control.TextArea.class);
        assertTrue(help.getText().contains("Symbol: MTD_RAW_NAND"), help.getText());
        robot.type(KeyCode.ESCAPE);
    }
}
