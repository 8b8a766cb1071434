package kforge.app.gui.view;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import kforge.app.gui.model.BuildViewModel;
import kforge.app.gui.model.ConfigEntry;
import kforge.app.gui.model.EditorViewModel;
import kforge.app.gui.model.UserSettings;
import kforge.runner.board.BoardProfile;
import kforge.runner.board.BoardProfiles;
import kforge.kconfig.diag.KconfigException;
import org.controlsfx.control.BreadCrumbBar;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.textfield.TextFields;

/** The editor window: menus, tree, info/search/differences tabs and status bar, bound to the view model. */
public final class MainWindow {
    private final Stage stage;
    private final EditorViewModel editor;
    private final UserSettings settings;
    private final ConfigTreeTable tree;
    private final InfoPane info;
    private final SearchPane searchPane;
    private final DiffPane diffPane;
    private final TextField searchField = TextFields.createClearableTextField();
    private final BreadCrumbBar<ConfigEntry> breadcrumb = new BreadCrumbBar<>();
    private final StatusBar statusBar = new StatusBar();
    private final TabPane tabs = new TabPane();
    private final Tab infoTab;
    private final Tab searchTab;
    private final Tab diffTab;
    private final Scene scene;
    private Runnable onOpenTree = () -> { };
    private BuildViewModel build;
    private BuildWindow buildWindow;
    private kforge.app.gui.model.TreePatchesViewModel treePatches;
    private TreePatchesWindow treePatchesWindow;

    public MainWindow(Stage stage, EditorViewModel editor, UserSettings settings) {
        this.stage = stage;
        this.editor = editor;
        this.settings = settings;
        this.tree = new ConfigTreeTable(editor, settings);
        this.info = new InfoPane(name -> editor.jumpToSymbol(name));
        this.searchPane = new SearchPane(editor.search());
        this.diffPane = new DiffPane(editor.diff());
        infoTab = new Tab("Info", info.node());
        searchTab = new Tab("Search", searchPane.node());
        diffTab = new Tab("Differences", diffPane.node());
        for (Tab t : List.of(infoTab, searchTab, diffTab)) {
            t.setClosable(false);
        }
        tabs.getTabs().setAll(List.of(infoTab, searchTab, diffTab));

        BorderPane root = new BorderPane();
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(center());
        root.setBottom(statusBar);
        scene = new Scene(root, 1280, 800);
        applyTheme();
        settings.themeProperty().addListener((o, was, now) -> applyTheme());
        stage.setScene(scene);
        bind();
    }

    public Scene scene() {
        return scene;
    }

    /**
     * Opens a tree in the editor, first asking before its Kconfig runs $(shell,...) commands the user has
     * not let it run (see {@link EditorViewModel#openAskingAboutShellCommands}).
     */
    public java.util.concurrent.CompletableFuture<EditorViewModel.Outcome> openTree(
            kforge.app.gui.model.OpenRequest what) {
        return editor.openAskingAboutShellCommands(what, settings,
                question -> ShellTrustDialog.ask(stage, scene, question));
    }

    /** What "Open kernel tree..." does (the application shows its dialog). */
    public void setOnOpenTree(Runnable action) {
        onOpenTree = action;
    }

    /** Shows a background task (extracting a tree) in the status bar. */
    public void bindBackgroundTask(javafx.beans.value.ObservableBooleanValue busy,
                                   javafx.beans.value.ObservableStringValue message) {
        Label task = new Label();
        task.textProperty().bind(message);
        statusBar.getLeftItems().setAll(task);
        busy.addListener((o, was, now) -> statusBar.setProgress(now ? ProgressIndicator.INDETERMINATE_PROGRESS : 0));
    }

    private void applyTheme() {
        scene.getStylesheets().setAll(settings.stylesheets().stream()
                .map(name -> MainWindow.class.getResource(name).toExternalForm()).toList());
        scene.getRoot().getStyleClass().removeAll(UserSettings.LIGHT, UserSettings.DARK);
        scene.getRoot().getStyleClass().add(settings.themeProperty().get());
    }

