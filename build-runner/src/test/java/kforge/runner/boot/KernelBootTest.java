package kforge.runner.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.runner.board.BoardProfile;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildStatus;

/**
 * KernelBoot's waiting and killing, with a shell script in the place of UML's linux: the marker, a
 * timeout, an early exit and a cancel, and in every case no process of the boot left behind (the script
 * starts a child that would outlive it). Real boots are in the app's BootCommandTest.
 */
class KernelBootTest {
    private static final Pattern CHILD = Pattern.compile("child (\\d+)");
    private static final BoardProfile UML = new BoardProfile("uml", "", "um", "", "x86_64_defconfig", List.of(),
            List.of("linux"), List.of("linux"), "", "", null, null,
            new BoardProfile.Boot("uml", null, null, "mem=64M", List.of(), null));

    @TempDir
    Path out;

    private final List<String> console = new CopyOnWriteArrayList<>();

    @Test
    void markerPassesAndTheProcessTreeIsGone() throws Exception {
        BuildRecord.Boot boot = boot("sleep 0.3; echo 'the marker: up'; sleep 1000", 30);
        assertEquals(BuildStatus.PASS, boot.status(), console.toString());
        assertTrue(boot.seconds() < 30, "seconds run to the marker, not to the kill: " + boot.seconds());
        assertTrue(Files.readString(out.resolve(KernelBoot.CONSOLE_LOG)).contains("the marker: up"));
        assertChildGone();
    }

    @Test
    void noMarkerFailsAtTheTimeoutAndKeepsTheConsole() throws Exception {
        long start = System.nanoTime();
        BuildRecord.Boot boot = boot("echo 'still booting'; sleep 1000", 1.5);
        double waited = (System.nanoTime() - start) / 1e9;
        assertEquals(BuildStatus.FAIL, boot.status());
        assertTrue(boot.detail().contains("no marker within 1.5 s"), boot.detail());
        assertTrue(waited >= 1.5, "it waited the whole timeout: " + waited);
        assertTrue(Files.readString(out.resolve(KernelBoot.CONSOLE_LOG)).contains("still booting"));
        assertChildGone();
    }

    @Test
    void exitBeforeTheMarkerFailsAtOnce() throws Exception {
        BuildRecord.Boot boot = boot("echo 'Kernel panic - not syncing: no init found'; exit 3", 60);
        assertEquals(BuildStatus.FAIL, boot.status());
        assertTrue(boot.detail().endsWith("exited with status 3 before the marker"), boot.detail());
        assertTrue(boot.seconds() < 30, String.valueOf(boot.seconds()));
    }

    @Test
    void cancelEndsTheBootAsCancelled() throws Exception {
        KernelBoot kernelBoot = prepare("sleep 1000", 60);
        Thread canceller = new Thread(() -> {
            sleep(500);
            kernelBoot.cancel();
        });
        canceller.start();
        BuildRecord.Boot boot = kernelBoot.call();
        canceller.join();
        assertEquals(BuildStatus.CANCELLED, boot.status());
        assertChildGone();
    }

    private BuildRecord.Boot boot(String script, double timeoutSeconds) throws Exception {
        return prepare(script, timeoutSeconds).call();
    }

    private KernelBoot prepare(String script, double timeoutSeconds) throws IOException {
        Path linux = out.resolve("linux");
        Files.writeString(linux, "#!/bin/sh\nsleep 1000 &\necho child $!\n" + script + "\n");
        Files.setPosixFilePermissions(linux, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path initramfs = Files.writeString(out.resolve("initramfs.cpio"), "");
        return KernelBoot.of(UML, out).setInitramfs(initramfs).setMarker("the marker: up")
                .setTimeoutSeconds(timeoutSeconds).setConsole((line, stderr) -> console.add(line));
    }

    private void assertChildGone() throws InterruptedException {
        long child = console.stream().map(CHILD::matcher).filter(Matcher::matches).mapToLong(m -> Long.parseLong(m.group(1)))
                .findFirst().orElseThrow(() -> new AssertionError("the script's child was not reported: " + console));
        for (int i = 0; i < 50 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(20);
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false),
                "the boot's child process " + child + " is still running");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
