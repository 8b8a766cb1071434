package kforge.kconfig.preprocess;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import kforge.kconfig.diag.KconfigException;

/**
 * Runs $(shell,...) commands like popen(3): "/bin/sh -c command", stdout read, stderr left on the terminal.
 * {@link #start} and {@link #finish} are public so a prefetching runner can start commands early.
 */
public final class ProcessShellRunner implements ShellRunner {
    private static final String SHELL = "/bin/sh";
    private static final File NO_INPUT = new File("/dev/null");

    private final Charset charset;

    public ProcessShellRunner() {
        this(StandardCharsets.UTF_8);
    }

    /** @param charset how the command's output bytes become text */
    public ProcessShellRunner(Charset charset) {
        this.charset = charset;
    }

    @Override
    public String run(String command, Map<String, String> env, Path cwd) {
        return finish(command, start(command, env, cwd));
    }

    /** Starts the command; its stdout is a pipe that {@link #finish} must read. */
    public Process start(String command, Map<String, String> env, Path cwd) {
        ProcessBuilder builder = new ProcessBuilder(SHELL, "-c", command)
                .directory(cwd.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> childEnv = builder.environment();
        childEnv.clear();
        childEnv.putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw failure(command, e.getMessage());
        }
    }

    /** Reads the command's output and waits for it to exit, as fread() then pclose() do. */
    public String finish(String command, Process process) {
        byte[] buffer = new byte[ShellOutput.READ_BUFFER_BYTES];
        int length;
        // Closing our end before waiting matters: a command writing more than we read then gets SIGPIPE
        // instead of blocking forever, as with pclose().
        try (InputStream stdout = process.getInputStream()) {
            length = stdout.readNBytes(buffer, 0, buffer.length);
        } catch (IOException e) {
            process.destroy();
            throw failure(command, e.getMessage());
        }
        awaitExit(command, process);
        return ShellOutput.toExpansion(buffer, length, charset);
    }

    private static void awaitExit(String command, Process process) {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw failure(command, "interrupted");
        }
    }

    /** conf reports these with perror(cmd) and exits. */
    private static KconfigException failure(String command, String reason) {
        return new KconfigException(command + ": " + reason);
    }
}
