package kforge.runner.make;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildStatus;
import kforge.runner.testing.DistccDaemon;
import kforge.runner.testing.IcecreamCluster;
import kforge.runner.testing.WrapperVariables;
import kforge.runner.wrapper.CompilerWrapper;
import kforge.runner.wrapper.DistributedJobs;

/**
 * The fake kernel's six compiles through a distccd and an icecream network the test starts on 127.0.0.1:
 * the record's counts, read from the client's log, must be what the daemon itself logged.
 */
class WrappedBuildTest {
    private static final String CROSS = "arm-linux-gnueabi-";
    private static final int COMPILES = 6;

    @TempDir
    Path dir;
    Path tree;
    Path out;

    @BeforeEach
    void setUp() throws IOException {
        tree = FakeKernel.copyTo(dir);
        out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve(".config"), "CONFIG_FOO=y\n");
    }

    private BuildRecord build(CompilerWrapper wrapper, Map<String, String> extra) throws InterruptedException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(WrapperVariables::steersAWrapper);
        env.putAll(extra);
        return KernelBuild.of(tree, out).setBoard("fake").setArch("arm").setCrossCompile(CROSS).setJobs(2)
                .setTargets(List.of("zImage")).setWrapper(wrapper).setEnvironment(env).call();
    }

    @Test
    void distccSendsEveryCompileToTheDaemonAndTheRecordCountsThem() throws Exception {
        try (DistccDaemon daemon = DistccDaemon.start()) {
            BuildRecord record = build(CompilerWrapper.DISTCC, Map.of("DISTCC_HOSTS", daemon.hostSpec()));
            assertEquals(BuildStatus.PASS, record.status(), record.toString());
            assertEquals("distcc", record.compilerWrapper());
            BuildRecord.Wrapper w = record.wrapper();
            assertEquals(List.of(daemon.hostSpec()), w.hosts());
            assertEquals("DISTCC_HOSTS", w.hostsSource());
            assertEquals(COMPILES, daemon.compileJobs(), "distccd's own log");
            assertEquals(new DistributedJobs(COMPILES, 0, 0, 0, Map.of("127.0.0.1:" + daemon.port() + "/4", COMPILES)),
                    w.jobs());
            assertTrue(Files.isRegularFile(out.resolve(w.log())), w.log());
        }
    }

    @Test
    void aHostThatDoesNotAnswerFallsBackToLocalCompilesAndSaysSo() throws Exception {
        String nobody = "127.0.0.1:" + kforge.runner.testing.BackgroundProcess.freeLoopbackPort();
        BuildRecord record = build(CompilerWrapper.DISTCC, Map.of("DISTCC_HOSTS", nobody));
        assertEquals(BuildStatus.PASS, record.status(), "distcc compiles here when a host fails");
        DistributedJobs jobs = record.wrapper().jobs();
        String log = Files.readString(out.resolve(record.wrapper().log()));
        assertEquals(0, jobs.remote(), log);
        assertEquals(COMPILES, jobs.local(), log);
        assertTrue(jobs.fallbacks() >= 1, "after the first failure distcc backs off the host for a while: " + log);
        assertTrue(record.wrapper().summary().contains("0 compile(s) went out"), record.wrapper().summary());
    }

    @Test
    void ccacheMissesGoToDistccAndItsHitsDoNot() throws Exception {
        try (DistccDaemon daemon = DistccDaemon.start()) {
            Map<String, String> env = Map.of("DISTCC_HOSTS", daemon.hostSpec(),
                    "CCACHE_DIR", dir.resolve("ccache").toString());
            BuildRecord cold = build(CompilerWrapper.CCACHE_DISTCC, env);
            assertEquals(BuildStatus.PASS, cold.status(), cold.toString());
            assertEquals("ccache+distcc", cold.compilerWrapper());
            assertEquals(COMPILES, cold.wrapper().ccache().misses());
            assertEquals(COMPILES, cold.wrapper().jobs().remote());
            assertEquals(COMPILES, daemon.compileJobs());

            Files.writeString(out.resolve(".config"), "CONFIG_FOO=y\nCONFIG_BAR=y\n");
            BuildRecord warm = build(CompilerWrapper.CCACHE_DISTCC, env);
            assertEquals(COMPILES, warm.wrapper().ccache().hits());
            assertEquals(0, warm.wrapper().ccache().misses());
            assertEquals(0, warm.wrapper().jobs().remote(), "a hit never reaches distcc");
            assertEquals(COMPILES, daemon.compileJobs(), "the daemon saw no more jobs");
        }
    }

    @Test
    void icecreamSchedulesEveryCompileWithAnEnvironmentMadeForTheCrossCompiler() throws Exception {
        try (IcecreamCluster cluster = IcecreamCluster.start()) {
            BuildRecord record = build(CompilerWrapper.ICECC, cluster.clientEnvironment());
            assertEquals(BuildStatus.PASS, record.status(), record.toString());
            BuildRecord.Wrapper w = record.wrapper();
            assertNotNull(w.icecreamEnvironment());
            assertTrue(w.icecreamEnvironment().endsWith(".tar.gz") && Files.isRegularFile(Path.of(w.icecreamEnvironment())),
                    w.icecreamEnvironment());
            assertEquals(COMPILES, cluster.scheduledJobs(), "the scheduler's own log");
            assertEquals(COMPILES, w.jobs().remote() + w.jobs().local());
        }
    }
}
