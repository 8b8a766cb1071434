package kforge.kconfig.env;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kforge.kconfig.diag.KconfigException;

/**
 * Runs a short helper command the way make's $(shell ...) would and keeps its first line of output.
 */
public final class ProcessOutput {

    private ProcessOutput() {
    }

    /**
     * The first line the command prints, without its newline, or "" if it prints nothing.
     * stderr is dropped and the exit status ignored, as in the Makefile's {@code cmd 2>/dev/null | head -n 1}.
     */
    public static String firstLine(List<String> command, Map<String, String> environment, Duration timeout) {
        Process process = start(command, environment);
        try (InputStream stdout = process.getInputStream()) {
            byte[] bytes = stdout.readAllBytes();
            awaitExit(process, command, timeout);
            return firstLineOf(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KconfigException("cannot read the output of '" + String.join(" ", command) + "': " + e.getMessage());
        } finally {
            process.destroy();
        }
    }

    private static Process start(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new KconfigException("cannot run '" + String.join(" ", command) + "': " + e.getMessage());
        }
    }

    private static void awaitExit(Process process, List<String> command, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new KconfigException("'" + String.join(" ", command) + "' did not finish within "
                        + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KconfigException("interrupted while running '" + String.join(" ", command) + "'");
        }
    }

    private static String firstLineOf(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
