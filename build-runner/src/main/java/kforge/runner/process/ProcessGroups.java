package kforge.runner.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The processes of a Linux process group, read from /proc. Java has no call for it, and once a shell in a
 * make recipe dies its compiler is no longer anyone's descendant, only a member of make's group.
 */
final class ProcessGroups {
    private static final Path PROC = Path.of("/proc");

    private ProcessGroups() {
    }

    /** Pids whose process group is pgid; empty where /proc is missing. */
    static List<Long> members(long pgid) {
        List<Long> members = new ArrayList<>();
        if (!Files.isDirectory(PROC)) {
            return members;
        }
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .forEach(name -> {
                        if (groupOf(name) == pgid) {
                            members.add(Long.parseLong(name));
                        }
                    });
        } catch (IOException e) {
            // /proc vanished under us; the descendants are still signalled.
        }
        return members;
    }

    /** Field 5 of /proc/PID/stat; the command name (field 2) may hold spaces, so count from its ')'. */
    private static long groupOf(String pid) {
        try {
            String stat = Files.readString(PROC.resolve(pid).resolve("stat"), StandardCharsets.ISO_8859_1);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[2]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
