package kforge.app.gui.model;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Where engine work runs and where its results are applied. The engine's evaluator is not thread-safe,
 * so every engine call goes through one thread, in order; results are applied on the UI thread. Tests of
 * view models use {@link #direct()}, where both are the caller's thread.
 */
public final class EngineThread {
    private final Executor engine;
    private final Executor ui;
    private final ExecutorService owned;

    private EngineThread(Executor engine, Executor ui, ExecutorService owned) {
        this.engine = engine;
        this.ui = ui;
        this.owned = owned;
    }

    /** One background thread for the engine, results applied through {@code ui} (Platform::runLater). */
    public static EngineThread background(Executor ui) {
        ExecutorService service = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kforge-engine");
            t.setDaemon(true);
            return t;
        });
        return new EngineThread(service, ui, service);
    }

    /** Everything on the calling thread, synchronously. */
    public static EngineThread direct() {
        return new EngineThread(Runnable::run, Runnable::run, null);
    }

    /** Runs work on the engine thread, then hands its result to apply on the UI thread. */
    public <T> CompletableFuture<T> submit(Supplier<T> work, java.util.function.Consumer<T> apply) {
        CompletableFuture<T> computed = CompletableFuture.supplyAsync(work, engine);
        return computed.thenApplyAsync(result -> {
            apply.accept(result);
            return result;
        }, ui);
    }

    /** Completes once everything submitted so far has run and been applied. */
    public CompletableFuture<Void> idle() {
        return submit(() -> null, ignored -> { });
    }

    public Executor ui() {
        return ui;
    }

    public void shutdown() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
