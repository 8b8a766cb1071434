package kforge.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import kforge.app.cli.CliRun;
import kforge.app.gui.model.EditorViewModel;
import kforge.app.gui.model.FakeKernelTree;
import kforge.app.gui.model.OpenRequest;
import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceKernel;

/**
 * The real editor window on two kernel generations: FriendlyARM's 2.6.32 BSP (no top-level Kconfig, the
 * 2.6.32 dialect) and Debian's 6.12. In each a value is set with the keyboard and saved with Ctrl+S, and
 * the file must be the very bytes "kforge set" writes for the same assignment on the same starting .config.
 */
class EditorWindowKernelTreeTest extends EditorWindowTestBase {
    private static final String CROSS = "arm-linux-gnueabi-";

    @Start
    void start(Stage shown) throws Exception {
        showWindow(shown);
    }

    /** make's environment for the reference trees: with KCONFIG_NOTIMESTAMP=1, 2.6.32's .config has no date. */
    @Override
    protected Map<String, String> environment() {
        return Oracle.makeEnvironment();
    }

    @Test
    void friendlyArm2632SavesWhatKforgeSetWrites(FxRobot robot) throws IOException {
        ReferenceKernel kernel = ReferenceKernel.FRIENDLYARM_2_6_32;
        Path start = Oracle.config(kernel, "arm", CROSS, "mini2440_defconfig");
        openTree(robot, kernel.tree(), "arm", CROSS, start);

        assertEquals("kforge \u2014 friendlyarm-linux-2.6.32.2 (Linux 2.6.32.2, Kconfig dialect of Linux 2.6.32)"
                + " \u2014 " + config.toAbsolutePath(), stage.getTitle());
        assertNoCaution(robot);

        // mini2440_defconfig builds ext2 as a module; the user builds it in.
        setWithKey(robot, "EXT2_FS", "m", "y");
        saveAndCompareWithKforgeSet(robot, kernel.tree(), start, "EXT2_FS=y");
    }

    @Test
    void linux612SavesWhatKforgeSetWrites(FxRobot robot) throws IOException {
        ReferenceKernel kernel = ReferenceKernel.LINUX_6_12;
        Path start = Oracle.config(kernel, "arm", CROSS, "multi_v5_defconfig");
        openTree(robot, kernel.tree(), "arm", CROSS, start);

        String version = Files.readString(start, StandardCharsets.ISO_8859_1).lines().skip(2).findFirst()
                .orElseThrow().replaceAll("^# Linux/arm (\\S+) Kernel Configuration$", "$1");
        assertTrue(version.startsWith("6.12."), "the oracle's header names the release: " + version);
        assertEquals("kforge \u2014 " + kernel.tree().getFileName() + " (Linux " + version
                + ", Kconfig dialect of Linux 6.12) \u2014 " + config.toAbsolutePath(), stage.getTitle());
        assertNoCaution(robot);

        // CIFS is off in multi_v5_defconfig; as a module it selects crypto and more, which both must follow.
        setWithKey(robot, "CIFS", "n", "m");
        saveAndCompareWithKforgeSet(robot, kernel.tree(), start, "CIFS=m");
    }

    @Test
    void aDialectNotComparedWithItsConfIsCautionedInTheStatusBar(FxRobot robot) throws IOException {
        Path tree = FakeKernelTree.release(Files.createTempDirectory(dir, "tree"), "linux-5.10", "5", "10", "0", "",
                "Kconfig", "source \"arch/x86/Kconfig\"\n", "arch/x86/Kconfig", "config A\n\tbool \"a\"\n");
        openTree(robot, tree, "x86_64", null, null);

        assertTrue(stage.getTitle().startsWith("kforge \u2014 linux-5.10 (Linux 5.10.0, Kconfig dialect of Linux 5.10)"),
                stage.getTitle());
        String caution = editor.cautionProperty().get();
        assertTrue(caution.contains("not compared"), caution);
        Label shown = robot.lookup("#dialect-caution").queryAs(Label.class);
        assertEquals("Unverified dialect: " + caution, shown.getText());
        assertTrue(shown.isVisible() && shown.getScene() == stage.getScene(), "in the window's status bar");
    }

    /** Opens the tree on a copy of start (null: no .config yet) as the window's .config; waits for it to load. */
    private void openTree(FxRobot robot, Path tree, String arch, String cross, Path start) throws IOException {
        if (start != null) {
            Files.copy(start, config);
        }
        var opened = new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<?>>();
        robot.interact(() -> opened.set(editor.open(new OpenRequest(tree, arch, cross, config))));
        WindowRobot.waitFor("the tree to load", 180, () -> opened.get().isDone());
        opened.get().join();
        settle();
        assertEquals(EditorViewModel.Phase.READY, editor.phaseProperty().get(), editor.statusProperty().get()
                + " " + editor.errorProperty().get());
    }

    private void assertNoCaution(FxRobot robot) {
        assertEquals("", editor.cautionProperty().get(), "a verified release");
        assertEquals("", robot.lookup("#dialect-caution").queryAs(Label.class).getText());
    }

    /** Selects the symbol's row, checks its value and types the key for the new one, as a user would. */
    private void setWithKey(FxRobot robot, String symbol, String before, String key) {
        select(robot, symbol);
        assertEquals(before, selected(robot).state().value(), symbol + " as loaded");
        robot.write(key);
        settle();
        assertEquals(key, selected(robot).state().value(), symbol + " after typing " + key);
        assertTrue(editor.isDirty());
        assertTrue(stage.getTitle().startsWith("* kforge \u2014 "), "unsaved: " + stage.getTitle());
    }

    /**
     * Ctrl+S, then "kforge set" with the same assignment on another copy of the starting .config (in the
     * same environment): the two files must be byte for byte the same, and each keeps the start as .config.old.
     */
    private void saveAndCompareWithKforgeSet(FxRobot robot, Path tree, Path start, String assignment)
            throws IOException {
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        settle();
        assertFalse(editor.isDirty(), editor.errorProperty().get());
        assertFalse(stage.getTitle().startsWith("*"), stage.getTitle());

        Path viaSet = Files.createTempDirectory(dir, "set").resolve(".config");
        Files.copy(start, viaSet);
        CliRun set = CliRun.kforgeSet(environment(), "--tree", tree.toString(), "--arch", "arm", "--cross-compile",
                CROSS, "--config", viaSet.toString(), "-q", assignment);
        assertEquals(0, set.exit(), set.err());
        assertFalse(set.hasStackTrace(), set.err());

        byte[] expected = Files.readAllBytes(viaSet);
        assertNotEquals(Files.readString(start, StandardCharsets.ISO_8859_1),
                new String(expected, StandardCharsets.ISO_8859_1), "kforge set changed nothing");
        assertTrue(new String(expected, StandardCharsets.ISO_8859_1).contains("\nCONFIG_" + assignment + "\n"));
        assertArrayEquals(expected, Files.readAllBytes(config), "the editor's save equals kforge set's");
        assertArrayEquals(Files.readAllBytes(start), Files.readAllBytes(config.resolveSibling(".config.old")),
                "the editor keeps the file it replaced as .config.old");
        assertArrayEquals(Files.readAllBytes(start), Files.readAllBytes(viaSet.resolveSibling(".config.old")));
    }
}
