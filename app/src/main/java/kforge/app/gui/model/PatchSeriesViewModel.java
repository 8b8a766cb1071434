package kforge.app.gui.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kforge.runner.patch.ApplyOutcome;
import kforge.runner.patch.PatchConflictException;
import kforge.runner.patch.PatchSeries;
import kforge.runner.patch.SeriesEntry;

/**
 * The tree's patch series (quilt's patches/series) with each patch's state found afresh, so a patch edited
 * by hand since it went on shows as CHANGED; Apply, Apply All and Unapply as quilt push, push -a and pop;
 * adding a patch file; and the selected patch's text for the diff viewer. A patch that does not fit is
 * reported in {@link #conflictProperty()} (patch, file, hunk) and changed nothing, as the series promises.
 */
public final class PatchSeriesViewModel {
    private final TreeWorker worker;
    private final ObservableValue<Path> tree;
    private final Supplier<CompletableFuture<Void>> treeChanged;
    private final ObservableList<PatchRow> rows = FXCollections.observableArrayList();
    private final ObservableList<PatchLine> shownText = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper shownName = new ReadOnlyStringWrapper(this, "shownName", "");
    private final ReadOnlyObjectWrapper<PatchConflict> conflict = new ReadOnlyObjectWrapper<>(this, "conflict");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final IntegerProperty strip = new SimpleIntegerProperty(this, "strip", SeriesEntry.DEFAULT_STRIP);
    private final BooleanProperty commit = new SimpleBooleanProperty(this, "commit");
    private final BooleanBinding canApply =
            Bindings.createBooleanBinding(() -> rows.stream().anyMatch(r -> r.inSeries() && !r.isApplied()), rows);
    private final BooleanBinding canUnapply =
            Bindings.createBooleanBinding(() -> rows.stream().anyMatch(PatchRow::isApplied), rows);
    private final AtomicLong shows = new AtomicLong();

    /** @param treeChanged refreshes the whole panel once patches have changed the files */
    PatchSeriesViewModel(TreeWorker worker, ObservableValue<Path> tree, Supplier<CompletableFuture<Void>> treeChanged) {
        this.worker = worker;
        this.tree = tree;
        this.treeChanged = treeChanged;
    }

    /** The series in order, then applied patches no longer listed in it. */
    public ObservableList<PatchRow> rows() {
        return rows;
    }

    /** The shown patch, decompressed, line by line. */
    public ObservableList<PatchLine> shownText() {
        return shownText;
    }

    public ReadOnlyStringProperty shownNameProperty() {
        return shownName.getReadOnlyProperty();
    }

    /** Where the last Apply or Unapply stopped; null when it did not. */
    public ReadOnlyObjectProperty<PatchConflict> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    /** Why the last command failed (the conflict's whole message, a malformed patch's file:line, ...). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** patch's -pN for the next patch added. */
    public IntegerProperty stripProperty() {
        return strip;
    }

