package kforge.runner.make;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.runner.artifact.Artifact;
import kforge.runner.diag.Diagnostic;
import kforge.runner.diag.Severity;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildRecords;
import kforge.runner.record.BuildStatus;
import kforge.runner.wrapper.CompilerWrapper;
import kforge.kconfig.diag.KconfigException;

/** The build runner against a fake kernel Makefile that compiles real C files with the ARM cross gcc. */
class KernelBuildTest {
    private static final String CROSS = "arm-linux-gnueabi-";

    @TempDir
    Path dir;
    Path tree;
    Path out;

    @BeforeEach
    void setUp() throws IOException {
        tree = FakeKernel.copyTo(dir);
        out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve(".config"), "CONFIG_FOO=y\n# CONFIG_BAR is not set\n");
    }

    private KernelBuild build(String... targets) {
        return KernelBuild.of(tree, out).setBoard("fake").setArch("arm").setCrossCompile(CROSS).setJobs(2)
                .setTargets(List.of(targets));
    }

    private static Map<String, String> environmentWith(String name, String value) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(name, value);
        return env;
    }

    @Test
    void zImageBuildPassesWithVerifiedArtifactsProgressAndRecord() throws Exception {
        List<BuildProgress> progress = Collections.synchronizedList(new ArrayList<>());
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        BuildRecord record = build("zImage").setListener(new BuildListener() {
            @Override
            public void progress(BuildProgress p) {
                progress.add(p);
            }

            @Override
            public void output(String line, boolean stderr) {
                lines.add(line);
            }
        }).call();

        assertEquals(BuildStatus.PASS, record.status());
        assertEquals(6, record.target("zImage").orElseThrow().compiledObjects());
        assertTrue(lines.contains("Kernel: arch/arm/boot/zImage is ready"), lines.toString());
        assertTrue(Files.readAllLines(out.resolve(KernelBuild.LOG)).containsAll(lines), "the log has every line");
        assertEquals(6, progress.size());
        assertEquals(6, progress.get(0).expected(), "the estimate read from Kbuild: 2 in init, 3 + CONFIG_FOO in kernel");
        assertEquals(6, progress.get(5).compiled());
        assertTrue(progress.get(5).fraction() < 1.0);
        List<String> paths = record.artifacts().stream().map(Artifact::path).toList();
        assertEquals(List.of("arch/arm/boot/zImage", "vmlinux", "System.map", ".config"), paths);
        assertTrue(record.artifacts().stream().allMatch(Artifact::verified), record.artifacts().toString());
        assertEquals(64, record.artifacts().get(0).sha256().length());
        assertEquals(record.artifacts().get(3).sha256(), record.config().sha256(), "the .config's digest");
        assertEquals(1, record.warnings(), record.diagnostics().toString());
        Diagnostic unused = record.diagnostics().get(0);
        assertTrue(unused.file().endsWith("kernel/fork.c"), unused.toString());
        assertEquals(3, unused.line());
        assertEquals(Severity.WARNING, unused.severity());

        BuildRecord reread = BuildRecords.read(out.resolve(BuildRecords.LATEST));
        assertEquals(record, reread);
        assertEquals("6.1.0-fake", reread.tree().kernelVersion());
        assertEquals(1, BuildRecords.history(out).size());
        assertTrue(record.target("zImage").orElseThrow().command().containsAll(List.of("O=" + out, "ARCH=arm",
                "CROSS_COMPILE=" + CROSS, "-j2", "KCONFIG_CONFIG=" + out.resolve(".config"), "zImage")));
    }

    @Test
    void secondBuildTakesItsEstimateFromTheFirstRecord() throws Exception {
        build("zImage").call();
        Files.writeString(out.resolve(".config"), "# CONFIG_FOO is not set\nCONFIG_BAR=y\n");
        List<BuildProgress> progress = Collections.synchronizedList(new ArrayList<>());
        BuildRecord record = build("zImage").setListener(new BuildListener() {
            @Override
            public void progress(BuildProgress p) {
                progress.add(p);
            }
        }).call();
        assertEquals(BuildStatus.PASS, record.status(), record.toString());
        assertEquals(5, record.target("zImage").orElseThrow().compiledObjects(), "the changed .config rebuilds all");
        assertEquals(6, progress.get(0).expected(), "last build's count");
        List<BuildRecord> history = BuildRecords.history(out);
        assertEquals(2, history.size());
        assertEquals(record, history.get(1));
    }

    @Test
    void compileErrorFailsTheTargetSkipsTheRestAndIsParsed() throws Exception {
        BuildRecord record = build("zImage", "modules")
                .setEnvironment(environmentWith("FAKE_BROKEN", "1")).call();
        assertEquals(BuildStatus.FAIL, record.status());
        assertEquals(BuildStatus.FAIL, record.target("zImage").orElseThrow().status());
        assertEquals(BuildStatus.SKIPPED, record.target("modules").orElseThrow().status());
        assertTrue(record.errors() >= 1);
        Diagnostic error = record.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR
                && d.file() != null && d.file().endsWith("kernel/broken.c")).findFirst().orElseThrow();
        assertEquals(3, error.line());
        assertTrue(error.message().contains("undeclared_thing"), error.message());
        assertTrue(Files.isRegularFile(out.resolve(BuildRecords.LATEST)));
        assertEquals(Artifact.inspect(out, ".config", "arm").sha256(), record.config().sha256(),
                "hashed even when no artifact lists the .config");
        assertFalse(Files.exists(out.resolve("kernel/broken.o")), "make deletes the failed object");
    }

    @Test
    void corruptImageFailsVerification() throws Exception {
        BuildRecord record = build("zImage").setEnvironment(environmentWith("FAKE_CORRUPT", "1")).call();
        assertEquals(BuildStatus.PASS, record.target("zImage").orElseThrow().status());
        assertEquals(BuildStatus.FAIL, record.status());
        Artifact zImage = record.artifacts().get(0);
        assertEquals("arch/arm/boot/zImage", zImage.path());
        assertFalse(zImage.verified());
        assertTrue(zImage.detail().contains("magic"), zImage.detail());
    }

    @Test
    void cancelKillsTheWholeProcessTreeAndLeavesTheOutDirUsable() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        KernelBuild build = build("zImage").setEnvironment(environmentWith("FAKE_SLOW", "1"))
                .setListener(new BuildListener() {
                    @Override
                    public void output(String line, boolean stderr) {
                        if (line.contains("kernel/slow.o")) {
                            slowStarted.countDown();
                        }
                    }
                });
        Thread canceller = new Thread(() -> {
            try {
                slowStarted.await(60, TimeUnit.SECONDS);
                Path pidFile = out.resolve("slow.pid");
                for (int i = 0; i < 200 && !Files.isRegularFile(pidFile); i++) {
                    Thread.sleep(50);
                }
                build.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        long start = System.nanoTime();
        BuildRecord record = build.call();
        canceller.join();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "cancel does not wait for the sleep");
        assertEquals(BuildStatus.CANCELLED, record.status());
        long sleeper = Long.parseLong(Files.readString(out.resolve("slow.pid")).strip());
        ProcessHandle.of(sleeper).ifPresent(p -> assertFalse(p.isAlive(), "the recipe's sleep " + sleeper + " survived"));

        BuildRecord again = build("zImage").call();
        assertEquals(BuildStatus.PASS, again.status());
    }

    @Test
    void cancelBeforeTheBuildStartsRunsNothingAndSaysCancelled() throws Exception {
        KernelBuild build = build("zImage", "modules");
        build.cancel();
        BuildRecord record = build.call();
        assertEquals(BuildStatus.CANCELLED, record.status());
        assertEquals(List.of(BuildStatus.SKIPPED, BuildStatus.SKIPPED),
                record.targets().stream().map(t -> t.status()).toList());
        assertFalse(Files.exists(out.resolve("vmlinux")));
    }

    @Test
    void modulesInstallIsStagedInTheOutDirAndPacked() throws Exception {
        BuildRecord record = build("modules", "modules_install").call();
        assertEquals(BuildStatus.PASS, record.status(), record.toString());
        assertTrue(Files.isRegularFile(out.resolve(KernelTarget.MODULES_STAGING
                + "/lib/modules/6.1.0-fake/kernel/drivers/dummy.ko")));
        Artifact tarball = record.artifacts().stream().filter(a -> a.path().equals(KernelTarget.MODULES_TARBALL))
                .findFirst().orElseThrow();
        assertTrue(tarball.verified(), tarball.detail());
    }

    @Test
    void ccacheWrapsTheCompilerAndCachesItsObjects() throws Exception {
        Map<String, String> env = environmentWith("CCACHE_DIR", dir.resolve("ccache").toString());
        BuildRecord first = build("zImage").setWrapper(CompilerWrapper.CCACHE).setEnvironment(env).call();
        assertEquals(BuildStatus.PASS, first.status());
        assertEquals("ccache", first.compilerWrapper());
        String cc = first.target("zImage").orElseThrow().command().stream().filter(a -> a.startsWith("CC="))
                .findFirst().orElseThrow();
        assertTrue(cc.matches("CC=/\\S*/ccache arm-linux-gnueabi-gcc"), cc);

        Files.writeString(out.resolve(".config"), "CONFIG_FOO=y\nCONFIG_BAR=y\n");
        BuildRecord second = build("zImage").setWrapper(CompilerWrapper.CCACHE).setEnvironment(env).call();
        assertEquals(BuildStatus.PASS, second.status());
        assertEquals(6, second.target("zImage").orElseThrow().compiledObjects());
        String stats = ccacheStatistics(env);
        assertTrue(stats.contains("direct_cache_hit\t6\n"), "the second build's 6 compiles came from ccache: " + stats);
    }

    private String ccacheStatistics(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("ccache", "--print-stats").redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return text;
    }

    @Test
    void missingWrapperNamesItsPackage() throws IOException {
        // A PATH with the toolchain but none of the wrappers, which this machine has installed.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("gcc", "ld", "nm")) {
            Files.createSymbolicLink(bin.resolve(CROSS + tool), Path.of("/usr/bin", CROSS + tool));
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", bin.toString());
        KconfigException e = assertThrows(KconfigException.class,
                () -> build("zImage").setWrapper(CompilerWrapper.parse("icecream")).setEnvironment(env).call());
        assertTrue(e.getMessage().contains("icecc: not found on PATH; install the Debian package icecc"),
                e.getMessage());
    }

    @Test
    void missingToolchainIsAClearError() {
        KconfigException e = assertThrows(KconfigException.class,
                () -> build("zImage").setCrossCompile("arm-nonexistent-linux-").call());
        assertTrue(e.getMessage().contains("arm-nonexistent-linux-gcc: not found on PATH"), e.getMessage());
    }

    @Test
    void missingConfigIsAClearError() throws IOException {
        Files.delete(out.resolve(".config"));
        KconfigException e = assertThrows(KconfigException.class, () -> build("zImage").call());
        assertTrue(e.getMessage().contains("no .config in the out dir"), e.getMessage());
        assertNotNull(e.getMessage());
    }
}
