package kforge.app.gui.view;


import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import kforge.app.gui.model.EditorViewModel;
import kforge.app.gui.model.EngineThread;
import kforge.app.gui.model.OpenRequest;
import kforge.app.gui.model.SampleTree;
import kforge.app.gui.model.UserSettings;

/** The JavaFX application: one editor window; what it opens first comes from {@link #launch(OpenRequest)}. */
public final class KforgeApplication extends Application {
    private static volatile OpenRequest initial;

    private EngineThread engine;
    private EditorViewModel editor;
    private UserSettings settings;
    private MainWindow window;
    private Stage stage;

    /** Starts the GUI (blocking until its window closes); null opens the bundled sample tree. */
    public static void launch(OpenRequest what) {
        initial = what;
        Application.launch(KforgeApplication.class);
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        engine = EngineThread.background(Platform::runLater);
        editor = new EditorViewModel(engine);
        settings = UserSettings.forUser();
        window = new MainWindow(stage, editor, settings);
        window.setOnOpenTree(this::chooseTree);
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.show();
        open(initial != null ? initial : sampleRequest());
    }

    /** Shows the window for an already-made editor; used by GUI tests and screenshots. */
    public static MainWindow show(Stage stage, EditorViewModel editor, UserSettings settings) {
        MainWindow w = new MainWindow(stage, editor, settings);
        stage.show();
        return w;
    }

    static OpenRequest sampleRequest() {
        return OpenRequest.sample(SampleTree.extract().resolve(".config"));
    }

    private void open(OpenRequest what) {
        editor.open(what).thenAccept(outcome -> {
            if (outcome.fault() == null) {
                settings.remember(what);
            } else {
                org.controlsfx.control.Notifications.create().owner(stage).title("Could not open")
                        .text(outcome.fault()).showError();
            }
        });
    }

    private void chooseTree() {
        new OpenTreeDialog(stage, settings, null).showAndWait().ifPresent(this::open);
    }

    @Override
    public void stop() {
        if (engine != null) {
            engine.shutdown();
        }
    }
}
