package kforge.app.gui.model;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kforge.runner.git.KernelTree;
import kforge.runner.git.KernelTrees;
import kforge.runner.git.TreeHead;
import kforge.runner.git.TreeRef;
import kforge.runner.git.WorkTreeStatus;

/**
 * The git side of the Tree &amp; Patches panel: what is checked out, the branches and tags to switch to,
 * a new work branch, and the files changed against HEAD. A checkout the git layer refuses (uncommitted
 * changes in the way) is kept in {@link #errorProperty()} word for word, since its message lists the files.
 */
public final class TreeBranchesViewModel {
    private final TreeWorker worker;
    private final ObservableValue<Path> tree;
    private final Supplier<CompletableFuture<Void>> treeChanged;
    private final ObservableList<TreeRef> branches = FXCollections.observableArrayList();
    private final ObservableList<TreeRef> tags = FXCollections.observableArrayList();
    private final ObservableList<ChangedFile> changes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TreeHead> head = new ReadOnlyObjectWrapper<>(this, "head");
    private final ReadOnlyBooleanWrapper gitTree = new ReadOnlyBooleanWrapper(this, "gitTree");
    private final ReadOnlyStringWrapper headText =
            new ReadOnlyStringWrapper(this, "headText", "No kernel tree chosen.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /** What one read of the tree found; made in the background, shown at once. */
    private record Snapshot(TreeHead head, List<TreeRef> branches, List<TreeRef> tags, WorkTreeStatus status) {
    }

    /** @param treeChanged refreshes the whole panel once a checkout has changed the files */
    TreeBranchesViewModel(TreeWorker worker, ObservableValue<Path> tree,
                          Supplier<CompletableFuture<Void>> treeChanged) {
        this.worker = worker;
        this.tree = tree;
        this.treeChanged = treeChanged;
    }

    /** Local branches, then remote-tracking ones; the checked-out one is marked current. */
    public ObservableList<TreeRef> branches() {
        return branches;
    }

    public ObservableList<TreeRef> tags() {
        return tags;
    }

    /** The files that differ from HEAD, untracked ones last. */
    public ObservableList<ChangedFile> changes() {
        return changes;
    }

    /** Null until read, or when the directory is no git tree. */
    public ReadOnlyObjectProperty<TreeHead> headProperty() {
        return head.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty gitTreeProperty() {
        return gitTree.getReadOnlyProperty();
    }

    /** "On branch master at 1a2b3c4d5e6f", or why the tree cannot be read (not a git tree). */
    public ReadOnlyStringProperty headTextProperty() {
        return headText.getReadOnlyProperty();
    }

    /** Why the last checkout or new branch did not happen; empty when it did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last command did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Rereads HEAD, the refs and the status in the background; a git status takes seconds on a kernel. */
    public CompletableFuture<Void> refresh() {
        Path dir = tree.getValue();
        if (dir == null) {
            show(null);
            headText.set("No kernel tree chosen.");
            return CompletableFuture.completedFuture(null);
        }
        return worker.submit(() -> read(dir), found -> {
            if (dir.equals(tree.getValue())) {
                show(found);
            }
        }, failure -> {
            if (dir.equals(tree.getValue())) {
                show(null);
                headText.set(TreeWorker.messageOf(failure));
            }
        }).thenApply(ignored -> null);
    }

    /** Switches to a branch, or to a tag or commit (detached); refused while uncommitted changes are in the way. */
    public CompletableFuture<Void> checkout(String name) {
        if (name == null || name.isBlank()) {
            error.set("Choose a branch or tag to check out.");
            return CompletableFuture.completedFuture(null);
        }
        return change(git -> git.checkout().setName(name).call(), name);
    }

    /** Creates a work branch at startPoint (null: the checked-out commit) and switches to it. */
    public CompletableFuture<Void> createBranch(String name, String startPoint) {
        if (name == null || name.isBlank()) {
            error.set("Type a name for the new branch.");
            return CompletableFuture.completedFuture(null);
        }
        String start = startPoint == null || startPoint.isBlank() ? null : startPoint.strip();
        return change(git -> git.checkout().setCreateBranch(true).setName(name.strip()).setStartPoint(start).call(),
                start);
    }

    private CompletableFuture<Void> change(java.util.function.Function<KernelTree, TreeHead> command, String what) {
        Path dir = tree.getValue();
        if (dir == null) {
            error.set("Choose a kernel tree first.");
            return CompletableFuture.completedFuture(null);
        }
        error.set("");
        message.set("");
        return worker.submit(() -> {
            try (KernelTree git = KernelTrees.open(dir)) {
                return command.apply(git);
            }
        }, now -> message.set(describe(now, what)), failure -> error.set(TreeWorker.messageOf(failure)))
                .thenCompose(ignored -> treeChanged.get());
    }

    private static String describe(TreeHead now, String what) {
        if (now.isDetached()) {
            return "HEAD is now " + now.describe() + (what == null ? "" : " (" + what + ")")
                    + "; to commit on it, create a work branch.";
        }
        return "On " + now.describe() + ".";
    }

    private static Snapshot read(Path dir) {
        try (KernelTree git = KernelTrees.open(dir)) {
            return new Snapshot(git.head(), git.branches(), git.tags(), git.status());
        }
    }

    private void show(Snapshot found) {
        gitTree.set(found != null);
        head.set(found == null ? null : found.head());
        headText.set(found == null ? "" : "On " + found.head().describe());
        branches.setAll(found == null ? List.of() : found.branches());
        tags.setAll(found == null ? List.of() : found.tags());
        changes.setAll(found == null ? List.of() : ChangedFile.of(found.status()));
    }
}
