package kforge.app.gui.view;


import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import kforge.app.gui.model.EditorViewModel;
import kforge.app.gui.model.EngineThread;
import kforge.app.gui.model.KernelSourcesViewModel;
import kforge.app.gui.model.OpenRequest;
import kforge.app.gui.model.SampleTree;
import kforge.app.gui.model.UserSettings;
import kforge.runner.tree.KernelSourceArchive;

/** The JavaFX application: one editor window; what it opens first comes from {@link #launch(OpenRequest)}. */
public final class KforgeApplication extends Application {
    private static volatile OpenRequest initial;
    private static volatile Screenshot screenshot;

    /** Take a picture of the window with this theme and symbol selected, then quit. */
    public record Screenshot(java.nio.file.Path file, String theme, String select) {
    }

    private EngineThread engine;
    private EditorViewModel editor;
    private UserSettings settings;
    private MainWindow window;
    private Stage stage;

    /** Starts the GUI (blocking until its window closes); null opens the bundled sample tree. */
    public static void launch(OpenRequest what, Screenshot picture) {
        initial = what;
        screenshot = picture;
        Application.launch(KforgeApplication.class);
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        engine = EngineThread.background(Platform::runLater);
        editor = new EditorViewModel(engine);
        settings = screenshot == null ? UserSettings.forUser()
                : UserSettings.in(java.util.prefs.Preferences.userRoot().node("kforge-screenshots"));
        if (screenshot != null && screenshot.theme() != null) {
            settings.themeProperty().set(screenshot.theme());
        }
        window = new MainWindow(stage, editor, settings);
        window.setOnOpenTree(this::chooseTree);
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.show();
        open(initial != null ? initial : screenshot != null ? freshSampleRequest() : sampleRequest());
        if (initial == null && screenshot == null) {
            offerInstalledKernelSource();
        }
    }

    /** With nothing asked for, point at Debian's kernel source package when it is installed. */
    private void offerInstalledKernelSource() {
        KernelSourcesViewModel sources = new KernelSourcesViewModel(KernelSourceArchive.findInstalled(),
                KernelSourceArchive.defaultCacheRoot(), java.util.concurrent.ForkJoinPool.commonPool(),
                Platform::runLater);
        KernelSourceArchive archive = sources.newest();
        if (archive == null) {
            return;
        }
        window.bindBackgroundTask(sources.busyProperty(), sources.progressProperty());
        boolean ready = sources.isExtracted(archive);
        String label = ready ? "Open " + archive.name() : "Extract and open " + archive.name();
        org.controlsfx.control.action.Action action = new org.controlsfx.control.action.Action(label, e ->
                sources.extract(archive).thenAccept(tree -> new OpenTreeDialog(stage, settings,
                        KernelSourcesViewModel.requestFor(tree, java.nio.file.Path.of("").toAbsolutePath()
                                .resolve(".config"))).showAndWait().ifPresent(this::open)));
        org.controlsfx.control.Notifications.create().owner(stage).title("Kernel source installed")
                .text(archive.tarball() + (ready ? " is extracted." : " can be extracted (about 1.4 GB)."))
                .action(action).hideAfter(javafx.util.Duration.seconds(30)).showInformation();
    }

    /** Shows the window for an already-made editor; used by GUI tests and screenshots. */
    public static MainWindow show(Stage stage, EditorViewModel editor, UserSettings settings) {
        MainWindow w = new MainWindow(stage, editor, settings);
        stage.show();
        return w;
    }

    /** The sample with a new .config from its defconfig, whatever the user did to theirs. */
    private static OpenRequest freshSampleRequest() {
        try {
            return OpenRequest.sample(java.nio.file.Files.createTempDirectory("kforge-sample").resolve(".config"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static OpenRequest sampleRequest() {
        return OpenRequest.sample(SampleTree.extract().resolve(".config"));
    }

    private void open(OpenRequest what) {
        window.openTree(what).thenAccept(outcome -> {
            if (screenshot != null) {
                takeScreenshot();
                return;
            }
            if (outcome.opened() != null) {
                settings.remember(what);
            } else if (outcome.fault() != null) {
                org.controlsfx.control.Notifications.create().owner(stage).title("Could not open")
                        .text(outcome.fault()).showError();
            }
        });
    }

    private void takeScreenshot() {
        if (screenshot.select() != null) {
            editor.jumpToSymbol(screenshot.select());
        }
        editor.idle().thenRun(() -> {
            // Two pulses: one to lay out the selection, one to render it.
            javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(
                    javafx.util.Duration.millis(600));
            settle.setOnFinished(e -> {
                PngSnapshot.write(window.scene(), screenshot.file());
                Platform.exit();
            });
            settle.play();
        });
    }

    private void chooseTree() {
        new OpenTreeDialog(stage, settings, null).showAndWait().ifPresent(this::open);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.stopBuilds();
        }
        if (engine != null) {
            engine.shutdown();
        }
    }
}
