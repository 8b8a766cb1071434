package kforge.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import kforge.runner.diag.Diagnostic;
import kforge.runner.diag.Severity;
import kforge.runner.make.BuildProgress;
import kforge.runner.record.BuildStatus;
import kforge.runner.record.TargetResult;

/** A fast make must not flood the UI thread: its lines arrive in a few batches, in order, with the events between. */
class BuildEventPumpTest {

    /** What reaches the UI thread, in order. */
    private static final class Recorder implements BuildEventPump.Sink {
        final List<String> events = new ArrayList<>();
        final List<LogLine> lines = new ArrayList<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();
        BuildProgress progress;
        int batches;

        @Override
        public void batch(List<LogLine> l, List<Diagnostic> d, BuildProgress p) {
            batches++;
            lines.addAll(l);
            diagnostics.addAll(d);
            if (p != null) {
                progress = p;
            }
            events.add("batch");
        }

        @Override
        public void targetStarted(String target) {
            events.add("started " + target + " after " + lines.size() + " lines");
        }

        @Override
        public void targetFinished(TargetResult result) {
            events.add("finished " + result.name() + " after " + lines.size() + " lines");
        }
    }

    @Test
    void tenThousandLinesComeInAFewBatchesInOrder() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        AtomicInteger uiTasks = new AtomicInteger();
        Recorder recorder = new Recorder();
        BuildEventPump pump = new BuildEventPump(r -> {
            uiTasks.incrementAndGet();
            ui.execute(r);
        }, recorder);

        pump.targetStarted("zImage", List.of("make", "zImage"));
        for (int i = 0; i < 10_000; i++) {
            pump.output("  CC      obj" + i + ".o", false);
            pump.progress(new BuildProgress("zImage", i + 1, 10_000, Duration.ofSeconds(1), null));
        }
        pump.output("kernel/fork.c:3:13: warning: unused variable 'unused' [-Wunused-variable]", true);
        pump.diagnostic(new Diagnostic("kernel/fork.c", 3, 13, Severity.WARNING, "unused variable 'unused'",
                kforge.runner.diag.Tool.GCC));
        pump.targetFinished(new TargetResult("zImage", BuildStatus.PASS, 1.0, 0, 10_000, List.of()));
        ui.shutdown();
        assertTrue(ui.awaitTermination(10, TimeUnit.SECONDS));

        assertTrue(uiTasks.get() < 100, uiTasks.get() + " tasks on the UI thread for 10000 lines");
        assertEquals("started zImage after 1 lines", recorder.events.get(1), "the command line comes first");
        assertEquals("finished zImage after 10003 lines", recorder.events.get(recorder.events.size() - 1));
        assertEquals("  CC      obj0.o", recorder.lines.get(1).text());
        assertEquals("  CC      obj9999.o", recorder.lines.get(10_000).text());
        assertEquals(10_000, recorder.progress.compiled(), "the latest progress wins");
        assertEquals(1, recorder.diagnostics.size());
        LogLine warning = recorder.lines.get(10_001);
        assertTrue(warning.stderr());
        assertNotNull(warning.diagnostic(), "parsed where it was read");
        assertEquals(3, warning.diagnostic().line());
        assertNull(recorder.lines.get(1).diagnostic());
    }

    @Test
    void aLoneLineIsShownWithinTheFlushInterval() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        Recorder recorder = new Recorder();
        BuildEventPump pump = new BuildEventPump(ui, recorder);
        long start = System.nanoTime();
        pump.output("  CC      init/main.o", false);
        while (ui.submit(() -> recorder.lines.isEmpty()).get() && System.nanoTime() - start < 5_000_000_000L) {
            Thread.sleep(5);
        }
        ui.shutdownNow();
        assertEquals(1, recorder.lines.size(), "no event needed to push it out");
    }

    @Test
    void progressTextSaysHowFarAndHowLong() {
        assertEquals("zImage: 3 of ~6 objects (50%), estimating time left",
                ProgressText.of(new BuildProgress("zImage", 3, 6, Duration.ofSeconds(2), null)));
        assertEquals("vmlinux: 40 of ~100 objects (40%), ETA 1:05",
                ProgressText.of(new BuildProgress("vmlinux", 40, 100, Duration.ofSeconds(40), Duration.ofSeconds(65))));
        assertEquals("1:01:01", ProgressText.clock(Duration.ofSeconds(3661)));
        assertEquals("dtbs: 0 objects, estimating time left",
                ProgressText.of(new BuildProgress("dtbs", 0, 0, Duration.ZERO, null)));
    }
}