    private Node center() {
        searchField.setId("search-field");
        searchField.setPromptText("Search symbols and prompts (regex)  /");
        searchField.textProperty().bindBidirectional(editor.search().queryProperty());
        searchField.textProperty().addListener((o, was, now) -> {
            if (now != null && !now.isEmpty()) {
                tabs.getSelectionModel().select(searchTab);
            }
        });
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                searchPane.table().requestFocus();
                searchPane.table().getSelectionModel().selectFirst();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                tree.node().requestFocus();
                e.consume();
            }
        });
        tree.setOnSearch(() -> {
            searchField.requestFocus();
            searchField.selectAll();
        });
        tree.setOnHelp(this::showHelp);
        breadcrumb.setId("breadcrumb");
        breadcrumb.setAutoNavigationEnabled(false);
        breadcrumb.setOnCrumbAction(e -> {
            ConfigEntry entry = e.getSelectedCrumb().getValue();
            if (entry != null && entry.parent() != null) {
                editor.select(entry);
            }
        });
        HBox.setHgrow(breadcrumb, Priority.ALWAYS);
        VBox left = new VBox(breadcrumb, tree.node());
        VBox.setVgrow(tree.node(), Priority.ALWAYS);
        ProgressIndicator loading = new ProgressIndicator();
        loading.setId("loading");
        var isLoading = editor.phaseProperty().isEqualTo(EditorViewModel.Phase.LOADING);
        loading.visibleProperty().bind(isLoading);
        // An indeterminate spinner animates (a pulse every frame) even while hidden: only spin when loading.
        loading.progressProperty().bind(Bindings.when(isLoading)
                .then(ProgressIndicator.INDETERMINATE_PROGRESS).otherwise(0.0));
        loading.setMaxSize(90, 90);
        StackPane treeStack = new StackPane(left, loading);
        SplitPane split = new SplitPane(treeStack, tabs);
        split.setDividerPositions(0.6);
        return split;
    }

    private MenuBar menuBar() {
        MenuItem open = item("Open Kernel Tree...", "Shortcut+O", () -> onOpenTree.run());
        MenuItem load = item("Load .config...", "Shortcut+L", this::loadConfig);
        MenuItem save = item("Save", "Shortcut+S", () -> editor.save().thenAccept(o -> notifySaved(o.fault())));
        MenuItem saveAs = item("Save As...", "Shortcut+Shift+S", this::saveAs);
        MenuItem saveMinimal = item("Save Minimal (savedefconfig)...", null, this::saveMinimal);
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            if (confirmDiscard()) {
                stage.close();
            }
        });
        Menu file = new Menu("_File", null, open, load, new SeparatorMenuItem(), save, saveAs, saveMinimal,
                new SeparatorMenuItem(), quit);

        MenuItem undo = item("Undo", "Shortcut+Z", editor::undo);
        undo.textProperty().bind(Bindings.concat("Undo ", editor.undoLabelProperty()));
        undo.disableProperty().bind(editor.canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", editor::redo);
        redo.textProperty().bind(Bindings.concat("Redo ", editor.redoLabelProperty()));
        redo.disableProperty().bind(editor.canRedoProperty().not());
        MenuItem find = item("Find...", "Shortcut+F", () -> searchField.requestFocus());
        MenuItem makeItSo = item("Make It So...", "Shortcut+M",
                () -> MakeItSoDialog.open(stage, scene, editor, editor.tree().selectedProperty().get()));
        makeItSo.setId("make-it-so");
        Menu edit = new Menu("_Edit", null, undo, redo, new SeparatorMenuItem(), find, makeItSo);

        CheckMenuItem showAll = new CheckMenuItem("Show All Options");
        showAll.setId("show-all");
        showAll.selectedProperty().bindBidirectional(editor.tree().showAllProperty());
        CheckMenuItem nameColumn = new CheckMenuItem("Symbol Name Column");
        nameColumn.selectedProperty().bindBidirectional(settings.showNameColumnProperty());
        CheckMenuItem valueColumn = new CheckMenuItem("Value Column");
        valueColumn.selectedProperty().bindBidirectional(settings.showValueColumnProperty());
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light Theme");
        RadioMenuItem dark = new RadioMenuItem("Dark Theme");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        light.setSelected(UserSettings.LIGHT.equals(settings.themeProperty().get()));
        dark.setSelected(!light.isSelected());
        light.setOnAction(e -> settings.themeProperty().set(UserSettings.LIGHT));
        dark.setOnAction(e -> settings.themeProperty().set(UserSettings.DARK));
        MenuItem changes = item("Changes Since Load", "Shortcut+D", () -> {
            editor.diff().showChangesSinceLoad();
            tabs.getSelectionModel().select(diffTab);
        });
        MenuItem compare = item("Compare With .config...", null, this::compareWith);
        Menu view = new Menu("_View", null, showAll, nameColumn, valueColumn, new SeparatorMenuItem(), light, dark,
                new SeparatorMenuItem(), changes, compare);

        MenuItem help = item("Help for Selected Option", null, this::showHelp);
        MenuItem keys = item("Keys", null, this::showKeys);
        MenuItem buildPanel = item("Build Panel...", "Shortcut+B", this::showBuildPanel);
        buildPanel.setId("build-panel");
        Menu buildMenu = new Menu("_Build", null, buildPanel);
        MenuItem treePanel = item("Tree & Patches...", "Shortcut+T", this::showTreePatches);
        treePanel.setId("tree-patches");
        Menu treeMenu = new Menu("_Tree", null, treePanel);

        Menu helpMenu = new Menu("_Help", null, help, keys);
        return new MenuBar(file, edit, view, buildMenu, treeMenu, helpMenu);
    }

    private Node toolBar() {
        Label title = new Label();
        title.getStyleClass().add("tree-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            var r = editor.requestProperty().get();
            return r == null ? "" : r.describe();
        }, editor.requestProperty()));
        // The full dialect, with the newest change it has, for whoever wonders what the title's one means.
        javafx.scene.control.Tooltip dialect = new javafx.scene.control.Tooltip();
        dialect.textProperty().bind(Bindings.createStringBinding(() -> {
            var t = editor.openedProperty().get();
            return t == null || t.dialect() == null ? "" : t.dialect().describe();
        }, editor.openedProperty()));
        title.tooltipProperty().bind(Bindings.when(dialect.textProperty().isEmpty())
                .then((javafx.scene.control.Tooltip) null).otherwise(dialect));
        HBox.setHgrow(searchField, Priority.ALWAYS);
        searchField.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.control.CheckBox inHelp = new javafx.scene.control.CheckBox("Help text too");
        inHelp.setId("search-in-help");
        inHelp.selectedProperty().bindBidirectional(editor.search().inHelpProperty());
        return new ToolBar(title, searchField, inHelp);
    }

    private void bind() {
        stage.titleProperty().bind(editor.titleProperty());
        statusBar.textProperty().bind(editor.statusProperty());
        Label modified = new Label();
        modified.setId("modified-marker");
        modified.textProperty().bind(Bindings.when(editor.dirtyProperty()).then("Modified").otherwise(""));
        Label error = new Label();
        error.getStyleClass().add("status-error");
        error.textProperty().bind(editor.errorProperty());
        Label caution = new Label();
        caution.setId("dialect-caution");
        caution.getStyleClass().add("status-error");
        caution.textProperty().bind(Bindings.when(editor.cautionProperty().isEmpty()).then("")
                .otherwise(Bindings.concat("Unverified dialect: ", editor.cautionProperty())));
        // The whole caution in a tooltip: the status bar may cut it short.
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(editor.cautionProperty());
        caution.tooltipProperty().bind(Bindings.when(editor.cautionProperty().isEmpty())
                .then((javafx.scene.control.Tooltip) null).otherwise(whole));
        editor.cautionProperty().addListener((o, was, now) -> notifyCaution(now));
        statusBar.getRightItems().setAll(caution, error, modified);
        editor.infoProperty().addListener((o, was, now) -> showInfo());
        editor.tree().selectedProperty().addListener((o, was, now) -> updateBreadcrumb(now));
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard()) {
                e.consume();
            }
        });
    }

    // ---- the build panel ----

    /** Opens the build panel (made on first use: it reads the board profiles). */
    void showBuildPanel() {
        if (buildWindow == null) {
            if (build == null) {
                useBuildViewModel(new BuildViewModel(settings, boardProfiles(), System.getenv(), "make",
                        java.util.concurrent.ForkJoinPool.commonPool(), javafx.application.Platform::runLater));
            }
            buildWindow = new BuildWindow(stage, build, settings);
        }
        buildWindow.show();
    }

    /** Builds with this view model instead of one over the real environment (tests build a fake kernel). */
    void useBuildViewModel(BuildViewModel model) {
        build = model;
        build.followEditor(editor);
    }

    BuildWindow buildWindow() {
        return buildWindow;
    }

    // ---- the Tree & Patches panel ----

    /** Opens the Tree &amp; Patches panel, made on first use, on the editor's tree. */
    void showTreePatches() {
        if (treePatchesWindow == null) {
            if (treePatches == null) {
                useTreePatchesViewModel(new kforge.app.gui.model.TreePatchesViewModel(boardProfiles(),
                        kforge.app.gui.model.TreePatchesViewModel.newBackgroundThread(),
                        javafx.application.Platform::runLater));
            }
            treePatchesWindow = new TreePatchesWindow(stage, treePatches, settings);
        }
        treePatchesWindow.show();
    }

    /** Works with this view model (tests give one on a tree of their own). */
    void useTreePatchesViewModel(kforge.app.gui.model.TreePatchesViewModel model) {
        treePatches = model;
        treePatches.followEditor(editor);
    }

    TreePatchesWindow treePatchesWindow() {
        return treePatchesWindow;
    }

    /** Cancels a running build: make runs in a session of its own and would outlive the application. */
    public void stopBuilds() {
        if (build != null) {
            build.cancel();
        }
    }

    /** The built-in and the user's profiles; a broken user profile is reported and the built-ins still offered. */
    private List<BoardProfile> boardProfiles() {
        try {
            return BoardProfiles.withUserProfiles(BoardProfiles.userDirectory(System.getenv())).all();
        } catch (KconfigException e) {
            Notifications.create().owner(stage).title("Board profiles").text(e.getMessage()).showError();
            return BoardProfiles.builtIn().all();
        }
    }

    private void showInfo() {
        info.show(editor.infoProperty().get());
        tabs.getSelectionModel().select(infoTab);
    }

    private void updateBreadcrumb(ConfigEntry entry) {
        if (entry == null) {
            breadcrumb.setSelectedCrumb(null);
            return;
        }
        java.util.LinkedList<ConfigEntry> path = new java.util.LinkedList<>();
        for (ConfigEntry e = entry; e != null && e.parent() != null; e = e.parent()) {
            path.addFirst(e);
        }
        TreeItem<ConfigEntry> crumb = BreadCrumbBar.buildTreeModel(path.toArray(ConfigEntry[]::new));
        breadcrumb.setSelectedCrumb(crumb);
    }

    void showHelp() {
        var current = editor.infoProperty().get();
        if (current == null) {
            return;
        }
        TextArea text = new TextArea(current.confHelp());
        text.setEditable(false);
        text.setWrapText(false);
        text.getStyleClass().add("help-text");
        text.setPrefSize(720, 420);
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle("Help");
        alert.setHeaderText(current.title());
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().getStylesheets().setAll(scene.getStylesheets());
        alert.show();
    }

    private void showKeys() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(stage);
        alert.setTitle("Keys");
        alert.setHeaderText("menuconfig's keys");
        alert.setContentText("Y / M / N   set the value\nSpace   cycle the value\nEnter   open a menu, edit a value\n"
                + "Esc   back to the enclosing menu\n/   search\n?   help\nZ   show all options\n"
                + "Ctrl+Z / Ctrl+Shift+Z   undo / redo\nCtrl+S   save");
        alert.show();
    }

    private boolean confirmDiscard() {
        if (!editor.isDirty()) {
            return true;
        }
        ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The configuration has unsaved changes.",
                saveButton, discard, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setHeaderText("Save changes before closing?");
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return false;
        }
        if (answer.get() == saveButton) {
            return editor.save().join().fault() == null;
        }
        return true;
    }

    private void loadConfig() {
        File f = chooser("Load .config").showOpenDialog(stage);
        if (f != null && confirmDiscard()) {
            editor.load(f.toPath());
        }
    }

    private void saveAs() {
        File f = chooser("Save .config as").showSaveDialog(stage);
        if (f != null) {
            editor.saveAs(f.toPath()).thenAccept(o -> notifySaved(o.fault()));
        }
    }

    private void saveMinimal() {
        FileChooser c = chooser("Save minimal configuration (defconfig)");
        c.setInitialFileName("defconfig");
        File f = c.showSaveDialog(stage);
        if (f != null) {
            editor.saveMinimal(f.toPath()).thenAccept(o -> notifySaved(o.fault()));
        }
    }

    private void compareWith() {
        File f = chooser("Compare with .config").showOpenDialog(stage);
        if (f != null) {
            editor.diff().compareWith(f.toPath());
            tabs.getSelectionModel().select(diffTab);
        }
    }

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        Path current = editor.configFileProperty().get();
        if (current != null && current.getParent() != null && current.getParent().toFile().isDirectory()) {
            c.setInitialDirectory(current.getParent().toFile());
        }
        return c;
    }

    /** Once per tree whose dialect is not verified: the status bar keeps saying so, this makes sure it is seen. */
    private void notifyCaution(String caution) {
        if (caution == null || caution.isEmpty() || !stage.isShowing()) {
            return;
        }
        Notifications.create().owner(stage).title("Kconfig dialect not verified").text(caution)
                .hideAfter(javafx.util.Duration.seconds(10)).showWarning();
    }

    private void notifySaved(String fault) {
        if (!stage.isShowing()) {
            return;
        }
        Notifications n = Notifications.create().owner(stage).hideAfter(javafx.util.Duration.seconds(3));
        if (fault == null) {
            n.title("Saved").text(editor.statusProperty().get()).showInformation();
        } else {
            n.title("Not saved").text(fault).showError();
        }
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
