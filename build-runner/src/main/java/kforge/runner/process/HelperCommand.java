package kforge.runner.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a helper program (tar, rm, ccache, icecc-create-env) given as an argument list, so no path is
 * ever parsed by a shell. Its output goes through a temporary file, so a chatty program cannot block on a
 * full pipe and a failure can quote what it said.
 */
public final class HelperCommand {
    private static final int QUOTED_OUTPUT_LIMIT = 2000;
    private static final Duration NO_LIMIT = Duration.ofDays(1);

    private HelperCommand() {
    }

    /**
     * @param output what the program wrote: stderr alone for {@link #run(List)}, else stdout and stderr
     * @param timedOut whether it was killed for taking longer than its time
     */
    public record Result(int exitCode, String output, boolean timedOut) {
        public boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }

        /** What the program said, short enough for a dialog. */
        public String quotedOutput() {
            String text = output.strip();
            return text.length() <= QUOTED_OUTPUT_LIMIT ? text : text.substring(0, QUOTED_OUTPUT_LIMIT) + " ...";
        }
    }

    /**
     * Runs it in the JVM's directory and environment, its stdout dropped.
     *
     * @throws IOException when the program cannot be started, e.g. because it is not installed
     * @throws InterruptedException when the calling thread is interrupted; the program is killed first
     */
    public static Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, null, null, NO_LIMIT, false);
    }

    /** Runs it in directory (null: the JVM's) with exactly this environment; stdout and stderr are kept. */
    public static Result run(List<String> command, Path directory, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        return run(command, directory, environment, timeout, true);
    }

    private static Result run(List<String> command, Path directory, Map<String, String> environment,
                              Duration timeout, boolean keepStdout) throws IOException, InterruptedException {
        Path outputFile = Files.createTempFile("kforge-helper", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(outputFile.toFile());
            if (keepStdout) {
                builder.redirectErrorStream(true).redirectOutput(outputFile.toFile());
            } else {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            if (environment != null) {
                builder.environment().clear();
                builder.environment().putAll(environment);
            }
            Process process = builder.start();
            boolean finished = waitFor(process, timeout);
            String output = Files.readString(outputFile, StandardCharsets.UTF_8);
            return new Result(finished ? process.exitValue() : -1, output, !finished);
        } finally {
            Files.deleteIfExists(outputFile);
        }
    }

    private static boolean waitFor(Process process, Duration timeout) throws InterruptedException {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly();
            process.waitFor(2, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }
}
