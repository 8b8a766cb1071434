package kforge.app.gui.model;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Where the Tree &amp; Patches panel's blocking work runs. One thread, in order: a checkout, a patch
 * going on and the status read after it all touch the same work tree and git index, and must not overlap.
 * Results and failures are applied on the UI thread, where the panel's properties live.
 */
final class TreeWorker {
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    /** UI thread only. */
    private int pending;

    TreeWorker(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** A daemon thread: work left queued must not keep the application alive once its windows are closed. */
    static ExecutorService newThread() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kforge-tree");
            t.setDaemon(true);
            return t;
        });
    }

    /** True while work submitted from the panel has not been applied yet. */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    Executor ui() {
        return ui;
    }

    /**
     * Runs work in the background, then apply (or fail, with the cause's message-bearing exception) on
     * the UI thread. Call on the UI thread. The future completes once that is done: with the result, or
     * null when the work failed, so callers can chain on it either way.
     */
    <T> CompletableFuture<T> submit(Supplier<T> work, Consumer<T> apply, Consumer<RuntimeException> fail) {
        pending++;
        busy.set(true);
        return CompletableFuture.supplyAsync(work, background).handleAsync((result, failure) -> {
            try {
                if (failure == null) {
                    apply.accept(result);
                    return result;
                }
                fail.accept(unwrap(failure));
                return null;
            } finally {
                if (--pending == 0) {
                    busy.set(false);
                }
            }
        }, ui);
    }

    /** Completes once everything submitted so far has run and been applied (tests wait on it). */
    CompletableFuture<Void> idle() {
        return submit(() -> null, ignored -> { }, ignored -> { }).thenApply(ignored -> null);
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof RuntimeException r ? r : new IllegalStateException(messageOf(cause), cause);
    }

    /** The one line a panel shows for a failure. */
    static String messageOf(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
