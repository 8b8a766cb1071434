package kforge.runner.diag;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real build tool the way a kernel build does, so the tests parse what the tools print rather
 * than what someone remembers them printing: an argument list (no shell), LC_ALL=C, stdout and stderr
 * read on two threads into one {@link Diagnostics}.
 */
final class ToolRun {
    private static final long TIMEOUT_SECONDS = 60;

    /** Everything the tool printed, stdout and stderr interleaved as they arrived, for failure messages. */
    record Output(int exitCode, List<String> lines) {
        String text() {
            return String.join("\n", lines);
        }
    }

    private ToolRun() {
    }

    static Output feed(Diagnostics diagnostics, Path dir, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("LC_ALL", "C");
            Process process = builder.start();
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            Thread stderr = new Thread(() -> read(process.getErrorStream(), diagnostics, lines), "stderr reader");
            stderr.start();
            read(process.getInputStream(), diagnostics, lines);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + ": did not finish in " + TIMEOUT_SECONDS + " s");
            }
            stderr.join();
            return new Output(process.exitValue(), List.copyOf(lines));
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + ": cannot run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void read(InputStream stream, Diagnostics diagnostics, List<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
                diagnostics.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
