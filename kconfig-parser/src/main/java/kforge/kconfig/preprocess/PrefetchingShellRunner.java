package kforge.kconfig.preprocess;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import kforge.kconfig.diag.KconfigException;

/**
 * Runs the $(shell,...) commands a previous parse of the same tree needed, in parallel and ahead of time;
 * the parse then takes each result when it reaches that command. Results are always computed in this
 * run, so nothing can be stale: only the list of commands comes from before. Commands the parse asks
 * for that were not foreseen run directly. Every call is recorded in order.
 */
public final class PrefetchingShellRunner implements ShellRunner, AutoCloseable {
    private final ShellRunner direct;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Map<String, Deque<CompletableFuture<String>>> pending = new HashMap<>();
    private final List<ShellCall> calls = new ArrayList<>();
    private final ExecutorService pool;

    public PrefetchingShellRunner(ShellRunner direct, List<String> expectedCommands, Map<String, String> environment,
                                  Path workingDirectory) {
        this.direct = direct;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        if (expectedCommands.isEmpty()) {
            pool = null;
            return;
        }
        // One more than the cores: part of each command's time is process start-up, not computing.
        int threads = Runtime.getRuntime().availableProcessors() + 1;
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "shell-prefetch");
            t.setDaemon(true);
            return t;
        });
        for (String command : expectedCommands) {
            CompletableFuture<String> result = CompletableFuture.supplyAsync(
                    () -> direct.run(command, environment, workingDirectory), pool);
            pending.computeIfAbsent(command, c -> new ArrayDeque<>()).add(result);
        }
    }

    @Override
    public String run(String command, Map<String, String> env, Path cwd) {
        String result = null;
        Deque<CompletableFuture<String>> queue = pending.get(command);
        if (queue != null && !queue.isEmpty() && env.equals(environment) && Objects.equals(cwd, workingDirectory)) {
            result = await(queue.poll());
        }
        if (result == null) {
            result = direct.run(command, env, cwd);
        }
        calls.add(new ShellCall(command, result));
        return result;
    }

    /**
     * True when the expected calls, run now, give the results they gave before. The results stay
     * available for a parse that follows.
     */
    public boolean reproduces(List<ShellCall> expected) {
        Map<String, Integer> seen = new HashMap<>();
        for (ShellCall call : expected) {
            int index = seen.merge(call.command(), 1, Integer::sum) - 1;
            Deque<CompletableFuture<String>> queue = pending.get(call.command());
            if (queue == null || queue.size() <= index) {
                return false;
            }
            String now = await(new ArrayList<>(queue).get(index));
            if (!call.result().equals(now)) {
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

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
