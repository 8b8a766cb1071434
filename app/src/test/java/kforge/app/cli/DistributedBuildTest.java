package kforge.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The versatilepb preset's small kernel (its boot fragment over allnoconfig, on Debian's 6.1) built by
 * "kforge build" as a process of its own, from an empty out dir, through a distccd the test starts on
 * 127.0.0.1. Its zImage must be byte for byte the one the same preset's kforge boot built without a wrapper
 * in another empty out dir ({@link SmallKernels}, shared with BootCommandTest): the build is reproducible
 * across out dirs and wrappers. distccd's own log says how many compiles it took. ccache+distcc (misses to
 * the daemon, hits not) and icecream are checked on the fake kernel in WrappedBuildTest, against the same
 * kind of daemons, and timed on a small S3C2410 kernel by scripts/bench-distributed: on a real kernel they
 * would add three builds to CI and check no more.
 * Cost: one build of ~600 objects through distcc, about 1.5 min at -j2 idle (twice that in CI); the build
 * without a wrapper is BootCommandTest's.
 */
class DistributedBuildTest {
    private static final int MANY = 100;

    @TempDir
    static Path dir;
    private static DistccDaemon distccd;

    @BeforeAll
    static void startTheDaemon() {
        distccd = DistccDaemon.start();
    }

    @AfterAll
    static void stopTheDaemon() {
        if (distccd != null) {
            distccd.close();
        }
    }

    @Test
    void distccSendsTheCompilesToTheDaemonAndTheZImageIsTheLocalOne() {
        SmallKernels.Booted local = SmallKernels.booted(ReferenceKernel.LINUX_6_1, "versatilepb");
        assertEquals(null, local.record().wrapper());
        long before = distccd.compileJobs();
        BuildRecord record = build("distcc", "distcc", Map.of("DISTCC_HOSTS", distccd.hostSpec()));
        long taken = distccd.compileJobs() - before;

        assertEquals(local.zImage(), zImage(dir.resolve("distcc")), "the same zImage from another empty"
                + " out dir, through distcc");
        assertEquals("fixed", record.reproducible().timestampSource(), "a Debian source tarball is no git tree");
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

    /** kforge build of versatilepb's small kernel into dir/name, the wrapper's variables set and no other. */
    private static BuildRecord build(String name, String wrapper, Map<String, String> variables) {
        Map<String, String> env = new HashMap<>();
        for (String inherited : System.getenv().keySet()) {
            if (WrapperVariables.steersAWrapper(inherited)) {
                env.put(inherited, null);
            }
        }
        env.putAll(variables);
        Path out = dir.resolve(name);
        CliRun run = CliRun.kforgeProcess(env, "build", "--board", "versatilepb", "-n", "--tree",
                ReferenceKernel.LINUX_6_1.tree().toString(), "--out", out.toString(), "-j", "2", "--targets", "zImage",
                "-q", "--progress", "plain", "--wrapper", wrapper);
        assertEquals(0, run.exit(), CliRun.tail(run.out()) + run.err());
        BuildRecord record = BuildRecords.read(out.resolve(BuildRecords.LATEST));
        assertEquals(BuildStatus.PASS, record.status());
        return record;
    }

    private static String zImage(Path out) {
        return Artifact.inspect(out, "arch/arm/boot/zImage", "arm").sha256();
    }
}
