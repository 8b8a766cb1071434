package kforge.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import kforge.app.cli.SmallKernels;
import kforge.app.gui.model.BuildViewModel;
import kforge.app.gui.model.LogLine;
import kforge.kconfig.testing.ReferenceKernel;
import kforge.runner.board.BoardProfiles;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildStatus;

/**
 * The build panel's Boot button in the real window, on Debian's 6.1 tree: the uml board over allnoconfig,
 * a fragment added to the panel's list and a value typed into its field, then Boot. The console streams
 * into the log up to the init's marker, the history shows the boot, and the built .config has both values.
 * The out dir is the UML small kernel's ({@link SmallKernels}, built once per run), as a user's existing
 * out dir: the panel's build remakes what the two values change, and the booted kernel's banner shows the
 * new LOCALVERSION. Cost: that incremental build and a boot, under a minute; run alone, the small kernel's
 * build first (1.5 min idle).
 */
@ExtendWith(ApplicationExtension.class)
class BuildBootWindowTest {
    @TempDir
    static Path dir;

    private static Path out;
    private AppWindow app;
    private BuildViewModel build;

    /** Here, not in {@link #start}: that runs on the FX thread, which must not wait for a kernel build. */
    @BeforeAll
    static void buildTheSmallKernel() {
        out = SmallKernels.booted(ReferenceKernel.LINUX_6_1, "uml").out();
    }

    @Start
    void start(Stage shown) throws Exception {
        app = AppWindow.show(shown, dir.resolve("work"), 800);
        build = new BuildViewModel(app.settings(), BoardProfiles.builtIn().all(), System.getenv(), "make",
                ForkJoinPool.commonPool(), Platform::runLater);
        build.choices().selectBoard("uml");
        build.choices().treeProperty().set(ReferenceKernel.LINUX_6_1.tree());
        build.choices().chooseOutDir(out);
        app.window().useBuildViewModel(build);
    }

    @AfterEach
    void closeWindowsAndForgetPreferences(FxRobot robot) throws Exception {
        app.close(robot);
    }

    @Test
    @SuppressWarnings("unchecked")
    void bootsUmlWithAFragmentAndAValueFromThePanel(FxRobot robot) throws Exception {
        Path fragment = Files.writeString(dir.resolve("gui.config"), "CONFIG_LOCALVERSION=\"-gui\"\n");
        WindowRobot.clickMenu(robot, app.stage(), "Build", "Build Panel...");
        assertNotNull(app.window().buildWindow(), "the Build menu opened the panel");

        robot.clickOn(app.inBuildWindow(robot, "#build-allnoconfig", CheckBox.class));
        robot.interact(() -> build.choices().fragments().add(fragment));  // the chooser is the platform's dialog
        ListView<Path> fragments = app.inBuildWindow(robot, "#build-fragments", ListView.class);
        assertEquals(List.of(fragment), fragments.getItems());
        robot.clickOn(app.inBuildWindow(robot, "#build-values", TextField.class)).write("CONFIG_DEFAULT_HOSTNAME=\"umlbox\"");
        assertTrue(build.choices().fromAllnoconfigProperty().get());

        robot.clickOn(app.inBuildWindow(robot, "#build-boot", Node.class));
        WindowRobot.waitFor("the build and the boot to end", 900, () -> !build.runningProperty().get()
                && build.phaseProperty().get() == BuildViewModel.Phase.DONE);
        BuildRecord record = build.shownRecordProperty().get();
        assertNotNull(record, build.errorProperty().get());
        assertEquals(BuildStatus.PASS, record.status(), build.errorProperty().get());
        assertNotNull(record.boot(), "the record carries the boot");
        assertEquals(BuildStatus.PASS, record.boot().status(), record.boot().detail());

        ListView<LogLine> log = app.inBuildWindow(robot, "#build-log", ListView.class);
        assertTrue(log.getItems().stream().anyMatch(l -> l.text().contains(record.boot().marker())),
                "the console is in the log");
        assertTrue(log.getItems().stream().anyMatch(l -> l.text().startsWith("Linux version 6.1.")
                && l.text().contains("-gui ")), "the fragment's LOCALVERSION is in the booted kernel's banner");
        TableView<BuildRecord> history = app.inBuildWindow(robot, "#build-history", TableView.class);
        assertTrue(history.getItems().stream().anyMatch(r -> r.started().equals(record.started())
                && r.boot() != null && r.boot().status() == BuildStatus.PASS), "this boot is in the history");

        String config = Files.readString(out.resolve(".config"), StandardCharsets.ISO_8859_1);
        assertTrue(config.contains("\nCONFIG_LOCALVERSION=\"-gui\"\n"), "the fragment reached the .config");
        assertTrue(config.contains("\nCONFIG_DEFAULT_HOSTNAME=\"umlbox\"\n"), "the value reached the .config");
    }
}
