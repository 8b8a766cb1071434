package kforge.app.gui.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.model.Menu;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.PropertyType;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.Tristate;

/**
 * The configuration editor's state and commands, without any window: the tree, the info for the
 * selected entry, search, differences, undo/redo and the file. Engine work runs on the engine thread;
 * results land in these properties on the UI thread.
 */
public final class EditorViewModel {
    public enum Phase { EMPTY, LOADING, READY, FAILED }

    private final EngineThread engine;
    private final Map<String, String> baseEnvironment;
    private final ConfigTree tree;
    private final SearchViewModel search;
    private final DiffViewModel diff;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.EMPTY);
    private final ReadOnlyObjectWrapper<EntryInfo> info = new ReadOnlyObjectWrapper<>(this, "info");
    private final ReadOnlyObjectWrapper<OpenRequest> request = new ReadOnlyObjectWrapper<>(this, "request");
    private final ReadOnlyObjectWrapper<OpenedTree> opened = new ReadOnlyObjectWrapper<>(this, "opened");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "kforge");
    private final ReadOnlyStringWrapper caution = new ReadOnlyStringWrapper(this, "caution", "");
    private final ReadOnlyObjectWrapper<Path> configFile = new ReadOnlyObjectWrapper<>(this, "configFile");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<String> messages = FXCollections.observableArrayList();

    // Engine thread only.
    private ConfigSession session;
    private final History history = new History();
    private String loadedText = "";

    /** An editor whose trees are opened in this process's environment, as make would be started from it. */
    public EditorViewModel(EngineThread engine) {
        this(engine, System.getenv());
    }

    /**
     * An editor whose trees are opened as if make were started in {@code baseEnvironment} (tests give the
     * reference trees' make environment, with KCONFIG_NOTIMESTAMP=1, to compare files byte for byte).
     */
    public EditorViewModel(EngineThread engine, Map<String, String> baseEnvironment) {
        this.engine = engine;
        this.baseEnvironment = Map.copyOf(baseEnvironment);
        title.bind(Bindings.createStringBinding(() -> windowTitle(opened.get(), configFile.get(), dirty.get()),
                opened, configFile, dirty));
        this.tree = new ConfigTree(engine);
        this.search = new SearchViewModel(engine, this);
        this.diff = new DiffViewModel(engine, this);
        tree.selectedProperty().addListener((obs, was, now) -> describe(now));
    }

    // ---- properties ----

    public ConfigTree tree() {
        return tree;
    }

    public SearchViewModel search() {
        return search;
    }

    public DiffViewModel diff() {
        return diff;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EntryInfo> infoProperty() {
        return info.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OpenRequest> requestProperty() {
        return request.getReadOnlyProperty();
    }

    /** The open tree with its kernel version and Kconfig dialect; null until one is loaded. */
    public ReadOnlyObjectProperty<OpenedTree> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    /**
     * The window's title: "* kforge — linux-source-6.12 (Linux 6.12.117, Kconfig dialect of Linux 6.12) —
     * /work/.config", the star while there are unsaved edits.
     */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /**
     * What to know before trusting the result on this tree (its dialect was not compared with that release's
     * conf, or the release is newer or older than kforge knows); empty for verified releases and the sample.
     */
    public ReadOnlyStringProperty cautionProperty() {
        return caution.getReadOnlyProperty();
    }

    static String windowTitle(OpenedTree tree, Path file, boolean unsaved) {
        StringBuilder text = new StringBuilder(unsaved ? "* " : "").append("kforge");
        if (tree != null) {
            text.append(" \u2014 ").append(tree.label());
        }
        if (file != null) {
            text.append(" \u2014 ").append(file);
        }
        return text.toString();
    }

    public ReadOnlyObjectProperty<Path> configFileProperty() {
        return configFile.getReadOnlyProperty();
    }

    /** Edits not yet saved (undoing back to the saved state clears it). */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }

    /** The last thing that happened, for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last command was refused (a value out of range, an unreadable file...); empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Warnings the engine printed while loading, as conf would have printed them. */
    public ObservableList<String> messages() {
        return messages;
    }

    /** Completes when all work submitted so far is done and applied. */
    public CompletableFuture<Void> idle() {
        return engine.idle();
    }

    // ---- opening and files ----

    /**
     * Parses the tree and reads the .config off the UI thread. Its Kconfig's $(shell,...) commands run
     * unasked: the window opens trees through {@link #openAskingAboutShellCommands}.
     */
    public CompletableFuture<Outcome> open(OpenRequest what) {
        phase.set(Phase.LOADING);
        status.set("Loading " + what.describe() + " ...");
        return run(() -> {
            ConfigSession openedNow = ConfigSession.open(what, baseEnvironment);
            session = openedNow;
            return startOver("Loaded " + openedNow.configFile());
        });
    }

    /**
     * Opens a tree as {@link #open} does, but first lists the $(shell,...) commands its Kconfig would run,
     * running none of them, and unless there are none or the user let this set run before, hands the
     * question to {@code ask} (the window shows it). "Run them" opens the tree; "Don't run" runs and opens
     * nothing, the editor stays as it was and the status says why. The sample tree has no commands.
     */
    public CompletableFuture<Outcome> openAskingAboutShellCommands(OpenRequest what, UserSettings settings,
                                                                   java.util.function.Consumer<ShellTrustViewModel> ask) {
        if (what.isSample()) {
            return open(what);
        }
        Phase before = phase.get();
        phase.set(Phase.LOADING);
        status.set("Reading " + what.describe() + " for the shell commands its Kconfig runs ...");
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        engine.submit(() -> listShellCommandsOnEngine(what), listed -> {
            if (listed.fault() != null) {
                apply(Outcome.failure(listed.fault()));
                result.complete(Outcome.failure(listed.fault()));
            } else if (ShellTrustViewModel.needsNoQuestion(what, listed.listing(), settings)) {
                open(what).whenComplete(forwardTo(result));
            } else {
                ShellTrustViewModel question = new ShellTrustViewModel(what, listed.listing(), settings);
                // The answer may come from any thread; what it changes belongs to the UI thread.
                question.decision().thenAcceptAsync(answer -> {
                    if (answer == ShellTrustViewModel.Decision.RUN) {
                        open(what).whenComplete(forwardTo(result));
                    } else {
                        phase.set(before);
                        Outcome declined = Outcome.declined("Did not open " + what.describe()
                                + ": its Kconfig's shell commands were not run");
                        apply(declined);
                        result.complete(declined);
                    }
                }, engine.ui());
                ask.accept(question);
            }
        });
        return result;
    }

    /** The listing, or why the tree cannot be opened at all (the same reasons open gives). */
    private record ListedCommands(kforge.kconfig.parse.ShellCommandListing listing, String fault) {
    }

    private ListedCommands listShellCommandsOnEngine(OpenRequest what) {
        try {
            ConfigSession.requireKernelTree(what.tree());
            return new ListedCommands(kforge.kconfig.ConfigEngine.listShellCommands(what.tree(), what.arch(),
                    what.crossCompile(), what.configFile().toAbsolutePath().getParent(), baseEnvironment), null);
        } catch (KconfigException | java.io.UncheckedIOException e) {
            return new ListedCommands(null, e.getMessage());
        } catch (RuntimeException e) {
            e.printStackTrace();
            return new ListedCommands(null, "kforge: internal error (please report): " + e);
        }
    }

    private static <T> java.util.function.BiConsumer<T, Throwable> forwardTo(CompletableFuture<T> target) {
        return (value, failure) -> {
            if (failure != null) {
                target.completeExceptionally(failure);
            } else {
                target.complete(value);
            }
        };
    }

    /** Shows a tree already parsed and read on this thread's behalf (benchmarks time the two apart). */
    public CompletableFuture<Outcome> show(ConfigSession opened) {
        return run(() -> {
            session = opened;
            return startOver("Loaded " + opened.configFile());
        });
    }

    /** Reads another .config into the open tree, replacing the edits (undo history is cleared). */
    public CompletableFuture<Outcome> load(Path file) {
        return run(() -> {
            requireSession().read(file);
            return startOver("Loaded " + file);
        });
    }

    public CompletableFuture<Outcome> save() {
        return run(() -> saveOnEngine(requireSession().configFile()));
    }

    public CompletableFuture<Outcome> saveAs(Path file) {
        return run(() -> saveOnEngine(file));
    }

    /** savedefconfig: the minimal file that gives the same configuration. */
    public CompletableFuture<Outcome> saveMinimal(Path file) {
        return run(() -> {
            requireSession().writeMinimal(file);
            return outcome(null, "Saved minimal configuration to " + file, List.of());
        });
    }

    /**
     * The .config text Save would write now, unsaved changes included: a build from "the editor's
     * .config" builds what the user sees, not what was last saved.
     */
    public CompletableFuture<String> currentConfigText() {
        return engine.submit(() -> requireSession().render(), text -> { });
    }

    private Outcome saveOnEngine(Path file) {
        ConfigSession s = requireSession();
        s.write(file);
        loadedText = s.render();
        history.markSaved();
        return outcome(null, "Saved " + file, List.of());
    }

    private Outcome startOver(String message) {
        history.clear();
        loadedText = session.render();
        // The reset lists the rows of the new tree; nothing of the old one needs re-evaluating.
        return outcome(null, message, List.of()).withReset(tree.resetOnEngine(session), OpenedTree.of(session),
                session.messages());
    }

    // ---- changing values ----

    /** Y, M or N on an entry. */
    public CompletableFuture<Outcome> setValue(ConfigEntry entry, Tristate value) {
        return change(entry, sym -> value.text());
    }

    /** A typed value for a string, int or hex entry (or y/m/n); refused with a reason when invalid. */
    public CompletableFuture<Outcome> setValue(ConfigEntry entry, String value) {
        return change(entry, sym -> value);
    }

    /** Space: the next value in n, m, y order the symbol can take (choosing, for a choice value). */
    public CompletableFuture<Outcome> cycle(ConfigEntry entry) {
        return change(entry, this::nextValue);
    }

    private String nextValue(Symbol sym) {
        if (sym.isChoiceValue() && sym.choice.currTri == Tristate.YES) {
            return "y";
        }
        Tristate old = sym.currTri;
        Tristate v = old;
        do {
            v = v == Tristate.NO ? Tristate.MOD : v == Tristate.MOD ? Tristate.YES : Tristate.NO;
            if (session.evaluator().tristateWithinRange(sym, v)) {
                return v.text();
            }
        } while (v != old);
        // Nothing else is allowed: ask for the next one anyway, to get the reason it is refused.
        return (old == Tristate.YES ? Tristate.NO : Tristate.YES).text();
    }

    private CompletableFuture<Outcome> change(ConfigEntry entry, java.util.function.Function<Symbol, String> value) {
        ConfigEntry selectedNow = tree.selectedProperty().get();
        return run(() -> {
            ConfigSession s = requireSession();
            Symbol sym = entry.menu.sym;
            if (sym == null || !(entry.state().kind().takesTristate() || entry.state().kind().takesText())) {
                return outcome(selectedNow, "", List.of());
            }
            s.evaluator().calcValue(sym);
            String text = value.apply(sym);
            UserValues before = UserValues.capture(sym);
            String fault = s.assign(sym, text);
            if (fault != null) {
                return outcome(selectedNow, "", List.of()).withFault(fault);
            }
            UserValues after = UserValues.capture(sym);
            String description = sym.displayName() + "=" + s.evaluator().stringValue(sym);
            if (!after.sameAs(before)) {
                history.record(description, before, after);
            }
            return outcome(selectedNow, "Set " + description, before.symbols());
        });
    }

    /**
     * "Make it so…": the fewest changes that give the entry's symbol the value, each verified by the engine.
     * Nothing changes until one is applied with {@link #applyFix}.
     */
    public CompletableFuture<FixProposals> findFixes(ConfigEntry entry, String value) {
        return engine.submit(() -> {
            Symbol sym = entry.menu.sym;
            if (sym == null || sym.name() == null) {
                return new FixProposals("", value, List.of(), "this row has no symbol");
            }
            try {
                kforge.kconfig.fix.FixOutcome found = requireSession().findFixes(sym, value);
                String reason = found.alreadyHolds() ? "it already is " + value : found.reason();
                return new FixProposals(sym.name(), value, found.fixes(), reason);
            } catch (KconfigException e) {
                return new FixProposals(sym.name(), value, List.of(), e.getMessage());
            }
        }, found -> { });
    }

    /** Applies one of the fixes found; one undo step restores the state before it. */
    public CompletableFuture<Outcome> applyFix(FixProposals proposals, int index) {
        ConfigEntry selectedNow = tree.selectedProperty().get();
        return run(() -> {
            ConfigSession s = requireSession();
            UserValues before = UserValues.captureAll(s.kconfig());
            s.replaceWith(proposals.fixes().get(index).config());
            UserValues after = UserValues.captureAll(s.kconfig());
            String description = "fix for " + proposals.wanted();
            history.record(description, before, after);
            return outcome(selectedNow, "Applied the " + description, after.symbols());
        });
    }

    public CompletableFuture<Outcome> undo() {
        ConfigEntry selectedNow = tree.selectedProperty().get();
        return run(() -> {
            History.Change c = history.undo(requireSession().evaluator());
            return outcome(selectedNow, c == null ? "Nothing to undo" : "Undid " + c.description(),
                    c == null ? List.of() : c.before().symbols());
        });
    }

    public CompletableFuture<Outcome> redo() {
        ConfigEntry selectedNow = tree.selectedProperty().get();
        return run(() -> {
            History.Change c = history.redo(requireSession().evaluator());
            return outcome(selectedNow, c == null ? "Nothing to redo" : "Redid " + c.description(),
                    c == null ? List.of() : c.after().symbols());
        });
    }

    // ---- navigation ----

    /** Selects a symbol's entry (the first with a prompt), opening the menus above it. */
    public CompletableFuture<Outcome> jumpToSymbol(String name) {
        return run(() -> {
            Symbol sym = requireSession().kconfig().symbols().find(name);
            Menu target = sym == null ? null : definition(sym);
            if (target == null) {
                return outcome(null, "", List.of()).withFault(name + ": no such symbol in this tree");
            }
            return reveal(target);
        });
    }

    /** Selects an entry already listed (e.g. from the breadcrumb) and scrolls to it. */
    public void select(ConfigEntry entry) {
        tree.reveal(entry, false);
    }

    void jumpTo(Menu menu) {
        run(() -> reveal(menu));
    }

    private static Menu definition(Symbol sym) {
        Menu first = null;
        for (Property p : sym.properties) {
            if (p.type == PropertyType.SYMBOL) {
                if (p.menu.prompt != null) {
                    return p.menu;
                }
                if (first == null) {
                    first = p.menu;
                }
            }
        }
        return first;
    }

    private Outcome reveal(Menu target) {
        boolean hidden = false;
        for (Menu m = target; m != null && m.parent != null; m = m.parent) {
            hidden |= !tree.isListedOnEngine(m);
        }
        boolean needsShowAll = hidden && !tree.showAllOnEngine();
        if (needsShowAll) {
            tree.setShowAllOnEngine(true);
        }
        List<ConfigTree.Update> updates = new java.util.ArrayList<>(tree.refreshAll());
        ConfigEntry entry = tree.entryFor(target, updates);
        return outcome(entry, "", List.of()).revealing(entry, needsShowAll, updates);
    }

    /** Describes an entry in the info pane. */
    private void describe(ConfigEntry entry) {
        if (entry == null) {
            info.set(null);
            return;
        }
        engine.submit(() -> infoOnEngine(entry), info::set);
    }

    // ---- engine plumbing ----

    ConfigSession sessionOnEngine() {
        return session;
    }

    String loadedTextOnEngine() {
        return loadedText;
    }

    private ConfigSession requireSession() {
        if (session == null) {
            throw new KconfigException("no tree is open");
        }
        return session;
    }

    private EntryInfo infoOnEngine(ConfigEntry entry) {
        if (entry == null || session == null || entry.menu.parent == null) {
            return null;
        }
        return new InfoBuilder(session.evaluator(), session.settings(session.configFile()).configPrefix())
                .of(entry.menu);
    }

    /**
     * Everything a command means for the UI: the selected entry's info, undo state and, when it changed the
     * values of some symbols, the re-evaluated rows.
     */
    private Outcome outcome(ConfigEntry selectedNow, String message, java.util.Collection<Symbol> changed) {
        List<ConfigTree.Update> updates = changed.isEmpty() ? List.of() : tree.refreshAfterChange();
        return new Outcome(updates, infoOnEngine(selectedNow), history.snapshot(),
                session == null ? null : session.configFile(), null, message, null, null, null, null, false);
    }

    private CompletableFuture<Outcome> run(Supplier<Outcome> work) {
        return engine.submit(() -> {
            try {
                return work.get();
            } catch (KconfigException | java.io.UncheckedIOException e) {
                return Outcome.failure(e.getMessage());
            } catch (RuntimeException e) {
                // A fault of kforge's own: say so in the window (which would otherwise wait on "Loading"
                // for good) and leave the trace where a bug report can take it from.
                e.printStackTrace();
                return Outcome.failure("kforge: internal error (please report): " + e);
            }
        }, this::apply);
    }

    private void apply(Outcome o) {
        if (o.reset() != null) {
            tree.applyReset(o.reset());
            opened.set(o.opened());
            request.set(o.opened().request());
            caution.set(o.opened().caution());
            messages.setAll(o.messages());
            phase.set(Phase.READY);
        }
        if (o.failedToOpen() && phase.get() == Phase.LOADING) {
            phase.set(Phase.FAILED);
        }
        if (o.configFile() != null) {
            configFile.set(o.configFile());
        }
        tree.apply(o.updates());
        if (o.history() != null) {
            dirty.set(o.history().dirty());
            canUndo.set(o.history().canUndo());
            canRedo.set(o.history().canRedo());
            undoLabel.set(o.history().undoLabel());
            redoLabel.set(o.history().redoLabel());
        }
        if ((o.info() != null || o.reset() != null) && !java.util.Objects.equals(info.get(), o.info())) {
            info.set(o.info());
        }
        error.set(o.fault() == null ? "" : o.fault());
        if (o.message() != null && !o.message().isEmpty()) {
            status.set(o.message());
        } else if (o.fault() != null) {
            status.set(o.fault());
        }
        if (o.revealed() != null) {
            tree.reveal(o.revealed(), o.needsShowAll());
        }
    }

    /**
     * The result of one command, computed on the engine thread and applied on the UI thread.
     *
     * @param fault    why the command was refused, or null when it was carried out
     * @param reset    set when a tree or .config was (re)loaded: the new rows
     * @param revealed the entry to select and scroll to (a jump), or null
     */
    public record Outcome(List<ConfigTree.Update> updates, EntryInfo info, History.Snapshot history, Path configFile,
                          String fault, String message, ConfigTree.Reset reset, OpenedTree opened,
                          List<String> messages, ConfigEntry revealed, boolean needsShowAll) {

        static Outcome failure(String fault) {
            return new Outcome(List.of(), null, null, null, fault, null, null, null, null, null, false);
        }

        /** Nothing was done, at the user's word: no fault, but nothing opened either. */
        static Outcome declined(String why) {
            return new Outcome(List.of(), null, null, null, null, why, null, null, null, null, false);
        }

        Outcome withFault(String why) {
            return new Outcome(updates, info, history, configFile, why, null, reset, opened, messages, revealed,
                    needsShowAll);
        }

        Outcome withReset(ConfigTree.Reset newReset, OpenedTree what, List<String> engineMessages) {
            return new Outcome(updates, info, history, configFile, fault, message, newReset, what, engineMessages,
                    revealed, needsShowAll);
        }

        Outcome revealing(ConfigEntry entry, boolean showAll, List<ConfigTree.Update> allUpdates) {
            return new Outcome(allUpdates, info, history, configFile, fault, message, reset, opened, messages,
                    entry, showAll);
        }

        boolean failedToOpen() {
            return history == null && fault != null;
        }
    }
}
