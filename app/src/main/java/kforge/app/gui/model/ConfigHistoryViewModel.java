package kforge.app.gui.model;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kforge.runner.board.BoardProfile;
import kforge.runner.git.ConfigPlace;
import kforge.runner.git.ConfigRevision;
import kforge.runner.git.KernelTree;
import kforge.runner.git.KernelTrees;

/**
 * A board's saved defconfig through its git history (what kforge config commit saved, in the tree or on a
 * configs branch), and what changed between two saved versions, as scripts/diffconfig's table.
 */
public final class ConfigHistoryViewModel {
    private final TreeWorker worker;
    private final ObservableValue<Path> tree;
    private final BoardChoice boardChoice;
    private final ObjectProperty<BoardProfile> board;
    private final BooleanProperty onConfigsBranch = new SimpleBooleanProperty(this, "onConfigsBranch");
    private final StringProperty configsBranch =
            new SimpleStringProperty(this, "configsBranch", ConfigPlace.DEFAULT_BRANCH);
    private final ObservableList<ConfigRevision> history = FXCollections.observableArrayList();
    private final ObservableList<DiffConfig.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper placeText = new ReadOnlyStringWrapper(this, "placeText", "");
    private final ReadOnlyStringWrapper leftName = new ReadOnlyStringWrapper(this, "leftName", "");
    private final ReadOnlyStringWrapper rightName = new ReadOnlyStringWrapper(this, "rightName", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    /** Each refresh supersedes the ones before it: a slow answer for another board is dropped. */
    private final AtomicLong refreshes = new AtomicLong();
    /** Likewise each comparison, and a refresh drops any comparison still on its way. */
    private final AtomicLong comparisons = new AtomicLong();

    ConfigHistoryViewModel(TreeWorker worker, ObservableValue<Path> tree, List<BoardProfile> boards) {
        this.worker = worker;
        this.tree = tree;
        this.boardChoice = new BoardChoice(this, boards);
        this.board = boardChoice.board();
        board.addListener((o, was, now) -> refresh());
        onConfigsBranch.addListener((o, was, now) -> refresh());
        configsBranch.addListener((o, was, now) -> refresh());
        boardChoice.selectFirst();
    }

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

    /** Read the defconfig kept on a configs branch (board/defconfig) rather than in arch/.../configs. */
    public BooleanProperty onConfigsBranchProperty() {
        return onConfigsBranch;
    }

    public StringProperty configsBranchProperty() {
        return configsBranch;
    }

    /** The commits that saved the board's defconfig, newest first. */
    public ObservableList<ConfigRevision> history() {
        return history;
    }

    /** Where the defconfig is read from: "arch/arm/configs/versatilepb_defconfig". */
    public ReadOnlyStringProperty placeTextProperty() {
        return placeText.getReadOnlyProperty();
    }

    /** The differences between the two revisions compared, older on the left. */
    public ObservableList<DiffConfig.Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty leftNameProperty() {
        return leftName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rightNameProperty() {
        return rightName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Rereads the board's history in the background; the comparison shown is cleared. */
    public CompletableFuture<Void> refresh() {
        long mine = refreshes.incrementAndGet();
        comparisons.incrementAndGet();
        clearComparison();
        Path dir = tree.getValue();
        ConfigPlace place;
        try {
            place = place();
        } catch (RuntimeException e) {
            history.clear();
            placeText.set("");
            error.set(TreeWorker.messageOf(e));
            return CompletableFuture.completedFuture(null);
        }
        placeText.set(place == null ? "" : place.describe());
        if (dir == null || place == null) {
            history.clear();
            error.set(place == null ? "Choose a board." : "");
            return CompletableFuture.completedFuture(null);
        }
        return worker.submit(() -> {
            try (KernelTree git = KernelTrees.open(dir)) {
                return git.configHistory().setPlace(place).call();
            }
        }, found -> {
            if (mine == refreshes.get()) {
                history.setAll(found);
                error.set(found.isEmpty() ? "No commit has " + place.describe() + " yet." : "");
            }
        }, failure -> {
            if (mine == refreshes.get()) {
                history.clear();
                error.set(TreeWorker.messageOf(failure));
            }
        }).thenApply(ignored -> null);
    }

    /** Compares the picked revisions when there are exactly two; otherwise the table is emptied. */
    public CompletableFuture<Void> compareSelected(List<ConfigRevision> selected) {
        if (selected.size() != 2) {
            comparisons.incrementAndGet();
            clearComparison();
            return CompletableFuture.completedFuture(null);
        }
        return compare(selected.get(0), selected.get(1));
    }

    /** How the defconfig changed from one saved revision to the other; the older one is the left side. */
    public CompletableFuture<Void> compare(ConfigRevision a, ConfigRevision b) {
        boolean aIsOlder = history.indexOf(a) > history.indexOf(b);
        ConfigRevision older = aIsOlder ? a : b;
        ConfigRevision newer = aIsOlder ? b : a;
        Path dir = tree.getValue();
        long mine = comparisons.incrementAndGet();
        ConfigPlace place;
        try {
            place = place();
        } catch (RuntimeException e) {
            error.set(TreeWorker.messageOf(e));
            return CompletableFuture.completedFuture(null);
        }
        if (dir == null || place == null) {
            return CompletableFuture.completedFuture(null);
        }
        return worker.submit(() -> {
            try (KernelTree git = KernelTrees.open(dir)) {
                return DiffConfig.compare(git.configAt(place, older.commitId()), git.configAt(place, newer.commitId()));
            }
        }, found -> {
            if (mine == comparisons.get()) {
                leftName.set(older.shortId());
                rightName.set(newer.shortId());
                rows.setAll(found);
                error.set("");
            }
        }, failure -> {
            if (mine == comparisons.get()) {
                clearComparison();
                error.set(TreeWorker.messageOf(failure));
            }
        }).thenApply(ignored -> null);
    }

    private ConfigPlace place() {
        BoardProfile b = board.get();
        if (b == null) {
            return null;
        }
        return onConfigsBranch.get() ? ConfigPlace.onBranch(configsBranch.get(), b.name())
                : ConfigPlace.inTree(b.srcArch(), b.name());
    }

    private void clearComparison() {
        rows.clear();
        leftName.set("");
        rightName.set("");
    }
}
