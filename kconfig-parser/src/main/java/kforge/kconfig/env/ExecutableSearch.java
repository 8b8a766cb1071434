package kforge.kconfig.env;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code command -v} for a program name, searched in the PATH of the environment conf will get
 * rather than the JVM's own, because that is where the Makefile's shells look.
 */
public final class ExecutableSearch {
    /** What dash searches when PATH is unset. */
    private static final String SHELL_DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private ExecutableSearch() {
    }

    public static Optional<Path> find(String program, Map<String, String> environment) {
        if (program.isEmpty()) {
            return Optional.empty();
        }
        if (program.contains("/")) {
            Path path = Path.of(program);
            return isExecutableFile(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = environment.getOrDefault("PATH", SHELL_DEFAULT_PATH);
        for (String directory : searchPath.split(":", -1)) {
            // An empty PATH entry means the current directory, as in the shell.
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, program);
            if (isExecutableFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
