package kforge.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.app.gui.model.FakeKernelTree;
import kforge.runner.host.HostRequirements;
import kforge.kconfig.testing.ReferenceTree;

/**
 * "kforge doctor --tree" lists the $(shell,...) commands the tree's Kconfig runs, by file, without running
 * any: on a tree whose Kconfig would leave a file, and on Debian's 6.1 for x86 with its compiler probes.
 */
class DoctorShellCommandsTest {
    @TempDir
    Path dir;

    @Test
    void listsTheTreesCommandsWithoutRunningThem() throws IOException {
        Path marker = dir.resolve("commands-ran");
        Path tree = FakeKernelTree.runningShellCommands(dir, "linux-shell", marker);
        Path changes = tree.resolve(HostRequirements.CHANGES_RST);
        Files.createDirectories(changes.getParent());
        Files.copy(ReferenceTree.get().resolve(HostRequirements.CHANGES_RST), changes);

        CliRun run = CliRun.kforge("doctor", "--tree", tree.toString(), "--arch", "x86");

        assertFalse(run.hasStackTrace(), run.err());
        assertFalse(Files.exists(marker), "doctor ran a command of the tree");
        assertTrue(run.out().contains("Shell commands the Kconfig runs (2, each with the lines that call it;"), run.out());
        assertTrue(run.out().contains("\n  Kconfig\n    3: touch " + marker + " && echo y\n    6: echo hello\n"),
                run.out());
    }

    @Test
    void listsTheCompilerProbesOfARealTree() {
        CliRun run = CliRun.kforge("doctor", "--tree", ReferenceTree.get().toString(), "--arch", "x86");

        assertFalse(run.hasStackTrace(), run.err());
        String out = run.out();
        assertTrue(out.contains("\n  scripts/Kconfig.include\n"), CliRun.tail(out));
        assertTrue(out.contains("/scripts/cc-version.sh gcc"), CliRun.tail(out));
        assertTrue(out.contains("\n  arch/x86/Kconfig\n"), CliRun.tail(out));
        assertTrue(out.contains("(uses another command's output)"), CliRun.tail(out));
    }

    @Test
    void anUnknownArchIsAMessageNotAStackTrace() {
        CliRun run = CliRun.kforge("doctor", "--tree", ReferenceTree.get().toString(), "--arch", "vax");

        assertFalse(run.hasStackTrace(), run.err());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("Shell commands the Kconfig runs: FAIL: unknown architecture ARCH=vax"),
                run.out());
    }
}
