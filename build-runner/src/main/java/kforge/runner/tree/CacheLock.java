package kforge.runner.tree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Mutual exclusion on a cache entry between threads and between processes (the GUI, the CLI, test JVMs).
 * A file lock alone is not enough: the JVM refuses a second lock on the same file from another thread.
 */
final class CacheLock {
    private static final ConcurrentMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private CacheLock() {
    }

    /**
     * Runs action while holding the lock; onWait runs (at most once) before blocking on a holder elsewhere,
     * so a user can be told why nothing happens.
     *
     * @throws CancellationException when the thread is interrupted while waiting
     */
    static <T> T holding(Path lockFile, Runnable onWait, Supplier<T> action) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock threadLock = IN_THIS_JVM.computeIfAbsent(key, k -> new ReentrantLock());
        boolean waited = !threadLock.tryLock();
        if (waited) {
            onWait.run();
            lockInterruptibly(threadLock, key);
        }
        try {
            return holdingFileLock(key, waited ? () -> { } : onWait, action);
        } finally {
            threadLock.unlock();
        }
    }

    private static void lockInterruptibly(ReentrantLock threadLock, Path lockFile) {
        try {
            threadLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for " + lockFile);
        }
    }

    private static <T> T holdingFileLock(Path lockFile, Runnable onWait, Supplier<T> action) {
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile(channel, onWait)) {
                return action.get();
            }
        } catch (ClosedByInterruptException e) {
            throw new CancellationException("interrupted while waiting for " + lockFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private static FileLock lockFile(FileChannel channel, Runnable onWait) throws IOException {
        FileLock lock = channel.tryLock();
        if (lock != null) {
            return lock;
        }
        onWait.run();
        return channel.lock();
    }
}
