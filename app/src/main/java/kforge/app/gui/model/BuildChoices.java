package kforge.app.gui.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kforge.runner.board.BoardProfile;
import kforge.runner.config.BoardConfig;
import kforge.runner.wrapper.CompilerWrapper;

/**
 * What to build, as the panel's form holds it: board, tree, out dir, where the .config comes from,
 * targets and jobs, and whether the board's toolchain is there. UI thread only; a Start takes a
 * {@link BuildPlan} copy of it.
 */
public final class BuildChoices {
    private final UserSettings settings;
    private final Map<String, String> environment;
    private final Executor background;
    private final Executor ui;
    private final BoardChoice boardChoice;
    private final ObjectProperty<BoardProfile> board;
    private final ObjectProperty<Path> tree = new SimpleObjectProperty<>(this, "tree");
    private final ReadOnlyObjectWrapper<Path> outDir = new ReadOnlyObjectWrapper<>(this, "outDir");
    private final ObservableList<TargetChoice> targets = FXCollections.observableArrayList();
    private final ObjectProperty<ConfigSource> configSource =
            new SimpleObjectProperty<>(this, "configSource", ConfigSource.BOARD_PROFILE);
    private final ObjectProperty<Path> configFile = new SimpleObjectProperty<>(this, "configFile");
    private final BooleanProperty allowUnmet = new SimpleBooleanProperty(this, "allowUnmet");
    private final ObservableList<Path> fragments = FXCollections.observableArrayList();
    private final StringProperty valuesText = new SimpleStringProperty(this, "valuesText", "");
    private final BooleanProperty fromAllnoconfig = new SimpleBooleanProperty(this, "fromAllnoconfig");
    private final ObjectProperty<CompilerWrapper> wrapper =
            new SimpleObjectProperty<>(this, "wrapper", CompilerWrapper.NONE);
    private final IntegerProperty jobs =
            new SimpleIntegerProperty(this, "jobs", Runtime.getRuntime().availableProcessors());
    private final ReadOnlyObjectWrapper<OpenRequest> editorRequest = new ReadOnlyObjectWrapper<>(this, "editor");
    private final ReadOnlyBooleanWrapper editorHasTree = new ReadOnlyBooleanWrapper(this, "editorHasTree");
    private final ReadOnlyObjectWrapper<ToolchainStatus> toolchain =
            new ReadOnlyObjectWrapper<>(this, "toolchain", new ToolchainStatus(false, ""));
    private final AtomicLong probes = new AtomicLong();
    private final StringBinding warning;

    BuildChoices(UserSettings settings, List<BoardProfile> boards, Map<String, String> environment,
                 Executor background, Executor ui) {
        this.settings = settings;
        this.environment = Map.copyOf(environment);
        this.background = background;
        this.ui = ui;
        this.boardChoice = new BoardChoice(this, boards);
        this.board = boardChoice.board();
        board.addListener((o, was, now) -> boardChanged(now));
        warning = Bindings.createStringBinding(this::currentWarning, board, configSource, editorRequest);
        boardChoice.selectFirst();
    }

    // ---- the form ----

    public ObservableList<BoardProfile> boards() {
        return boardChoice.boards();
    }

    public ObjectProperty<BoardProfile> boardProperty() {
        return board;
    }

    /** Selects a board by name; false when there is none of that name. */
    public boolean selectBoard(String name) {
        return boardChoice.select(name);
    }

    /** The kernel source tree; follows the editor's tree when it opens one. */
    public ObjectProperty<Path> treeProperty() {
        return tree;
    }

    /** make's O=, remembered per board in the user's settings. */
    public ReadOnlyObjectProperty<Path> outDirProperty() {
        return outDir.getReadOnlyProperty();
    }

    /** The user chose another out dir for the current board: use it, and remember it for next time. */
    public void chooseOutDir(Path dir) {
        Path chosen = dir.toAbsolutePath().normalize();
        outDir.set(chosen);
        if (board.get() != null) {
            settings.setBuildOutDir(board.get().name(), chosen);
        }
    }

    /** The targets offered for the board, in the order make runs them. */
    public ObservableList<TargetChoice> targets() {
        return targets;
    }

    /** Ticks exactly the named targets (those not offered are ignored). */
    public void selectTargets(List<String> names) {
        for (TargetChoice t : targets) {
            t.selectedProperty().set(names.contains(t.name()));
        }
    }

    public ObjectProperty<ConfigSource> configSourceProperty() {
        return configSource;
    }

    /** The .config to copy for {@link ConfigSource#FILE}. */
    public ObjectProperty<Path> configFileProperty() {
        return configFile;
    }

    /** Build even when values the board asks for did not hold (as --allow-unmet). */
    public BooleanProperty allowUnmetProperty() {
        return allowUnmet;
    }

    /** Fragments merged in order over the board's defconfig, as --fragment (board-profile .config only). */
    public ObservableList<Path> fragments() {
        return fragments;
    }

    /** SYMBOL=VALUE settings, separated by spaces or lines, merged after the fragments as --set. */
    public StringProperty valuesTextProperty() {
        return valuesText;
    }

    /** Merge over allnoconfig instead of the board's defconfig, as -n: a small kernel. */
    public BooleanProperty fromAllnoconfigProperty() {
        return fromAllnoconfig;
    }

