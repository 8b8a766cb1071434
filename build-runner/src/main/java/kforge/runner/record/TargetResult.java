package kforge.runner.record;

import java.util.List;

/**
 * One make target's outcome.
 *
 * @param exitCode make's exit status; -1 if make never ran
 * @param compiledObjects objects kbuild reported compiling; the next build's progress estimate
 */
public record TargetResult(String name, BuildStatus status, double seconds, int exitCode, int compiledObjects,
                           List<String> command) {

    public TargetResult {
        command = command == null ? List.of() : List.copyOf(command);
    }

    public static TargetResult skipped(String name) {
        return new TargetResult(name, BuildStatus.SKIPPED, 0, -1, 0, List.of());
    }
}
