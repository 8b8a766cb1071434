package kforge.runner.git;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.jgit.lib.ProgressMonitor;

/** A progress monitor that remembers the tasks it was told about, and cancels once a condition holds. */
final class RecordingMonitor implements ProgressMonitor {
    final List<String> tasks = Collections.synchronizedList(new ArrayList<>());
    volatile long updates;
    private final Predicate<RecordingMonitor> cancelWhen;
    private volatile boolean cancelled;

    RecordingMonitor() {
        this(monitor -> false);
    }

    RecordingMonitor(Predicate<RecordingMonitor> cancelWhen) {
        this.cancelWhen = cancelWhen;
    }

    @Override
    public void start(int totalTasks) {
    }

    @Override
    public void beginTask(String title, int totalWork) {
        tasks.add(title);
    }

    @Override
    public void update(int completed) {
        updates += completed;
    }

    @Override
    public void endTask() {
    }

    @Override
    public boolean isCancelled() {
        cancelled = cancelled || cancelWhen.test(this);
        return cancelled;
    }

    @Override
    public void showDuration(boolean enabled) {
    }
}
