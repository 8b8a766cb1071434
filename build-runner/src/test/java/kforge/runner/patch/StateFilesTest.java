package kforge.runner.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.io.WriterToken;

/** The series' bookkeeping files: a killed writer's temporary file goes with the next write, a live one's stays. */
class StateFilesTest {
    @TempDir
    Path dir;

    @Test
    void theNextWriteRemovesTheTemporaryFilesOfWritersThatNoLongerRun() throws IOException {
        long self = ProcessHandle.current().pid();
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        List<String> left = List.of(".journal.kforge-" + self + "-1.tmp", ".journal.kforge-99999999.tmp",
                ".journal.kforge-" + parent + ".tmp", ".series.kforge-" + self + "-1.tmp");
        for (String name : left) {
            Files.writeString(dir.resolve(name), "half");
        }

        StateFiles.replace(dir.resolve("journal"), "state\n");

        assertEquals(List.of(".journal.kforge-" + parent + ".tmp", ".series.kforge-" + self + "-1.tmp", "journal"),
                names(), "a running writer's file and another file's temporary stay");
        assertEquals("state\n", Files.readString(dir.resolve("journal")));
        assertTrue(WriterToken.isRunning(Long.toString(parent)), "the kept file's writer runs");
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
