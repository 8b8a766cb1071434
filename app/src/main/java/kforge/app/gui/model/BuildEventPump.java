package kforge.app.gui.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import kforge.runner.boot.BootRun;
import kforge.runner.diag.Diagnostic;
import kforge.runner.diag.DiagnosticParser;
import kforge.runner.make.BuildListener;
import kforge.runner.make.BuildProgress;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.TargetResult;

/**
 * Carries a running build's events to the UI thread without flooding it. make can print thousands of
 * lines a second and each would cost the UI a layout pass, so lines, new diagnostics and the latest
 * progress are gathered and handed over together at most every flush interval. The rare events (a
 * target starting or ending) go at once, after whatever was gathered before them, so the UI sees
 * everything in the order it happened.
 */
final class BuildEventPump implements BuildListener, BootRun.Listener {
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(75);

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kforge-build-log");
        t.setDaemon(true);
        return t;
    });
    private static final DiagnosticParser PARSER = new DiagnosticParser();

    /** What the UI does with the events; every call comes on the UI thread, in order. */
    interface Sink {
        void batch(List<LogLine> lines, List<Diagnostic> diagnostics, BuildProgress progress);

        void targetStarted(String target);

        void targetFinished(TargetResult result);

        default void bootStarting() {
        }
    }

    private final Executor ui;
    private final Sink sink;
    private final Object lock = new Object();
    private List<LogLine> lines = new ArrayList<>();
    private List<Diagnostic> diagnostics = new ArrayList<>();
    private BuildProgress progress;
    private boolean flushScheduled;

    BuildEventPump(Executor ui, Sink sink) {
        this.ui = ui;
        this.sink = sink;
    }

    /** A line of make's (or conf's) output. */
    void line(String text, boolean stderr) {
        add(new LogLine(text, stderr, PARSER.parse(text).orElse(null)));
    }

    /** A line kforge adds to the log: what it runs, what came of it. */
    @Override
    public void note(String text) {
        add(LogLine.note(text));
    }

    @Override
    public void output(String line, boolean stderr) {
        line(line, stderr);
    }

    @Override
    public void diagnostic(Diagnostic diagnostic) {
        synchronized (lock) {
            diagnostics.add(diagnostic);
            scheduleFlush();
        }
    }

    @Override
    public void progress(BuildProgress p) {
        synchronized (lock) {
            progress = p;
            scheduleFlush();
        }
    }

    @Override
    public void targetStarted(String target, List<String> command) {
        synchronized (lock) {
            note("kforge: make " + target + ": " + String.join(" ", command));
            flush();
            ui.execute(() -> sink.targetStarted(target));
        }
    }

    @Override
    public void targetFinished(TargetResult r) {
        synchronized (lock) {
            note(String.format("kforge: %s %s in %s (%d objects compiled)", r.name(), r.status(),
                    ProgressText.clock(Duration.ofMillis((long) (r.seconds() * 1000))), r.compiledObjects()));
            flush();
            ui.execute(() -> sink.targetFinished(r));
        }
    }

    @Override
    public void bootStarting(List<String> command) {
        synchronized (lock) {
            note("kforge: boot: " + String.join(" ", command));
            flush();
            ui.execute(sink::bootStarting);
        }
    }

    @Override
    public void console(String line, boolean stderr) {
        line(line, stderr);
    }

    @Override
    public void finished(BuildRecord record) {
        note(String.format("kforge: build %s: %d warning(s), %d error(s), %s", record.status(), record.warnings(),
                record.errors(), ProgressText.clock(Duration.ofMillis((long) (record.seconds() * 1000)))));
        flush();
    }

    /** Hands over everything gathered so far, now. */
    void flush() {
        synchronized (lock) {
            flushScheduled = false;
            if (lines.isEmpty() && diagnostics.isEmpty() && progress == null) {
                return;
            }
            List<LogLine> l = lines;
            List<Diagnostic> d = diagnostics;
            BuildProgress p = progress;
            lines = new ArrayList<>();
            diagnostics = new ArrayList<>();
            progress = null;
            ui.execute(() -> sink.batch(l, d, p));
        }
    }

    private void add(LogLine line) {
        synchronized (lock) {
            lines.add(line);
            scheduleFlush();
        }
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            TIMER.schedule(this::flush, FLUSH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
