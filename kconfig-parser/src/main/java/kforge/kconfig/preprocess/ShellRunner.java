package kforge.kconfig.preprocess;

import java.nio.file.Path;
import java.util.Map;

import kforge.kconfig.diag.SourceLocation;

/**
 * Runs the command of a $(shell,...) call. Pluggable so a runner can, for example, start commands ahead of
 * time in parallel and hand back the cached result when the preprocessor asks for it.
 */
@FunctionalInterface
public interface ShellRunner {
    /**
     * Runs {@code command} with "/bin/sh -c" in {@code cwd}, with exactly {@code env} as its environment, and
     * returns what $(shell,...) expands to: at most 4095 bytes of its stdout, trailing newlines removed,
     * other newlines turned into spaces (see {@link ShellOutput}). The exit status does not matter.
     *
     * @throws kforge.kconfig.diag.KconfigException when the command cannot be run at all
     */
    String run(String command, Map<String, String> env, Path cwd);

    /**
     * The same, told which Kconfig line makes the call (the use of a macro, not its definition): a runner
     * that lists the commands instead of running them names where each comes from.
     */
    default String run(String command, Map<String, String> env, Path cwd, SourceLocation calledAt) {
        return run(command, env, cwd);
    }
}
