package kforge.runner.wrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.runner.testing.BackgroundProcess;
import kforge.runner.testing.DistccDaemon;
import kforge.runner.testing.IcecreamCluster;
import kforge.runner.testing.WrapperVariables;
import kforge.runner.wrapper.WrapperCheck.Finding;

/** kforge doctor's wrapper checks against daemons the test starts on 127.0.0.1, and against none. */
class WrapperCheckTest {
    private static final String CROSS = "arm-linux-gnueabi-";

    @TempDir
    Path home;

    private Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(WrapperVariables::steersAWrapper);
        env.put("HOME", home.toString());
        env.putAll(extra);
        return env;
    }

    @Test
    void aDistccHostThatCompilesPassesAndOneThatDoesNotAnswerFails() throws Exception {
        try (DistccDaemon daemon = DistccDaemon.start()) {
            String dead = "127.0.0.1:" + BackgroundProcess.freeLoopbackPort();
            List<Finding> findings = WrapperCheck.check(CompilerWrapper.DISTCC, CROSS,
                    environment(Map.of("DISTCC_HOSTS", "localhost " + daemon.hostSpec() + " " + dead)));
            assertEquals(4, findings.size(), findings.toString());
            assertTrue(findings.get(0).ok(), findings.get(0).message());
            assertTrue(findings.get(1).ok() && findings.get(1).message().contains("compiles run on this machine"),
                    findings.get(1).message());
            Finding live = findings.get(2);
            assertTrue(live.ok(), live.message());
            assertTrue(live.message().startsWith("distcc host " + daemon.hostSpec() + " (from DISTCC_HOSTS): answers;"
                    + " compiled with arm-linux-gnueabi-gcc in "), live.message());
            assertEquals(1, daemon.compileJobs(), "the probe really reached the daemon");
            Finding down = findings.get(3);
            assertFalse(down.ok());
            assertTrue(down.message().contains(dead) && down.message().contains("Connection refused"), down.message());
        }
    }

    @Test
    void anEmptyHostListIsAFailure() throws Exception {
        List<Finding> findings = WrapperCheck.check(CompilerWrapper.CCACHE_DISTCC, CROSS,
                environment(Map.of("DISTCC_HOSTS", " ")));
        Finding last = findings.get(findings.size() - 1);
        assertFalse(last.ok());
        assertEquals("distcc: no hosts in DISTCC_HOSTS, so every compile would run here", last.message());
    }

    @Test
    void theLocalIcecreamDaemonAnswersOrItsAbsenceIsAFailure() throws Exception {
        try (IcecreamCluster cluster = IcecreamCluster.start()) {
            Finding found = WrapperCheck.check(CompilerWrapper.ICECC, CROSS, environment(cluster.clientEnvironment()))
                    .get(1);
            assertTrue(found.ok(), found.message());
        }
        Finding none = WrapperCheck.check(CompilerWrapper.ICECC, CROSS,
                environment(Map.of("ICECC_TEST_SOCKET", home.resolve("no-daemon.socket").toString()))).get(1);
        assertFalse(none.ok());
        assertTrue(none.message().startsWith("icecc: no local iceccd answers"), none.message());
    }
}