    /** The compiler wrapper, as --wrapper. */
    public ObjectProperty<CompilerWrapper> wrapperProperty() {
        return wrapper;
    }

    /** The settings as kforge --set takes them, one per word. */
    List<String> values() {
        String text = valuesText.get() == null ? "" : valuesText.get().strip();
        return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
    }

    public IntegerProperty jobsProperty() {
        return jobs;
    }

    /** Whether the editor has a kernel tree open, so that its .config can be built. */
    public ReadOnlyBooleanProperty editorHasTreeProperty() {
        return editorHasTree.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ToolchainStatus> toolchainProperty() {
        return toolchain.getReadOnlyProperty();
    }

    /** Something that will not stop the build but may surprise: e.g. the editor's .config is for another ARCH. */
    public StringBinding warningProperty() {
        return warning;
    }

    // ---- following the editor ----

    /**
     * Tracks what the editor has open: its tree becomes the tree to build and, being what the user is
     * working on, its .config becomes the default source.
     */
    void followEditor(ObservableValue<OpenRequest> request) {
        request.addListener((o, was, now) -> editorOpened(now));
        editorOpened(request.getValue());
    }

    private void editorOpened(OpenRequest request) {
        editorRequest.set(request);
        boolean kernelTree = request != null && !request.isSample();
        editorHasTree.set(kernelTree);
        if (kernelTree) {
            tree.set(request.tree());
            configSource.set(ConfigSource.EDITOR);
        } else if (configSource.get() == ConfigSource.EDITOR) {
            configSource.set(ConfigSource.BOARD_PROFILE);
        }
    }

    private String currentWarning() {
        OpenRequest r = editorRequest.get();
        BoardProfile b = board.get();
        if (configSource.get() != ConfigSource.EDITOR || r == null || b == null || r.arch() == null
                || r.arch().isEmpty() || r.arch().equals(b.arch())) {
            return "";
        }
        return "The editor's .config is for ARCH=" + r.arch() + "; " + b.name() + " builds ARCH=" + b.arch() + ".";
    }

    // ---- the board ----

    private void boardChanged(BoardProfile now) {
        targets.setAll(now == null ? List.of() : TargetChoice.offered(now));
        outDir.set(now == null ? null : settings.buildOutDir(now.name()));
        refreshToolchain();
    }

    /** Looks for the board's compiler in the background; completes on the UI thread with what was found. */
    public CompletableFuture<ToolchainStatus> refreshToolchain() {
        BoardProfile b = board.get();
        if (b == null) {
            toolchain.set(new ToolchainStatus(false, ""));
            return CompletableFuture.completedFuture(toolchain.get());
        }
        long mine = probes.incrementAndGet();
        toolchain.set(ToolchainStatus.checking(b.crossCompile()));
        return CompletableFuture.supplyAsync(() -> ToolchainStatus.probe(b.crossCompile(), environment), background)
                .thenApplyAsync(found -> {
                    if (mine == probes.get()) {
                        toolchain.set(found);
                    }
                    return found;
                }, ui);
    }

    // ---- starting ----

    /** Why Start cannot go ahead as things stand, or null when it can. */
    String refusal() {
        BoardProfile b = board.get();
        Path t = tree.get();
        Path out = outDir.get();
        if (b == null) {
            return "Choose a board.";
        }
        if (t == null || !Files.isDirectory(t)) {
            return "Choose the kernel tree to build.";
        }
        if (out == null) {
            return "Choose the out dir.";
        }
        Path realTree = t.toAbsolutePath().normalize();
        if (out.toAbsolutePath().normalize().startsWith(realTree)) {
            return "The out dir " + out + " is inside the kernel tree; choose one outside it (make O= keeps the"
                    + " tree clean).";
        }
        if (selectedTargets().isEmpty()) {
            return "Tick at least one target.";
        }
        if (configSource.get() == ConfigSource.EDITOR && !editorHasTree.get()) {
            return "The editor has no kernel tree open; make the .config from the board profile instead.";
        }
        if (configSource.get() == ConfigSource.FILE
                && (configFile.get() == null || !Files.isRegularFile(configFile.get()))) {
            return "Choose the .config file to build with.";
        }
        return null;
    }

    /** Why Boot cannot go ahead as things stand, or null when it can. */
    String bootRefusal() {
        BoardProfile b = board.get();
        if (b != null && b.cannotBoot() != null) {
            return b.cannotBoot();
        }
        String refusal = refusal();
        return refusal == null || !refusal.equals("Tick at least one target.") ? refusal : null;
    }

    /**
     * A copy of the choices for the build thread; editorText is the editor's .config for EDITOR. A boot
     * builds the profile's targets, which make what it boots.
     */
    BuildPlan plan(String editorText, boolean boot) {
        BoardProfile b = board.get();
        List<String> chosen = boot ? b.targets() : selectedTargets();
        values().forEach(BoardConfig::requireSetting);
        return new BuildPlan(b, tree.get().toAbsolutePath().normalize(), outDir.get(), chosen,
                chosen.equals(b.targets()), Math.max(1, jobs.get()), configSource.get(), configFile.get(),
                editorText, allowUnmet.get(), fragments, values(), fromAllnoconfig.get(), wrapper.get(), boot);
    }

    List<String> selectedTargets() {
        return targets.stream().filter(TargetChoice::isSelected).map(TargetChoice::name).toList();
    }
}
