package kforge.app.gui.model;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import kforge.runner.board.BoardProfile;

/**
 * The Tree &amp; Patches panel without any window: which kernel tree (the editor's, or one chosen), its
 * branches and status, its patch series, and a board's defconfig history. The three share one tree and
 * one background thread, and whatever one of them changes in the tree, all three reread: a patch changes
 * the git status, a checkout changes which patches fit and which defconfig history HEAD has.
 */
public final class TreePatchesViewModel {
    private final TreeWorker worker;
    private final ReadOnlyObjectWrapper<Path> tree = new ReadOnlyObjectWrapper<>(this, "tree");
    private final TreeBranchesViewModel branches;
    private final PatchSeriesViewModel patches;
    private final ConfigHistoryViewModel configs;

    /**
     * @param boards     whose saved defconfigs can be looked up
     * @param background where git and patch work runs: one thread (see {@link #newBackgroundThread()})
     * @param ui         the UI thread (Platform::runLater)
     */
    public TreePatchesViewModel(List<BoardProfile> boards, Executor background, Executor ui) {
        this.worker = new TreeWorker(background, ui);
        this.branches = new TreeBranchesViewModel(worker, tree, this::refresh);
        this.patches = new PatchSeriesViewModel(worker, tree, this::refresh);
        this.configs = new ConfigHistoryViewModel(worker, tree, boards);
        tree.addListener((o, was, now) -> refresh());
    }

    /** The panel's own thread; a daemon, so it never keeps the application running. */
    public static ExecutorService newBackgroundThread() {
        return TreeWorker.newThread();
    }

    /** The panel works on the tree the editor has open, whenever it opens one. */
    public void followEditor(EditorViewModel editor) {
        followEditor(editor.requestProperty());
    }

    void followEditor(ObservableValue<OpenRequest> request) {
        request.addListener((o, was, now) -> editorOpened(now));
        editorOpened(request.getValue());
    }

    private void editorOpened(OpenRequest request) {
        if (request != null && !request.isSample()) {
            chooseTree(request.tree());
        }
    }

    /** Works on this tree from now on (the directory chooser's answer). */
    public void chooseTree(Path directory) {
        if (directory != null) {
            tree.set(directory.toAbsolutePath().normalize());
        }
    }

    public ReadOnlyObjectProperty<Path> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    /** True while git or patch work is under way; the panel's commands wait for it. */
    public ReadOnlyBooleanProperty busyProperty() {
        return worker.busyProperty();
    }

    public TreeBranchesViewModel branches() {
        return branches;
    }

    public PatchSeriesViewModel patches() {
        return patches;
    }

    public ConfigHistoryViewModel configs() {
        return configs;
    }

    /** Rereads everything; completes on the UI thread once all of it is shown. */
    public CompletableFuture<Void> refresh() {
        return CompletableFuture.allOf(branches.refresh(), patches.refresh(), configs.refresh());
    }

    /** Completes once all work submitted so far has run and been shown. */
    public CompletableFuture<Void> idle() {
        return worker.idle();
    }
}