    /** Commit plain diffs too when applying in a git tree (mails and release patches always are). */
    public BooleanProperty commitProperty() {
        return commit;
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    public BooleanBinding canUnapplyProperty() {
        return canUnapply;
    }

    // ---- reading ----

    /** Finds every patch's state afresh, in the background. */
    public CompletableFuture<Void> refresh() {
        Path dir = tree.getValue();
        if (dir == null) {
            rows.clear();
            clearShown();
            return CompletableFuture.completedFuture(null);
        }
        return worker.submit(() -> PatchSeries.open(dir).status().call(), found -> {
            if (dir.equals(tree.getValue())) {
                rows.setAll(found.stream().map(PatchRow::of).toList());
                if (rows.stream().noneMatch(r -> r.name().equals(shownName.get()))) {
                    clearShown();
                }
            }
        }, failure -> {
            if (dir.equals(tree.getValue())) {
                rows.clear();
                error.set(TreeWorker.messageOf(failure));
            }
        }).thenApply(ignored -> null);
    }

    /**
     * Shows a patch's text in the diff viewer, decompressed, read in the background. The file in patches/,
     * or for a patch no longer there the copy kept when it was applied.
     */
    public CompletableFuture<Void> show(PatchRow row) {
        Path dir = tree.getValue();
        if (row == null || dir == null) {
            clearShown();
            return CompletableFuture.completedFuture(null);
        }
        if (row.name().equals(shownName.get())) {
            return CompletableFuture.completedFuture(null);  // shown or on its way; the table reselects it often
        }
        long mine = shows.incrementAndGet();
        shownName.set(row.name());
        Path file = patchFile(dir, row.name());
        return worker.submit(() -> PatchText.lines(file), lines -> {
            if (mine == shows.get()) {
                shownText.setAll(lines);
            }
        }, failure -> {
            if (mine == shows.get()) {
                shownText.setAll(List.of(new PatchLine(TreeWorker.messageOf(failure), PatchLine.Kind.NOTE)));
            }
        }).thenApply(ignored -> null);
    }

    private static Path patchFile(Path dir, String name) {
        Path listed = PatchSeries.open(dir).patchesDirectory().resolve(name);
        Path keptWhenApplied = dir.resolve(".kforge/patches/applied").resolve(name);
        return Files.isRegularFile(listed) || !Files.isRegularFile(keptWhenApplied) ? listed : keptWhenApplied;
    }

    private void clearShown() {
        shows.incrementAndGet();
        shownName.set("");
        shownText.clear();
    }

    // ---- commands ----

    /** Applies the next unapplied patch (quilt push). */
    public CompletableFuture<Void> applyNext() {
        return apply(false);
    }

    /** Applies every patch not applied yet, stopping at the first that does not fit (quilt push -a). */
    public CompletableFuture<Void> applyAll() {
        return apply(true);
    }

    private CompletableFuture<Void> apply(boolean all) {
        boolean commitPlain = commit.get();
        List<ApplyOutcome> done = Collections.synchronizedList(new ArrayList<>());
        return run(series -> series.apply().setAll(all).setCommit(commitPlain).setListener(outcome -> {
            done.add(outcome);
            worker.ui().execute(() -> markApplied(outcome));
        }).call(), PatchSeriesViewModel::applied, () -> done.isEmpty() ? "" : "Applied " + names(done) + "; then stopped.");
    }

    /** Takes the top patch off (quilt pop); refused when its files were edited since, changing nothing. */
    public CompletableFuture<Void> unapplyTop() {
        return run(series -> series.unapply().call(),
                outcome -> "Unapplied " + outcome.patch().name() + notes(List.of(outcome)), () -> "");
    }

    /** Copies a patch file into patches/ and appends it to the series, with the current -pN. */
    public CompletableFuture<Void> add(Path file) {
        int p = strip.get();
        return run(series -> series.add().setFile(file).setStrip(p).call(),
                entry -> "Added " + entry.name() + (entry.strip() != SeriesEntry.DEFAULT_STRIP
                        ? " (-p" + entry.strip() + ")" : "") + " to the series.", () -> "");
    }

    /**
     * Runs a series command in the background, says what it did (or how far it got before failing), then
     * refreshes the panel: patches change the tree's files and so its git status.
     */
    private <T> CompletableFuture<Void> run(Function<PatchSeries, T> command, Function<T, String> success,
                                            Supplier<String> partial) {
        Path dir = tree.getValue();
        if (dir == null) {
            error.set("Choose a kernel tree first.");
            return CompletableFuture.completedFuture(null);
        }
        conflict.set(null);
        error.set("");
        message.set("");
        return worker.submit(() -> command.apply(PatchSeries.open(dir)), result -> message.set(success.apply(result)),
                failure -> {
                    message.set(partial.get());
                    error.set(TreeWorker.messageOf(failure));
                    if (failure instanceof PatchConflictException e) {
                        conflict.set(PatchConflict.of(e));
                    }
                }).thenCompose(ignored -> treeChanged.get()).thenRun(this::showConflicting);
    }

    /** The patch that failed goes into the diff viewer, so its hunk can be read beside the report. */
    private void showConflicting() {
        PatchConflict c = conflict.get();
        if (c == null) {
            return;
        }
        Path failed = Path.of(c.patch());
        rows.stream().filter(r -> failed.endsWith(r.name())).findFirst().ifPresent(this::show);
    }

    private void markApplied(ApplyOutcome outcome) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name().equals(outcome.patch().name())) {
                rows.set(i, rows.get(i).applied(outcome.patch().describe()));
            }
        }
    }

    private static String applied(List<ApplyOutcome> outcomes) {
        return outcomes.isEmpty() ? "Nothing to apply." : "Applied " + names(outcomes) + notes(outcomes);
    }

    private static String names(List<ApplyOutcome> outcomes) {
        List<String> names = new ArrayList<>();
        synchronized (outcomes) {
            outcomes.forEach(o -> names.add(o.patch().name()));
        }
        return String.join(", ", names);
    }

    private static String notes(List<ApplyOutcome> outcomes) {
        List<String> notes = outcomes.stream().flatMap(o -> o.notes().stream()).toList();
        return notes.isEmpty() ? "." : ": " + String.join("; ", notes);
    }
}
