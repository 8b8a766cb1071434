package kforge.kconfig.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temporary files a killed writer leaves beside a .config, and which of them the next write removes. */
class AtomicFileLeftoverTest {
    private static final String SELF = Long.toString(ProcessHandle.current().pid());

    @TempDir
    Path dir;

    @Test
    void thisProcessesTokenIsRunning() {
        assertTrue(WriterToken.current().startsWith(SELF + "-"), WriterToken.current());
        assertTrue(WriterToken.isRunning(WriterToken.current()));
    }

    @Test
    void aRunningPidThatStartedAtAnotherTimeIsALaterProcessWithTheSameNumber() {
        // What CI met: a killed writer's PID handed to a new process or thread, which looked alive.
        assertFalse(WriterToken.isRunning(SELF + "-1"));
    }

    @Test
    void aProcessThatEndedIsNotRunning() throws Exception {
        Process child = new ProcessBuilder("sleep", "5").start();
        String token = child.pid() + "-" + child.info().startInstant().orElseThrow().toEpochMilli();
        assertTrue(WriterToken.isRunning(token), token);
        child.destroyForcibly().waitFor();
        assertFalse(WriterToken.isRunning(token), token);
    }

    @Test
    void theNextWriteRemovesADeadWritersLeftoversAndKeepsARunningOnes() throws IOException {
        Path config = dir.resolve(".config");
        AtomicFile.replace(config, "CONFIG_A=y\n", true);
        String reused = SELF + "-1";
        String running = WriterToken.current().replace(SELF, Long.toString(ProcessHandle.current().parent()
                .orElseThrow().pid())).replaceFirst("-\\d+$", "");
        List<String> left = List.of(".config." + reused + ".tmp", ".config.old." + reused + ".tmp",
                ".config.99999999.tmp", ".config.old." + running + ".tmp", ".config.extra.tmp");
        for (String name : left) {
            Files.writeString(dir.resolve(name), "half");
        }

        AtomicFile.replace(config, "CONFIG_A=n\n", true);

        assertEquals(List.of(".config", ".config.extra.tmp", ".config.old", ".config.old." + running + ".tmp"),
                names(), "a running writer's file and a file not named by a writer stay");
        assertEquals("CONFIG_A=y\n", Files.readString(dir.resolve(".config.old")));
    }

    @Test
    void keepingTheOldFileWhenItAlreadyIsTheCurrentOneLeavesNoTemporaryName() throws IOException {
        // What a writer killed between keeping .config.old and renaming the new .config in leaves behind.
        Path config = dir.resolve(".config");
        Files.writeString(config, "CONFIG_A=y\n");
        Files.createLink(dir.resolve(".config.old"), config);

        AtomicFile.replace(config, "CONFIG_A=n\n", true);

        assertEquals(List.of(".config", ".config.old"), names());
        assertEquals("CONFIG_A=y\n", Files.readString(dir.resolve(".config.old")));
        assertEquals("CONFIG_A=n\n", Files.readString(config));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
