package kforge.runner.process;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.env.ExecutableSearch;

/**
 * One running program with everything it starts (a make and its compilers, QEMU, UML's kernel and its
 * helpers): its stdout and stderr handed over line by line as they come, and a cancel that stops every
 * process under it. Signalling the program alone would leave its children running as orphans, so it is
 * started in a session of its own (util-linux setsid, when present) and cancel signals that whole group.
 */
public final class SessionProcess {
    /** How long the processes get to stop on SIGTERM (make deletes half-written targets then) before SIGKILL. */
    private static final long GRACE_MILLIS = 5000;

    /** Receives output lines; called from two reader threads, one line at a time. */
    public interface LineSink {
        void line(String line, boolean stderr);
    }

    private final Process process;
    private final List<Thread> readers = new ArrayList<>();
    private volatile boolean cancelled;

    private SessionProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts the command (an argument list, never a shell string) in a directory with exactly the given
     * environment. stdin is /dev/null: nothing kforge runs may stop to ask.
     */
    public static SessionProcess start(List<String> command, Path directory, Map<String, String> environment,
                                    LineSink sink) {
        ProcessBuilder builder = new ProcessBuilder(inOwnSession(command, environment))
                .directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new KconfigException("cannot run '" + command.get(0) + "': " + e.getMessage());
        }
        SessionProcess running = new SessionProcess(process);
        Object lock = new Object();
        running.read(process.getInputStream(), false, sink, lock);
        running.read(process.getErrorStream(), true, sink, lock);
        return running;
    }

    private static List<String> inOwnSession(List<String> command, Map<String, String> environment) {
        return ExecutableSearch.find("setsid", environment).map(setsid -> {
            List<String> wrapped = new ArrayList<>();
            wrapped.add(setsid.toString());
            wrapped.addAll(command);
            return wrapped;
        }).orElse(command);
    }

    private void read(InputStream stream, boolean stderr, LineSink sink, Object lock) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (lock) {
                        sink.line(line, stderr);
                    }
                }
            } catch (IOException e) {
                // The pipe closes when the process tree is killed; whatever was read has been delivered.
            }
        }, "process-" + (stderr ? "stderr" : "stdout"));
        reader.setDaemon(true);
        reader.start();
        readers.add(reader);
    }

    /** Waits for the program to exit and for its last output line to be delivered; returns its exit status. */
    public int waitFor() throws InterruptedException {
        int status = process.waitFor();
        for (Thread reader : readers) {
            reader.join(GRACE_MILLIS);
        }
        return status;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status; only once the program has exited. */
    public int exitValue() {
        return process.exitValue();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Stops the program and everything it started: SIGTERM to the whole tree at once, so make can delete the
     * targets it was writing and the out dir stays usable, then SIGKILL to whatever is left.
     */
    public void cancel() {
        cancelled = true;
        Set<ProcessHandle> signalled = new LinkedHashSet<>();
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        do {
            for (ProcessHandle handle : processTree()) {
                if (signalled.add(handle)) {
                    handle.destroy();
                }
            }
            sleepBriefly();
        } while (System.currentTimeMillis() < deadline && signalled.stream().anyMatch(ProcessHandle::isAlive));
        signalled.addAll(processTree());
        signalled.forEach(ProcessHandle::destroyForcibly);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The program, its descendants, and anything left in its session (a compiler whose shell has already died). */
    private List<ProcessHandle> processTree() {
        List<ProcessHandle> tree = new ArrayList<>();
        if (process.isAlive()) {
            tree.add(process.toHandle());
        }
        process.descendants().forEach(tree::add);
        ProcessGroups.members(process.pid()).forEach(pid -> ProcessHandle.of(pid).ifPresent(tree::add));
        return tree;
    }
}
