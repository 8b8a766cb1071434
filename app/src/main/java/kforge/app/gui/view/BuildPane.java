package kforge.app.gui.view;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import kforge.app.gui.model.BuildChoices;
import kforge.app.gui.model.BuildViewModel;
import kforge.app.gui.model.ConfigSource;
import kforge.app.gui.model.TargetChoice;
import kforge.app.gui.model.ToolchainStatus;
import kforge.app.gui.model.UserSettings;
import kforge.runner.board.BoardProfile;
import kforge.runner.diag.Diagnostic;
import kforge.runner.wrapper.CompilerWrapper;
import kforge.runner.record.BuildStatus;

/**
 * The build panel: what to build on top (board and its toolchain, tree, out dir, .config and what it
 * merges, targets, jobs, compiler wrapper), Start/Boot/Cancel with the progress bar, then the live log over the diagnostics, artifacts, history and
 * unmet values. It only binds to the view model; a diagnostic opens in a {@link SourceViewer}.
 */
final class BuildPane {
    private final BuildViewModel build;
    private final BuildChoices choices;
    private final UserSettings settings;
    private final BorderPane pane = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Tab diagnosticsTab;
    private final Tab artifactsTab;
    private final Tab unmetTab;
    /** Held here: a bidirectional binding only keeps weak references, and this adapter has no other owner. */
    private final ObjectProperty<Integer> jobs;
    private Window owner;

    BuildPane(BuildViewModel build, UserSettings settings) {
        this.build = build;
        this.choices = build.choices();
        this.settings = settings;
        this.jobs = choices.jobsProperty().asObject();
        BuildLogView log = new BuildLogView(build.log(), this::open);
        diagnosticsTab = tab("Diagnostics", BuildTables.diagnostics(build, this::open), build.diagnostics());
        artifactsTab = tab("Artifacts", BuildTables.artifacts(build), build.artifacts());
        unmetTab = tab("Unmet Values", BuildTables.unmet(build), build.unmet());
        tabs.getTabs().setAll(diagnosticsTab, artifactsTab, tab("History", BuildTables.history(build),
                build.history()), unmetTab);
        SplitPane split = new SplitPane(log.node(), tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        pane.getStyleClass().add("build-pane");
        pane.setTop(new VBox(form(), controls()));
        pane.setCenter(split);
        showOutcome();
    }

    Node node() {
        return pane;
    }

    /** The window that owns choosers and source viewers. */
    void setOwner(Window window) {
        owner = window;
    }

    // ---- the form ----

    private Node form() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("build-form");
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        grid.addRow(0, new Label("Board"), boardRow());
        grid.addRow(1, new Label("Toolchain"), toolchainLabel());
        grid.addRow(2, new Label("Kernel tree"), pathRow("build-tree", choices.treeProperty(), "Choose...",
                this::chooseTree));
        grid.addRow(3, new Label("Out dir"), pathRow("build-out-dir", choices.outDirProperty(), "Choose...",
                this::chooseOutDir));
        grid.addRow(4, new Label(".config"), configRow());
        grid.addRow(5, new Label("Merge"), mergeRow());
        grid.addRow(6, new Label("Targets"), targetsRow());
        grid.disableProperty().bind(build.runningProperty());
        return grid;
    }

    private Node boardRow() {
        ComboBox<BoardProfile> boards = new ComboBox<>(choices.boards());
        boards.setId("build-board");
        boards.valueProperty().bindBidirectional(choices.boardProperty());
        boards.setCellFactory(l -> new BoardCell());
        boards.setButtonCell(new BoardCell());
        Label description = new Label();
        description.getStyleClass().add("board-description");
        description.textProperty().bind(Bindings.createStringBinding(() -> {
            BoardProfile b = choices.boardProperty().get();
            return b == null ? "" : b.description() + "  (ARCH=" + b.arch()
                    + (b.crossCompile().isEmpty() ? "" : ", CROSS_COMPILE=" + b.crossCompile()) + ")";
        }, choices.boardProperty()));
        return new HBox(8, boards, description);
    }

    private Node toolchainLabel() {
        Label toolchain = new Label();
        toolchain.setId("build-toolchain");
        toolchain.setWrapText(true);
        Runnable update = () -> {
            ToolchainStatus s = choices.toolchainProperty().get();
            toolchain.setText(s.text());
            toolchain.getStyleClass().removeAll("toolchain-found", "toolchain-missing");
            toolchain.getStyleClass().add(s.found() ? "toolchain-found" : "toolchain-missing");
        };
        choices.toolchainProperty().addListener((o, was, now) -> update.run());
        update.run();
        return toolchain;
    }

    private Node pathRow(String id, javafx.beans.value.ObservableValue<Path> path, String button, Runnable choose) {
        Label shown = new Label();
        shown.setId(id);
        shown.getStyleClass().add("build-path");
        shown.textProperty().bind(Bindings.createStringBinding(() -> path.getValue() == null ? "(none)"
                : path.getValue().toString(), path));
        Button change = new Button(button);
        change.setOnAction(e -> choose.run());
        return new HBox(8, shown, change);
    }

