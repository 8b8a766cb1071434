package kforge.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.testing.CommandRun;
import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceKernel;
import kforge.runner.board.BoardProfiles;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildRecords;
import kforge.runner.record.BuildStatus;

/**
 * kforge boot on Debian's 6.1 and 6.12: UML as a process and versatilepb under qemu-system-arm, each a
 * small kernel (the preset's boot fragment over allnoconfig, checked against the kernel's own make), a
 * static init built with the board's compiler, and the marker on the console. Also a boot that never
 * shows the marker, in the 6.1 UML out dir. The kernels are {@link SmallKernels}', shared with
 * DistributedBuildTest (the same versatilepb zImage from a second empty out dir) and BuildBootWindowTest
 * (the UML out dir rebuilt and booted from the panel). Cost: four small kernel builds, 70-95 s each on an
 * idle machine (twice that in CI); a boot ~1 s.
 */
class BootCommandTest {
    @TempDir
    static Path dir;

    @Test
    void umlBootsOn61() throws Exception {
        assertBoots(ReferenceKernel.LINUX_6_1, "uml", "um", null);
    }

    @Test
    void umlBootsOn612() throws Exception {
        assertBoots(ReferenceKernel.LINUX_6_12, "uml", "um", null);
    }

    @Test
    void versatilepbBootsOn61() throws Exception {
        assertBoots(ReferenceKernel.LINUX_6_1, "versatilepb", "arm", "arm-linux-gnueabi-");
    }

    @Test
    void versatilepbBootsOn612() throws Exception {
        assertBoots(ReferenceKernel.LINUX_6_12, "versatilepb", "arm", "arm-linux-gnueabi-");
    }

    @Test
    void anInitWithoutTheMarkerFailsAtTheTimeoutAndLeavesNoProcess() throws Exception {
        Path out = SmallKernels.booted(ReferenceKernel.LINUX_6_1, "uml").out();
        Path silent = dir.resolve("silent-init.c");
        Files.writeString(silent, "#include <stdio.h>\n#include <unistd.h>\nint main(void) {\n"
                + "  printf(\"an init that never says it\\n\"); fflush(stdout);\n  for (;;) pause();\n}\n");
        Path init = dir.resolve("silent-init");
        CommandRun.run(List.of("gcc", "-static", "-o", init.toString(), silent.toString()), System.getenv(),
                Duration.ofMinutes(2)).requireSuccess();

        long start = System.nanoTime();
        CliRun run = CliRun.kforge("boot", "--board", "uml", "-n", "--tree", ReferenceKernel.LINUX_6_1.tree().toString(),
                "--out", out.toString(), "-q", "--progress", "plain", "--init", init.toString(), "--timeout", "8");
        double seconds = (System.nanoTime() - start) / 1e9;

        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(seconds >= 8, "it waited for the timeout: " + seconds);
        BuildRecord.Boot boot = BuildRecords.read(out.resolve(BuildRecords.LATEST)).boot();
        assertEquals(BuildStatus.FAIL, boot.status());
        assertTrue(boot.detail().contains("no marker within 8.0 s"), boot.detail());
        String console = Files.readString(out.resolve(boot.console()));
        assertTrue(console.contains("an init that never says it"), "the console log is kept");
        assertTrue(run.out().contains("an init that never says it"), "the console is streamed");
        assertNoProcessRuns(out.resolve("linux"));
    }

    private static void assertBoots(ReferenceKernel kernel, String board, String arch, String cross) throws Exception {
        SmallKernels.Booted booted = SmallKernels.booted(kernel, board);
        Path fragment = dir.resolve(board + "-boot.config");
        Files.writeString(fragment, String.join("\n", BoardProfiles.builtIn().get(board).boot().config()) + "\n");
        assertEquals(Oracle.configWithAllconfig(kernel, arch, cross, "allnoconfig", fragment,
                dir.resolve("make-" + board + "-" + kernel)), booted.config(),
                "the preset's .config is make allnoconfig with its boot fragment");
        assertEquals(BuildStatus.PASS, booted.record().status());
        BuildRecord.Boot boot = booted.record().boot();
        assertEquals(BuildStatus.PASS, boot.status(), boot.detail());
        assertTrue(boot.seconds() > 0 && boot.seconds() < 60, String.valueOf(boot.seconds()));
        assertTrue(booted.console().contains(boot.marker()), "the console log has the marker");
    }

    private static void assertNoProcessRuns(Path program) {
        String path = program.toString();
        List<String> left = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(path::equals).orElse(false)
                        || p.info().commandLine().map(c -> c.contains(path)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        assertTrue(left.isEmpty(), "processes of the boot are left: " + left);
    }

}
