package kforge.runner.git;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs file system writes on one thread of their own, in the order given, while the caller goes on hashing
 * and compressing the next files: an import then takes about as long as the slower of the two, not their
 * sum. The data waiting to be written is bounded, so memory stays small however fast the caller is.
 */
final class BackgroundFileWriter implements Closeable {
    /** Enough to keep the writer busy through a burst of small files. */
    private static final int PENDING_LIMIT_KIB = 64 * 1024;

    interface Write {
        void run() throws IOException;
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "kforge work tree writer");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore pending = new Semaphore(PENDING_LIMIT_KIB);
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    /** Queues a write of about size bytes; throws the failure of an earlier write, if any, as it was thrown. */
    void submit(long size, Write write) throws IOException {
        rethrow();
        int kib = (int) Math.min(PENDING_LIMIT_KIB, size / 1024 + 1);
        try {
            pending.acquire(kib);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the work tree");
        }
        thread.execute(() -> {
            try {
                if (failure.get() == null) {
                    write.run();
                }
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                pending.release(kib);
            }
        });
    }

    /** Waits until every queued write is done, and throws the first that failed. */
    void drain() throws IOException {
        try {
            pending.acquire(PENDING_LIMIT_KIB);
            pending.release(PENDING_LIMIT_KIB);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the work tree");
        }
        rethrow();
    }

    private void rethrow() throws IOException {
        Exception e = failure.get();
        if (e instanceof IOException io) {
            throw io;
        }
        if (e != null) {
            throw (RuntimeException) e;
        }
    }

    /** Stops after the write under way; queued ones are dropped (the caller is failing or done). */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
