package kforge.kconfig.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the process that owns a temporary file, so that a later writer can tell a killed writer's leftover
 * from a live writer's work in progress. A PID alone is not enough: once the writer is gone the kernel hands
 * its number to the next process or thread (CI saw a killed writer's PID in use again within the same test),
 * and that one looks alive. The token is the PID and the process's start time in milliseconds; a process
 * that took the number later started later, so its token differs.
 */
public final class WriterToken {
    /** What {@link #current()} returns, as a regular expression with no groups of its own. */
    public static final String PATTERN = "\\d{1,10}(?:-\\d{1,19})?";

    private static final Pattern PARTS = Pattern.compile("(\\d{1,10})(?:-(\\d{1,19}))?");
    private static final String CURRENT = of(ProcessHandle.current());

    private WriterToken() {
    }

    /** This process's token: "PID-STARTMILLIS", or "PID" where the start time cannot be read. */
    public static String current() {
        return CURRENT;
    }

    /** Whether the process that made {@code token} may still be running: its PID runs, and started when it did. */
    public static boolean isRunning(String token) {
        Matcher parts = PARTS.matcher(token);
        if (!parts.matches()) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts.group(1)))
                .filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        if (parts.group(2) == null) {
            return true;
        }
        Optional<Instant> started = process.get().info().startInstant();
        // A start time that cannot be read proves nothing: the file may be a live writer's.
        return started.map(s -> s.toEpochMilli() == Long.parseLong(parts.group(2))).orElse(true);
    }

    /**
     * Deletes the files in dir whose whole name matches leftover and whose token, the pattern's group 1, is
     * not {@link #isRunning running}: what killed writers left behind. Other files stay.
     */
    public static void removeLeftovers(Path dir, Pattern leftover) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                file -> leftover.matcher(file.getFileName().toString()).matches())) {
            for (Path file : files) {
                Matcher name = leftover.matcher(file.getFileName().toString());
                if (name.matches() && !isRunning(name.group(1))) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static String of(ProcessHandle process) {
        return process.pid() + process.info().startInstant().map(s -> "-" + s.toEpochMilli()).orElse("");
    }
}
