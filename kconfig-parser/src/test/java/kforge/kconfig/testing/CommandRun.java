package kforge.kconfig.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of an external program from the fixtures, given as an argument list so no path or name is ever
 * parsed by a shell. Output goes through temporary files, so nothing can block on a full pipe and a
 * failure can quote it.
 */
public final class CommandRun {
    private final List<String> command;
    private final int exitCode;
    private final String stdout;
    private final String stderr;

    private CommandRun(List<String> command, int exitCode, String stdout, String stderr) {
        this.command = command;
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static CommandRun run(List<String> command, Map<String, String> environment, Duration timeout) {
        return run(command, environment, timeout, Path.of("/dev/null"));
    }

    /** As {@link #run(List, Map, Duration)}, reading stdin from a file (answers for an interactive target). */
    static CommandRun run(List<String> command, Map<String, String> environment, Duration timeout, Path stdin) {
        Path stdoutFile = null;
        Path stderrFile = null;
        try {
            stdoutFile = Files.createTempFile("kforge-command", ".stdout");
            stderrFile = Files.createTempFile("kforge-command", ".stderr");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(stdin.toFile()))
                    .redirectOutput(stdoutFile.toFile())
                    .redirectError(stderrFile.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            int exitCode = waitFor(builder.start(), command, timeout);
            return new CommandRun(command, exitCode, read(stdoutFile), read(stderrFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } finally {
            deleteQuietly(stdoutFile);
            deleteQuietly(stderrFile);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A leftover temporary file is harmless; the command's result matters more.
        }
    }

    private static int waitFor(Process process, List<String> command, Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within " + timeout.toMinutes() + " min");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static String read(Path file) throws IOException {
        // Not Files.readString: output that is not UTF-8 (a patch program echoing a binary line) is shown with
        // replacement characters rather than failing the run.
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /** Fails the calling test, quoting the program's stderr, unless it exited with status 0. */
    public CommandRun requireSuccess() {
        if (exitCode != 0) {
            fail(String.join(" ", command) + " exited with status " + exitCode + "; its stderr:\n" + stderr);
        }
        return this;
    }

    public int exitCode() {
        return exitCode;
    }

    public String stdout() {
        return stdout;
    }

    public String stderr() {
        return stderr;
    }
}
