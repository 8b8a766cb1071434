package kforge.app.gui.model;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Tree &amp; Patches view model on a real git tree, without a window. A single thread stands in for
 * the FX thread (the model is only touched there, as in the application) and the panel's own background
 * thread does the git and patch work.
 */
abstract class TreePatchesTestBase {
    @TempDir
    Path dir;

    ExecutorService uiThread;
    ExecutorService background;
    Path tree;
    TreePatchesViewModel model;

    @BeforeEach
    void openPanelOnAFreshTree() {
        uiThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
        background = TreePatchesViewModel.newBackgroundThread();
        tree = TreePatchesFixture.kernelTree(dir);
        model = onUi(() -> new TreePatchesViewModel(List.of(TreePatchesFixture.BOARD), background, uiThread));
        await(() -> {
            model.chooseTree(tree);
            return model.idle();
        });
    }

    @AfterEach
    void stopThreads() {
        background.shutdownNow();
        uiThread.shutdownNow();
    }

    /** Runs on the stand-in FX thread and waits for it. */
    <T> T onUi(Callable<T> work) {
        try {
            return uiThread.submit(work).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Starts a command on the FX thread and waits until its results (and all work before) are shown. */
    void await(Callable<CompletableFuture<?>> command) {
        try {
            onUi(command).get(60, TimeUnit.SECONDS);
            onUi(() -> model.idle()).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
