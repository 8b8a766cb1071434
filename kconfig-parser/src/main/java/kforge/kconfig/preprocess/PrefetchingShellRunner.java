package kforge.kconfig.preprocess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Trace;

/**
 * Runs $(shell,...) commands ahead of the parse, in parallel: those a previous parse of the same tree needed,
 * and those a {@link #start scout} reading ahead of the parse finds. The parse takes each result when it
 * reaches that command. Results are always computed in this run, so nothing can be stale: only the list of
 * commands comes from elsewhere. The n-th time the parse asks for a command it gets the n-th run started for
 * it; commands not foreseen run directly. Every call the parse makes is recorded in order.
 */
public final class PrefetchingShellRunner implements ShellRunner, AutoCloseable {
    private final ShellRunner direct;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    /** Guarded by itself: for each command, its runs started ahead, and how many of them the parse took. */
    private final Map<String, Runs> runs = new HashMap<>();
    private final List<ShellCall> calls = new ArrayList<>();
    private ExecutorService pool;
    private boolean closed;
    private int takenAhead;

    /** The runs of one command, in order, whoever started them; how many were started ahead, and taken. */
    private static final class Runs {
        final List<CompletableFuture<String>> results = new ArrayList<>();
        int startedAhead;
        int taken;
    }

    public PrefetchingShellRunner(ShellRunner direct, List<String> expectedCommands, Map<String, String> environment,
                                  Path workingDirectory) {
        this.direct = direct;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        for (String command : expectedCommands) {
            start(command);
        }
    }

    /**
     * Starts the next run of {@code command} ahead of the parse, unless the parse has already run it that
     * many times; either way, the result of that run.
     */
    public CompletableFuture<String> start(String command) {
        synchronized (runs) {
            Runs r = runs.computeIfAbsent(command, c -> new Runs());
            int occurrence = r.startedAhead++;
            if (occurrence < r.results.size()) {
                // The parse got there first and ran it itself.
                return r.results.get(occurrence);
            }
            if (closed) {
                return CompletableFuture.failedFuture(new KconfigException("the parse is over"));
            }
            CompletableFuture<String> result = CompletableFuture.supplyAsync(
                    () -> direct.run(command, environment, workingDirectory), pool());
            r.results.add(result);
            return result;
        }
    }

    private ExecutorService pool() {
        if (pool == null) {
            // One more than the cores: part of each command's time is process start-up, not computing.
            int threads = Runtime.getRuntime().availableProcessors() + 1;
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "shell-prefetch");
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    @Override
    public String run(String command, Map<String, String> env, Path cwd) {
        String result;
        if (env.equals(environment) && Objects.equals(cwd, workingDirectory)) {
            CompletableFuture<String> ahead = null;
            CompletableFuture<String> mine = null;
            synchronized (runs) {
                Runs r = runs.computeIfAbsent(command, c -> new Runs());
                int occurrence = r.taken++;
                if (occurrence < r.results.size()) {
                    ahead = r.results.get(occurrence);
                } else {
                    mine = new CompletableFuture<>();
                    r.results.add(mine);
                }
            }
            if (ahead != null) {
                takenAhead++;
            }
            result = ahead != null ? await(ahead) : runDirectly(command, mine);
        } else {
            result = direct.run(command, env, cwd);
        }
        calls.add(new ShellCall(command, result));
        return result;
    }

    /** Runs the command here; the scout, should it come to the same run, shares the result. */
    private String runDirectly(String command, CompletableFuture<String> shared) {
        try {
            String result = direct.run(command, environment, workingDirectory);
            shared.complete(result);
            return result;
        } catch (RuntimeException e) {
            shared.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * True when the expected calls, run now, give the results they gave before. The results stay
     * available for a parse that follows.
     */
    public boolean reproduces(List<ShellCall> expected) {
        Map<String, Integer> seen = new HashMap<>();
        for (ShellCall call : expected) {
            int index = seen.merge(call.command(), 1, Integer::sum) - 1;
            CompletableFuture<String> run;
            synchronized (runs) {
                Runs r = runs.get(call.command());
                if (r == null || r.results.size() <= index) {
                    return false;
                }
                run = r.results.get(index);
            }
            if (!call.result().equals(await(run))) {
                return false;
            }
        }
        return true;
    }

    /** The calls the parse made, in order. */
    public List<ShellCall> calls() {
        return List.copyOf(calls);
    }

    private static String await(CompletableFuture<String> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KconfigException("interrupted while running a $(shell,...) command");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new KconfigException(String.valueOf(e.getCause()));
        }
    }

    /** True once the parse is over: a scout then stops. */
    public boolean isClosed() {
        synchronized (runs) {
            return closed;
        }
    }

    /** No run starts after this; those started finish in the background. */
    @Override
    public void close() {
        synchronized (runs) {
            closed = true;
            int started = runs.values().stream().mapToInt(r -> r.results.size()).sum();
            Trace.mark("shell: " + calls.size() + " calls, " + takenAhead + " of them run ahead; "
                    + started + " runs in all");
            if (pool != null) {
                pool.shutdown();
            }
        }
    }
}
