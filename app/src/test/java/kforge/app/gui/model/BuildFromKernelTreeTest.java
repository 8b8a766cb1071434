package kforge.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.runner.board.BoardProfiles;
import kforge.runner.config.BoardConfig;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildStatus;
import kforge.kconfig.testing.ReferenceTree;

/**
 * Where the .config comes from, on Debian's linux-source-6.1: made from the s3c2410 profile (whose
 * defconfig asks for two values 6.1 cannot give), or taken from the editor. make is /bin/true here: what
 * is tested is what reaches the out dir and whether make is started at all, not a kernel build.
 */
class BuildFromKernelTreeTest {
    @TempDir
    Path dir;

    private Preferences prefs;
    private ExecutorService uiThread;
    private BuildViewModel build;
    private Path out;

    @BeforeEach
    void setUp() {
        prefs = Preferences.userRoot().node("kforge-test-" + System.nanoTime());
        uiThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
        out = dir.resolve("out");
        BoardProfiles profiles = BoardProfiles.builtIn();
        build = onUi(() -> new BuildViewModel(UserSettings.in(prefs),
                List.of(profiles.get("s3c2410"), profiles.get("x86_64-pc")), System.getenv(), "true",
                ForkJoinPool.commonPool(), uiThread));
        onUi(() -> {
            build.choices().treeProperty().set(ReferenceTree.get());
            build.choices().chooseOutDir(out);
            return null;
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        uiThread.shutdownNow();
        prefs.removeNode();
    }

    private <T> T onUi(Callable<T> work) {
        try {
            return uiThread.submit(work).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private BuildRecord start() {
        try {
            return onUi(build::start).get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theDefconfigsStaleLinesAreWarningsAndTheUsersValuesHoldTheBuildUntilAllowed() throws Exception {
        assertEquals(ConfigSource.BOARD_PROFILE, onUi(() -> build.choices().configSourceProperty().get()));
        BuildRecord lenient = start();
        assertNotNull(lenient, "make runs: " + onUi(() -> build.errorProperty().get()));
        assertEquals(BuildStatus.PASS, lenient.target("zImage").orElseThrow().status(), "make ran");
        assertEquals(2, lenient.configWarnings().size(), lenient.configWarnings().toString());
        onUi(() -> {
            assertEquals(List.of("CONFIG_S3C_ADC", "CONFIG_NTFS_FS"),
                    build.unmet().stream().map(BoardConfig.UnmetValue::symbol).toList());
            assertFalse(build.unmet().get(0).demanded(), "s3c2410_defconfig asked, the user did not");
            assertTrue(build.unmet().get(1).why().contains("no such symbol"), build.unmet().get(1).why());
            assertTrue(build.log().stream().anyMatch(l -> l.text().startsWith(
                    "warning: s3c2410_defconfig asks for CONFIG_S3C_ADC=y; this tree cannot: it is not visible")),
                    "the warning is in the log");
            assertTrue(build.log().stream().anyMatch(l -> l.text().contains("configuration written to")),
                    "conf's output is in the log");
            build.choices().valuesTextProperty().set("S3C_ADC=y");
            return null;
        });
        String config = Files.readString(out.resolve(".config"), StandardCharsets.ISO_8859_1);
        assertTrue(config.contains("\nCONFIG_ARCH_S3C24XX=y\n"), "the .config was made from the defconfig");

        assertNull(start(), "a value the user asked for did not hold: make must not run");
        onUi(() -> {
            assertTrue(build.errorProperty().get().startsWith("1 requested value(s) did not hold"),
                    build.errorProperty().get());
            assertTrue(build.unmet().stream().anyMatch(u -> u.symbol().equals("CONFIG_S3C_ADC") && u.demanded()));
            assertNull(build.statusProperty().get());
            build.choices().allowUnmetProperty().set(true);
            return null;
        });
        BuildRecord record = start();
        assertNotNull(record, onUi(() -> build.errorProperty().get()));
        assertEquals(BuildStatus.PASS, record.target("zImage").orElseThrow().status(), "make ran");
        assertEquals(BuildStatus.FAIL, record.status(), "make was /bin/true: the profile's zImage is missing");
        assertEquals(2, onUi(() -> build.unmet().size()), "still shown");
    }

    @Test
    void theEditorsUnsavedConfigurationIsWhatIsBuilt() throws Exception {
        Path editorConfig = Files.createDirectories(dir.resolve("editor")).resolve(".config");
        EditorViewModel editor = new EditorViewModel(EngineThread.direct());
        assertNull(editor.open(new OpenRequest(ReferenceTree.get(), "arm", "arm-linux-gnueabi-", editorConfig))
                .join().fault());
        ConfigEntry cmdline = editor.jumpToSymbol("CMDLINE").join().revealed();
        assertNull(editor.setValue(cmdline, "console=kforge").join().fault());
        assertTrue(editor.isDirty());

        onUi(() -> {
            build.followEditor(editor);
            assertEquals(ConfigSource.EDITOR, build.choices().configSourceProperty().get(), "the default with a tree");
            assertEquals("", build.choices().warningProperty().get());
            return null;
        });
        BuildRecord record = start();
        assertNotNull(record, onUi(() -> build.errorProperty().get()));
        String built = Files.readString(out.resolve(".config"), StandardCharsets.ISO_8859_1);
        assertTrue(built.contains("\nCONFIG_CMDLINE=\"console=kforge\"\n"), "the unsaved change is built");
        assertFalse(Files.exists(editorConfig), "the editor's file was not saved behind the user's back");

        onUi(() -> {
            assertTrue(build.choices().selectBoard("x86_64-pc"));
            assertTrue(build.choices().warningProperty().get().contains("ARCH=arm"),
                    build.choices().warningProperty().get());
            return null;
        });
    }
}
