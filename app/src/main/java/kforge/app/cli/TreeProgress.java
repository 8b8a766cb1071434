package kforge.app.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.eclipse.jgit.lib.TextProgressMonitor;

/**
 * JGit's text progress on stderr, which Ctrl-C cancels: the JVM's shutdown then waits for the operation to
 * notice and remove what it had half made (a clone, an imported tree), instead of leaving it behind.
 */
final class TreeProgress extends TextProgressMonitor {
    /** Removing a half-written kernel tree takes seconds; more than this and something is stuck. */
    private static final long CLEANUP_SECONDS = 60;

    private final PrintStream err;
    private volatile boolean cancelled;
    /** Whether a progress line was drawn (ending in \r, not \n) and not finished. */
    private volatile boolean lineOpen;

    TreeProgress(PrintStream err) {
        super(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8)));
        this.err = err;
    }

    @Override
    protected void onUpdate(String taskName, int workCurr, Duration duration) {
        super.onUpdate(taskName, workCurr, duration);
        lineOpen = true;
    }

    @Override
    protected void onUpdate(String taskName, int workCurr, int workTotal, int percentDone, Duration duration) {
        super.onUpdate(taskName, workCurr, workTotal, percentDone, duration);
        lineOpen = true;
    }

    @Override
    protected void onEndTask(String taskName, int workCurr, Duration duration) {
        super.onEndTask(taskName, workCurr, duration);
        lineOpen = false;
    }

    @Override
    protected void onEndTask(String taskName, int workCurr, int workTotal, int percentDone, Duration duration) {
        super.onEndTask(taskName, workCurr, workTotal, percentDone, duration);
        lineOpen = false;
    }

    /** Ends a progress line a failure or cancel interrupted, so the message after it starts a line of its own. */
    void finishLine() {
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs the operation with Ctrl-C meaning cancel. */
    <T> T cancellableByInterrupt(Supplier<T> operation) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            cancelled = true;
            try {
                finished.await(CLEANUP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kforge cancel on interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            return operation.get();
        } finally {
            finishLine();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it was an interrupt, and the hook now lets the JVM exit.
            }
        }
    }
}