    private Node configRow() {
        ToggleGroup group = new ToggleGroup();
        RadioButton board = radio("From the board profile", "config-board", ConfigSource.BOARD_PROFILE, group);
        RadioButton editor = radio("The editor's .config", "config-editor", ConfigSource.EDITOR, group);
        RadioButton file = radio("This file:", "config-file", ConfigSource.FILE, group);
        editor.disableProperty().bind(choices.editorHasTreeProperty().not());
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                choices.configSourceProperty().set((ConfigSource) now.getUserData());
            }
        });
        choices.configSourceProperty().addListener((o, was, now) -> selectSource(group, now));
        selectSource(group, choices.configSourceProperty().get());
        Node fileRow = pathRow("build-config-file", choices.configFileProperty(), "Choose...", this::chooseConfig);
        CheckBox allowUnmet = new CheckBox("Build even if requested values do not hold");
        allowUnmet.setId("allow-unmet");
        allowUnmet.selectedProperty().bindBidirectional(choices.allowUnmetProperty());
        allowUnmet.disableProperty().bind(choices.configSourceProperty().isNotEqualTo(ConfigSource.BOARD_PROFILE));
        Label warning = new Label();
        warning.setId("build-warning");
        warning.getStyleClass().add("build-warning");
        warning.textProperty().bind(choices.warningProperty());
        warning.managedProperty().bind(warning.textProperty().isNotEmpty());
        return new VBox(4, new HBox(12, board, allowUnmet), editor, new HBox(8, file, fileRow), warning);
    }

    /** What the board-profile .config merges in, as kforge build's -n, --fragment and --set. */
    private Node mergeRow() {
        CheckBox allnoconfig = new CheckBox("Over allnoconfig (a small kernel)");
        allnoconfig.setId("build-allnoconfig");
        allnoconfig.selectedProperty().bindBidirectional(choices.fromAllnoconfigProperty());
        ListView<Path> fragments = new ListView<>(choices.fragments());
        fragments.setId("build-fragments");
        fragments.setPrefHeight(56);
        fragments.setPlaceholder(new Label("No fragments"));
        Button add = new Button("Add Fragment...");
        add.setId("build-add-fragment");
        add.setOnAction(e -> chooseFragment());
        Button remove = new Button("Remove");
        remove.setId("build-remove-fragment");
        remove.disableProperty().bind(fragments.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> choices.fragments().remove(fragments.getSelectionModel().getSelectedItem()));
        TextField values = new TextField();
        values.setId("build-values");
        values.setPromptText("SYMBOL=VALUE ... (as --set)");
        values.textProperty().bindBidirectional(choices.valuesTextProperty());
        HBox.setHgrow(values, Priority.ALWAYS);
        HBox.setHgrow(fragments, Priority.ALWAYS);
        ChoiceBox<CompilerWrapper> wrapper = new ChoiceBox<>(FXCollections.observableArrayList(CompilerWrapper.values()));
        wrapper.setId("build-wrapper");
        wrapper.setConverter(new StringConverter<>() {
            @Override
            public String toString(CompilerWrapper w) {
                return w == null || w == CompilerWrapper.NONE ? "no wrapper" : w.label();
            }

            @Override
            public CompilerWrapper fromString(String text) {
                return "no wrapper".equals(text) ? CompilerWrapper.NONE : CompilerWrapper.parse(text);
            }
        });
        wrapper.valueProperty().bindBidirectional(choices.wrapperProperty());
        Node merge = new VBox(4, new HBox(12, allnoconfig, new Label("Values"), values),
                new HBox(8, fragments, new VBox(4, add, remove)));
        merge.disableProperty().bind(choices.configSourceProperty().isNotEqualTo(ConfigSource.BOARD_PROFILE));
        return new HBox(12, merge, new Label("Compiler wrapper"), wrapper);
    }

    private void chooseFragment() {
        FileChooser c = new FileChooser();
        c.setTitle("Config fragment to merge");
        File f = c.showOpenDialog(owner);
        if (f != null) {
            choices.fragments().add(f.toPath());
        }
    }

    private static RadioButton radio(String text, String id, ConfigSource source, ToggleGroup group) {
        RadioButton r = new RadioButton(text);
        r.setId(id);
        r.setUserData(source);
        r.setToggleGroup(group);
        return r;
    }

    private static void selectSource(ToggleGroup group, ConfigSource source) {
        for (Toggle t : group.getToggles()) {
            if (t.getUserData() == source) {
                group.selectToggle(t);
            }
        }
    }

    private Node targetsRow() {
        FlowPane targets = new FlowPane(10, 4);
        targets.setId("build-targets");
        Runnable fill = () -> targets.getChildren().setAll(choices.targets().stream().map(BuildPane::checkBox)
                .toList());
        choices.targets().addListener((ListChangeListener<TargetChoice>) c -> fill.run());
        fill.run();
        Spinner<Integer> jobsSpinner = new Spinner<>(1, 1024, choices.jobsProperty().get());
        jobsSpinner.setId("build-jobs");
        jobsSpinner.setEditable(true);
        jobsSpinner.setPrefWidth(90);
        jobsSpinner.getValueFactory().valueProperty().bindBidirectional(jobs);
        HBox.setHgrow(targets, Priority.ALWAYS);
        return new HBox(12, targets, new Label("Jobs (-j)"), jobsSpinner);
    }

    private static CheckBox checkBox(TargetChoice target) {
        CheckBox box = new CheckBox(target.name());
        box.setMnemonicParsing(false);  // an underscore is part of the name: modules_install
        box.setId("target-" + target.name());
        box.selectedProperty().bindBidirectional(target.selectedProperty());
        return box;
    }

    // ---- start, cancel, progress ----

    private Node controls() {
        Button start = new Button("Start");
        start.setId("build-start");
        start.setDefaultButton(true);
        start.disableProperty().bind(build.runningProperty());
        start.setOnAction(e -> build.start());
        Button boot = new Button("Boot");
        boot.setId("build-boot");
        boot.setTooltip(new Tooltip("Build what is missing, then boot it with a test init (kforge boot)"));
        boot.disableProperty().bind(build.runningProperty());
        boot.setOnAction(e -> build.boot());
        Button cancel = new Button("Cancel");
        cancel.setId("build-cancel");
        cancel.disableProperty().bind(build.runningProperty().not());
        cancel.setOnAction(e -> build.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("build-progress");
        progress.setPrefWidth(260);
        // An indeterminate bar animates every frame even when idle: only let it when a build runs.
        progress.progressProperty().bind(Bindings.when(build.runningProperty().or(
                build.progressProperty().greaterThanOrEqualTo(0))).then(build.progressProperty()).otherwise(0.0));
        Label progressText = new Label();
        progressText.setId("build-progress-text");
        progressText.textProperty().bind(build.progressTextProperty());
        Label message = new Label();
        message.setId("build-message");
        message.getStyleClass().add("build-message");
        message.textProperty().bind(build.messageProperty());
        Label error = new Label();
        error.setId("build-error");
        error.getStyleClass().add("inline-error");
        error.textProperty().bind(build.errorProperty());
        error.managedProperty().bind(build.errorProperty().isNotEmpty());
        HBox row = new HBox(8, start, boot, cancel, progress, progressText, message);
        row.getStyleClass().add("build-controls");
        row.setPadding(new Insets(0, 8, 4, 8));
        VBox box = new VBox(2, row, error);
        VBox.setMargin(error, new Insets(0, 8, 4, 8));
        return box;
    }

    /** Brings forward the tab the outcome is about: the artifacts of a pass, the errors, or the unmet values. */
    private void showOutcome() {
        build.statusProperty().addListener((o, was, now) -> {
            if (now == BuildStatus.PASS) {
                tabs.getSelectionModel().select(artifactsTab);
            } else if (now != null) {
                tabs.getSelectionModel().select(diagnosticsTab);
            }
        });
        build.unmet().addListener((ListChangeListener<Object>) c -> {
            if (!build.unmet().isEmpty() && build.statusProperty().get() == null) {
                tabs.getSelectionModel().select(unmetTab);
            }
        });
    }

    // ---- choosers and the source viewer ----

    private void chooseTree() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Kernel source tree");
        initialDirectory(choices.treeProperty().get(), c::setInitialDirectory);
        File f = c.showDialog(owner);
        if (f != null) {
            choices.treeProperty().set(f.toPath());
        }
    }

    private void chooseOutDir() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Out dir for " + (choices.boardProperty().get() == null ? "the board"
                : choices.boardProperty().get().name()) + " (make O=)");
        initialDirectory(choices.outDirProperty().get(), c::setInitialDirectory);
        File f = c.showDialog(owner);
        if (f != null) {
            choices.chooseOutDir(f.toPath());
        }
    }

    private void chooseConfig() {
        FileChooser c = new FileChooser();
        c.setTitle(".config to build with");
        Path current = choices.configFileProperty().get();
        initialDirectory(current == null ? null : current.getParent(), c::setInitialDirectory);
        File f = c.showOpenDialog(owner);
        if (f != null) {
            choices.configFileProperty().set(f.toPath());
            choices.configSourceProperty().set(ConfigSource.FILE);
        }
    }

    private static void initialDirectory(Path path, java.util.function.Consumer<File> set) {
        for (Path p = path; p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                set.accept(p.toFile());
                return;
            }
        }
    }

    private void open(Diagnostic diagnostic) {
        build.openSource(diagnostic).thenAccept(found -> found.ifPresent(source ->
                SourceViewer.show(owner, source, settings)));
    }

    /** A tab titled with how many rows its table has, so a warning is noticed without opening it. */
    private static Tab tab(String title, Node content, javafx.collections.ObservableList<?> rows) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        t.textProperty().bind(Bindings.when(Bindings.isEmpty(rows)).then(title)
                .otherwise(Bindings.concat(title, " (", Bindings.size(rows), ")")));
        return t;
    }

    private static final class BoardCell extends ListCell<BoardProfile> {
        @Override
        protected void updateItem(BoardProfile board, boolean empty) {
            super.updateItem(board, empty);
            setText(empty || board == null ? null : board.name());
        }
    }
}
