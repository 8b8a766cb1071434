package kforge.runner.tree;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One run of a helper program (tar, rm) given as an argument list, so no path is ever parsed by a shell.
 * Its stdout is dropped; its stderr goes through a temporary file, so a chatty program cannot block on a
 * full pipe and a failure can quote what it said.
 */
final class HelperCommand {
    private static final int QUOTED_STDERR_LIMIT = 2000;

    private HelperCommand() {
    }

    record Result(int exitCode, String stderr) {
        boolean succeeded() {
            return exitCode == 0;
        }

        /** What the program said, short enough for a dialog. */
        String quotedStderr() {
            String text = stderr.strip();
            return text.length() <= QUOTED_STDERR_LIMIT ? text : text.substring(0, QUOTED_STDERR_LIMIT) + " ...";
        }
    }

    /**
     * @throws IOException when the program cannot be started, e.g. because it is not installed
     * @throws InterruptedException when the calling thread is interrupted; the program is killed first
     */
    static Result run(List<String> command) throws IOException, InterruptedException {
        Path stderrFile = Files.createTempFile("kforge-helper", ".stderr");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderrFile.toFile())
                    .start();
            int exitCode = waitFor(process);
            return new Result(exitCode, Files.readString(stderrFile, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stderrFile);
        }
    }

    private static int waitFor(Process process) throws InterruptedException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }
}
