package kforge.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.testing.ReferenceKernel;
import kforge.runner.artifact.Artifact;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildRecords;
import kforge.runner.record.BuildStatus;
import kforge.runner.testing.DistccDaemon;
import kforge.runner.testing.WrapperVariables;

/**
 * A small S3C2410 kernel (allnoconfig with the SoC and SMDK2410 board turned on, on Debian's 6.1) built by
 * "kforge build" as a process of its own: without a wrapper, then through a distccd the test starts on
 * 127.0.0.1. The zImages must be identical byte for byte, and distccd's own log says how many compiles it
 * took. ccache+distcc (misses to the daemon, hits not) and icecream are checked on the fake kernel in
 * WrappedBuildTest, against the same kind of daemons, and timed on this kernel by scripts/bench-distributed:
 * on a real kernel they would add three builds to CI and check no more.
 * Cost: two builds of ~610 objects, about 2 and 2.5 min at -j2.
 */
class DistributedBuildTest {
    /** Shared with scripts/bench-distributed. */
    private static final String TINY_FRAGMENT = "s3c2410-tiny.config";
    private static final int MANY = 100;

    @TempDir
    static Path dir;
    private static Path fragment;
    private static DistccDaemon distccd;
    private static String localZImage;

    @BeforeAll
    static void startTheDaemonAndBuildLocally() throws IOException {
        try (var in = DistributedBuildTest.class.getResourceAsStream(TINY_FRAGMENT)) {
            fragment = dir.resolve(TINY_FRAGMENT);
            Files.write(fragment, in.readAllBytes());
        }
        distccd = DistccDaemon.start();
        BuildRecord local = build("local", null, Map.of());
        assertEquals(null, local.wrapper());
        localZImage = zImage(dir.resolve("local"));
    }

    @AfterAll
    static void stopTheDaemon() {
        if (distccd != null) {
            distccd.close();
        }
    }

    @Test
    void distccSendsTheCompilesToTheDaemonAndTheZImageIsTheLocalOne() throws IOException {
        long before = distccd.compileJobs();
        BuildRecord record = build("distcc", "distcc", Map.of("DISTCC_HOSTS", distccd.hostSpec()));
        long taken = distccd.compileJobs() - before;

        assertEquals(localZImage, zImage(dir.resolve("distcc")));
        assertTrue(taken > MANY, "distccd's log: " + taken + " compile jobs");
        BuildRecord.Wrapper w = record.wrapper();
        assertEquals("distcc", record.compilerWrapper());
        assertEquals(List.of(distccd.hostSpec()), w.hosts());
        assertEquals(taken, w.jobs().remote(), "the record counts what the daemon took: " + w.summary());
        assertEquals(Map.of(distccd.hostSpec(), (int) taken), w.jobs().byHost());
        assertEquals(0, w.jobs().fallbacks());
        // Kbuild's $(CC) probes (cc-option, as-instr, ...) give distcc no source to send: they stay here.
        assertTrue(w.jobs().keptLocal() > 0, w.summary());
    }

    @Test
    void doctorSeesTheDaemonAnswer() {
        CliRun run = CliRun.kforgeProcess(Map.of("DISTCC_HOSTS", distccd.hostSpec()), "doctor", "--wrapper", "distcc",
                "--cross-compile", "arm-linux-gnueabi-");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("distcc host " + distccd.hostSpec() + " (from DISTCC_HOSTS): answers; compiled"
                + " with arm-linux-gnueabi-gcc"), run.out());
    }

    /** kforge build of the tiny kernel into dir/name, the wrapper's variables set and no other. */
    private static BuildRecord build(String name, String wrapper, Map<String, String> variables) {
        Map<String, String> env = new HashMap<>();
        for (String inherited : System.getenv().keySet()) {
            if (WrapperVariables.steersAWrapper(inherited)) {
                env.put(inherited, null);
            }
        }
        env.putAll(variables);
        Path out = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("build", "--board", "s3c2410", "-n", "--fragment",
                fragment.toString(), "--tree", ReferenceKernel.LINUX_6_1.tree().toString(), "--out", out.toString(),
                "-j", "2", "--targets", "zImage", "-q", "--progress", "plain"));
        if (wrapper != null) {
            args.addAll(List.of("--wrapper", wrapper));
        }
        CliRun run = CliRun.kforgeProcess(env, args.toArray(String[]::new));
        assertEquals(0, run.exit(), CliRun.tail(run.out()) + run.err());
        BuildRecord record = BuildRecords.read(out.resolve(BuildRecords.LATEST));
        assertEquals(BuildStatus.PASS, record.status());
        return record;
    }

    private static String zImage(Path out) {
        return Artifact.inspect(out, "arch/arm/boot/zImage", "arm").sha256();
    }
}
