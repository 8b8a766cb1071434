package kforge.installers;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An X server of the test's own (Xvfb, on a display number it picks itself, no TCP), stopped by close().
 */
final class XvfbServer implements AutoCloseable {
    private static final long START_TIMEOUT_SECONDS = 30;

    private final Process process;
    private final String display;

    private XvfbServer(Process process, String display) {
        this.process = process;
        this.display = display;
    }

    /** A 24-bit screen of the given size; fails the test with what to install when Xvfb is missing. */
    static XvfbServer start(int width, int height) {
        Process process;
        try {
            // -displayfd 1: Xvfb writes the display number it found free on stdout once it accepts clients.
            process = new ProcessBuilder(List.of("Xvfb", "-displayfd", "1", "-nolisten", "tcp",
                    "-screen", "0", width + "x" + height + "x24"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return fail("cannot start Xvfb (" + e.getMessage() + "); run scripts/install-deps (it installs xvfb)");
        }
        try {
            return new XvfbServer(process, ":" + displayNumber(process));
        } catch (RuntimeException | Error e) {
            stop(process);
            throw e;
        }
    }

    private static String displayNumber(Process process) {
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.US_ASCII));
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return stdout.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String line = firstLine.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (line == null || !line.strip().matches("\\d+")) {
                fail("Xvfb did not start (it printed " + line + " for its display)");
            }
            return line.strip();
        } catch (TimeoutException e) {
            return fail("Xvfb did not report a display within " + START_TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read Xvfb's display", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Xvfb started", e);
        }
    }

    /** The DISPLAY value for clients of this server, e.g. ":1". */
    String display() {
        return display;
    }

    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
