package kforge.app.gui.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kforge.runner.artifact.Artifact;
import kforge.runner.board.BoardProfile;
import kforge.runner.config.BoardConfig;
import kforge.runner.diag.Diagnostic;
import kforge.runner.make.BuildProgress;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildStatus;
import kforge.runner.record.TargetResult;
import kforge.kconfig.diag.KconfigException;

/**
 * The build panel's state and commands, without any window: what "kforge build" does, started and
 * cancelled from buttons and watched as it runs (log, diagnostics, progress), then its artifacts and the
 * out dir's history of records. The build runs on a thread of its own, never the UI's or the editor's
 * engine thread; its events reach these properties on the UI thread, in batches.
 */
public final class BuildViewModel {
    public enum Phase { IDLE, CONFIGURING, BUILDING, BOOTING, DONE }

    /** Older lines are dropped past this, so an all-modules build cannot fill the heap with its log. */
    static final int MAX_LOG_LINES = 100_000;

    private final BuildChoices choices;
    private final Map<String, String> environment;
    private final String make;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);
    private final ReadOnlyObjectWrapper<BuildStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyObjectWrapper<BuildProgress> latestProgress =
            new ReadOnlyObjectWrapper<>(this, "latestProgress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<BuildRecord> shownRecord = new ReadOnlyObjectWrapper<>(this, "shownRecord");
    private final ObservableList<LogLine> log = FXCollections.observableArrayList();
    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
    private final ObservableList<BoardConfig.UnmetValue> unmet = FXCollections.observableArrayList();
    private final ObservableList<Artifact> artifacts = FXCollections.observableArrayList();
    private final ObservableList<BuildRecord> history = FXCollections.observableArrayList();
    private final BooleanBinding running = phase.isEqualTo(Phase.CONFIGURING).or(phase.isEqualTo(Phase.BUILDING))
            .or(phase.isEqualTo(Phase.BOOTING));
    private Supplier<CompletableFuture<String>> editorText =
            () -> CompletableFuture.failedFuture(new KconfigException("no editor is linked to the build panel"));
    private BuildRun current;
    /** Cancel pressed after Start but before the run existed (while the editor's .config was fetched). */
    private boolean cancelRequested;

    /**
     * @param environment the build's environment (PATH finds the toolchain; tests add the fake kernel's knobs)
     * @param make        the make program
     * @param background  where short blocking work runs: toolchain probes, reading records and sources
     * @param ui          the UI thread (Platform::runLater)
     */
    public BuildViewModel(UserSettings settings, List<BoardProfile> boards, Map<String, String> environment,
                          String make, Executor background, Executor ui) {
        this.choices = new BuildChoices(settings, boards, environment, background, ui);
        this.environment = Map.copyOf(environment);
        this.make = make;
        this.background = background;
        this.ui = ui;
        choices.outDirProperty().addListener((o, was, now) -> refreshHistory());
        refreshHistory();
    }

    /** Builds follow what the editor has open, and "the editor's .config" is what it would save now. */
    public void followEditor(EditorViewModel editor) {
        editorText = editor::currentConfigText;
        choices.followEditor(editor.requestProperty());
    }

    // ---- properties ----

    public BuildChoices choices() {
        return choices;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** True from Start until the build (or the .config making) has ended. */
    public BooleanBinding runningProperty() {
        return running;
    }

    /** How the last build ended; null before one ran, or when it stopped before make. */
    public ReadOnlyObjectProperty<BuildStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** 0 to 1; -1 (indeterminate) while there is no estimate to go by. Reaches 1 only when a build passed. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "zImage: 3 of ~6 objects (50%), ETA 0:12". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The last count make's output gave (objects compiled, expected, time left); null before the first. */
    public ReadOnlyObjectProperty<BuildProgress> latestProgressProperty() {
        return latestProgress.getReadOnlyProperty();
    }

    /** What is happening or what came of it, one line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why a build did not start or did not get to make; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<LogLine> log() {
        return log;
    }

    /** Distinct warnings and errors, live while building, then those of the record shown. */
    public ObservableList<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Values the board asked for that the .config did not get, with conf's reason. */
    public ObservableList<BoardConfig.UnmetValue> unmet() {
        return unmet;
    }

    /** The artifacts of the record shown. */
    public ObservableList<Artifact> artifacts() {
        return artifacts;
    }

    /** The out dir's build records, newest first. */
    public ObservableList<BuildRecord> history() {
        return history;
    }

    /** The record whose artifacts and diagnostics are listed: the latest, or one picked from the history. */
    public ReadOnlyObjectProperty<BuildRecord> shownRecordProperty() {
        return shownRecord.getReadOnlyProperty();
    }

    // ---- commands ----

    /**
     * Makes the .config and builds, on a new thread. Completes on the UI thread once everything is shown,
     * with the record, or null when the build did not get to make (refused, conf failed, unmet values).
     */
    public CompletableFuture<BuildRecord> start() {
        return run(false);
    }

    /**
     * As kforge boot, on a new thread: the .config, make when something is missing, then the boot with
     * its console in the log. Completes on the UI thread with the record, its boot filled in, or null
     * when the build did not get to make.
     */
    public CompletableFuture<BuildRecord> boot() {
        return run(true);
    }

    private CompletableFuture<BuildRecord> run(boolean boot) {
        if (running.get()) {
            return CompletableFuture.completedFuture(null);
        }
        String refusal = boot ? choices.bootRefusal() : choices.refusal();
        if (refusal != null) {
            error.set(refusal);
            return CompletableFuture.completedFuture(null);
        }
        clearForRun();
        CompletableFuture<String> text = choices.configSourceProperty().get() == ConfigSource.EDITOR
                ? editorText.get() : CompletableFuture.completedFuture(null);
        return text.thenComposeAsync(t -> launch(choices.plan(t, boot)), ui)
                .exceptionallyAsync(failure -> {
                    stoppedBy(failure);
                    return null;
                }, ui);
    }

    /** Stops the build; make and everything it started are killed. Safe to call when nothing runs. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        cancelRequested = true;
        if (current != null) {
            current.cancel();
        }
        message.set("Cancelling ...");
    }

    /** Shows a record from the history: its artifacts and diagnostics. */
    public void show(BuildRecord record) {
        shownRecord.set(record);
        artifacts.setAll(record == null ? List.of() : record.artifacts());
        if (!running.get()) {
            diagnostics.setAll(record == null ? List.of() : record.diagnostics());
        }
    }

    /** Rereads the out dir's records in the background and shows the latest. */
    public CompletableFuture<List<BuildRecord>> refreshHistory() {
        Path out = choices.outDirProperty().get();
        if (out == null) {
            history.clear();
            show(null);
            return CompletableFuture.completedFuture(List.of());
        }
        return CompletableFuture.supplyAsync(() -> BuildRun.newestFirst(out), background).thenApplyAsync(records -> {
            if (out.equals(choices.outDirProperty().get()) && !running.get()) {
                history.setAll(records);
                show(records.isEmpty() ? null : records.get(0));
            }
            return records;
        }, ui);
    }

    /**
     * Reads the file a diagnostic points into, in the background; completes on the UI thread with it, or
     * with empty (and the reason in {@link #errorProperty()}) when the file is not found.
     */
    public CompletableFuture<Optional<SourceFile>> openSource(Diagnostic diagnostic) {
        Path out = choices.outDirProperty().get();
        Path tree = choices.treeProperty().get();
        return CompletableFuture.supplyAsync(() -> SourceFile.of(diagnostic, out, tree), background)
                .handleAsync((found, failure) -> {
                    if (failure != null) {
                        error.set(messageOf(failure));
                        return Optional.<SourceFile>empty();
                    }
                    if (found.isEmpty()) {
                        error.set(diagnostic.file() == null ? "The diagnostic names no file." : "Cannot find "
                                + diagnostic.file() + " (as printed, in " + out + " or in " + tree + ").");
                    }
                    return found;
                }, ui);
    }

    /** Where a diagnostic points, relative to the tree or out dir when it lies in one. */
    public String location(Diagnostic diagnostic) {
        return SourceFile.shortLocation(diagnostic, choices.outDirProperty().get(), choices.treeProperty().get());
    }

    // ---- running ----

    private CompletableFuture<BuildRecord> launch(BuildPlan plan) {
        BuildEventPump events = new BuildEventPump(ui, new Sink());
        BuildRun run = new BuildRun(plan, environment, make, events);
        current = run;
        if (cancelRequested) {
            run.cancel();
        }
        CompletableFuture<BuildRun.Result> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(run.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "kforge-build " + plan.board().name());
        thread.setDaemon(true);
        thread.start();
        return result.thenApplyAsync(this::finished, ui);
    }

    private void clearForRun() {
        cancelRequested = false;
        log.clear();
        diagnostics.clear();
        unmet.clear();
        artifacts.clear();
        error.set("");
        status.set(null);
        phase.set(Phase.CONFIGURING);
        progress.set(-1);
        progressText.set("");
        latestProgress.set(null);
        message.set("Making the .config ...");
    }

    private BuildRecord finished(BuildRun.Result r) {
        current = null;
        phase.set(Phase.DONE);
        unmet.setAll(r.unmet());
        history.setAll(r.history());
        if (r.record() == null) {
            error.set(r.stopped());
            message.set("Not built.");
            progress.set(0);
            return null;
        }
        BuildRecord record = r.record();
        status.set(record.status());
        progress.set(record.status() == BuildStatus.PASS ? 1 : Math.max(0, progress.get()));
        progressText.set(String.join(", ", record.targets().stream().map(t -> t.name() + " " + t.status()
                + (t.compiledObjects() > 0 ? " (" + t.compiledObjects() + " objects)" : "")).toList()));
        message.set("Build " + record.status() + ": " + record.warnings() + " warning(s), " + record.errors()
                + " error(s), " + ProgressText.clock(java.time.Duration.ofMillis((long) (record.seconds() * 1000)))
                + (record.boot() == null ? "" : "; boot " + record.boot().status() + " in " + record.boot().seconds()
                + " s" + (record.boot().detail() == null ? "" : " (" + record.boot().detail() + ")")));
        show(record);
        return record;
    }

    private void stoppedBy(Throwable failure) {
        current = null;
        phase.set(Phase.DONE);
        progress.set(0);
        message.set("Not built.");
        error.set(messageOf(failure));
    }

    private static String messageOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** The running build's events, applied on the UI thread. */
    private final class Sink implements BuildEventPump.Sink {
        @Override
        public void batch(List<LogLine> lines, List<Diagnostic> found, BuildProgress p) {
            appendLog(lines);
            diagnostics.addAll(found);
            if (p != null) {
                latestProgress.set(p);
                progress.set(p.expected() > 0 ? p.fraction() : -1);
                progressText.set(ProgressText.of(p));
            }
        }

        @Override
        public void targetStarted(String target) {
            phase.set(Phase.BUILDING);
            progress.set(-1);
            progressText.set(target + ": starting make");
            message.set("Building " + target + " ...");
        }

        @Override
        public void targetFinished(TargetResult result) {
            message.set(result.name() + " " + result.status());
        }

        @Override
        public void bootStarting() {
            phase.set(Phase.BOOTING);
            progress.set(-1);
            progressText.set("booting");
            message.set("Booting ...");
        }

        private void appendLog(List<LogLine> lines) {
            int excess = log.size() + lines.size() - MAX_LOG_LINES;
            if (excess > 0) {
                log.remove(0, Math.min(excess, log.size()));
            }
            log.addAll(lines.size() > MAX_LOG_LINES ? lines.subList(lines.size() - MAX_LOG_LINES, lines.size())
                    : lines);
        }
    }
}
