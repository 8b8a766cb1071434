package kforge.kconfig.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Mutual exclusion on a cache entry between threads and between JVMs (surefire forks, parallel Maven modules).
 * A file lock alone is not enough: the JVM refuses a second lock on the same file from another thread.
 */
final class CacheLock {
    private static final ConcurrentMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private CacheLock() {
    }

    static <T> T holding(Path lockFile, Supplier<T> action) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock threadLock = IN_THIS_JVM.computeIfAbsent(key, k -> new ReentrantLock());
        threadLock.lock();
        try {
            return holdingFileLock(key, action);
        } finally {
            threadLock.unlock();
        }
    }

    private static <T> T holdingFileLock(Path lockFile, Supplier<T> action) {
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
    }
}
