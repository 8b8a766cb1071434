package kforge.runner.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiagnosticsTest {
    private static final Diagnostic HELPER_UNUSED = new Diagnostic("common.h", 1, 12, Severity.WARNING,
            "'helper' defined but not used [-Wunused-function]", Tool.GCC);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"gcc", "arm-linux-gnueabi-gcc"})
    void headerWarningFromTwoFilesIsOneDiagnosticSeenTwice(String cc) throws IOException {
        writeHeaderAndIncluders();
        Diagnostics diagnostics = new Diagnostics();
        ToolRun.Output out = ToolRun.feed(diagnostics, dir, cc, "-Wall", "-c", "one.c", "two.c");

        assertEquals(0, out.exitCode(), out.text());
        assertEquals(List.of(HELPER_UNUSED), diagnostics.unique(), out.text());
        assertEquals(2, diagnostics.occurrences(HELPER_UNUSED));
        assertEquals(1, diagnostics.warnings());
        assertEquals(0, diagnostics.errors());
    }

    @Test
    void onlyTheFirstSightingIsReturned() throws IOException {
        writeHeaderAndIncluders();
        Diagnostics diagnostics = new Diagnostics();
        ToolRun.Output out = ToolRun.feed(diagnostics, dir, "gcc", "-Wall", "-c", "one.c", "two.c");

        Diagnostics replay = new Diagnostics();
        List<Diagnostic> returned = new ArrayList<>();
        for (String line : out.lines()) {
            replay.accept(line).ifPresent(returned::add);
        }
        assertEquals(List.of(HELPER_UNUSED), returned, out.text());
        assertEquals(0, replay.occurrences(new Diagnostic("common.h", 1, 13, Severity.WARNING,
                HELPER_UNUSED.message(), Tool.GCC)));
    }

    @Test
    void notesAreNeitherErrorsNorWarnings() {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.accept("p.c:1:33: note: declared here");
        assertEquals(1, diagnostics.unique().size());
        assertEquals(0, diagnostics.errors());
        assertEquals(0, diagnostics.warnings());
    }

    @Test
    void stdoutAndStderrThreadsCountEverySightingAndReturnEachOnce() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add("drivers/d" + (i % 50) + ".c:" + (i % 50 % 7 + 1) + ":1: warning: w [-Wx]");
            lines.add("  CC      drivers/d" + i + ".o");
        }
        Diagnostics diagnostics = new Diagnostics();
        AtomicInteger returned = new AtomicInteger();
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread reader = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (String line : lines) {
                    diagnostics.accept(line).ifPresent(d -> returned.incrementAndGet());
                }
            });
            reader.start();
            readers.add(reader);
        }
        start.countDown();
        for (Thread reader : readers) {
            reader.join();
        }

        assertEquals(50, diagnostics.unique().size());
        assertEquals(50, returned.get());
        int total = 0;
        for (Diagnostic d : diagnostics.unique()) {
            total += diagnostics.occurrences(d);
        }
        assertEquals(threads * 200, total);
        assertTrue(diagnostics.unique().stream().allMatch(d -> d.severity() == Severity.WARNING));
    }

    private void writeHeaderAndIncluders() throws IOException {
        Files.writeString(dir.resolve("common.h"), "static int helper(void) { return 1; }\n");
        Files.writeString(dir.resolve("one.c"), "#include \"common.h\"\nint one;\n");
        Files.writeString(dir.resolve("two.c"), "#include \"common.h\"\nint two;\n");
    }
}
