package kforge.runner.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An icecream network of the test's own: icecc-scheduler on 127.0.0.1 and one iceccd that talks to it
 * there, under a network name no other node has. The daemon takes no jobs from other nodes (--no-remote)
 * and so opens no TCP port: the scheduler hands every compile back to the client on this node. A second
 * daemon on the same machine cannot take jobs here: icecream 1.4's daemon treats a compile server at its
 * own address as itself (daemon/main.cpp, scheduler_use_cs), and a test may use only 127.0.0.1.
 */
public final class IcecreamCluster implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(40);

    private final Path dir;
    private final Path schedulerLog;
    private final BackgroundProcess scheduler;
    private final BackgroundProcess daemon;

    private IcecreamCluster(Path dir, Path schedulerLog, BackgroundProcess scheduler, BackgroundProcess daemon) {
        this.dir = dir;
        this.schedulerLog = schedulerLog;
        this.scheduler = scheduler;
        this.daemon = daemon;
    }

    /** Starts both and waits until the daemon has logged in to the scheduler (it retries every 3 s). */
    public static IcecreamCluster start() {
        Path dir = BackgroundProcess.sharedDirectory("kforge-icecream");
        String network = "kforge-test-" + ProcessHandle.current().pid();
        int port = BackgroundProcess.freeLoopbackPort();
        Path schedulerLog = BackgroundProcess.sharedFile(dir.resolve("scheduler.log"));
        Path daemonLog = BackgroundProcess.sharedFile(dir.resolve("iceccd.log"));
        BackgroundProcess scheduler = BackgroundProcess.start("icecc-scheduler", List.of("icecc-scheduler", "-n",
                network, "-i", "lo", "-p", String.valueOf(port), "-l", schedulerLog.toString(), "-vvv"), Map.of(),
                dir.resolve("scheduler.out"));
        BackgroundProcess daemon = BackgroundProcess.start("iceccd", List.of("iceccd", "-n", network, "-s",
                "127.0.0.1:" + port, "--no-remote", "-m", "2", "-N", "kforge-test-node", "-b",
                dir.resolve("environments").toString(), "-l", daemonLog.toString(), "-vvv"),
                Map.of("ICECC_TEST_SOCKET", socket(dir)), dir.resolve("iceccd.out"));
        IcecreamCluster cluster = new IcecreamCluster(dir, schedulerLog, scheduler, daemon);
        try {
            daemon.awaitLine(daemonLog, "Connected to scheduler", CONNECT_TIMEOUT);
        } catch (AssertionError e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private static String socket(Path dir) {
        return dir.resolve("iceccd.socket").toString();
    }

    /** What an icecc client needs to reach this daemon rather than a system one. */
    public Map<String, String> clientEnvironment() {
        return Map.of("ICECC_TEST_SOCKET", socket(dir));
    }

    /** The compile jobs the scheduler has placed, each a "BEGIN:" line of its log. */
    public long scheduledJobs() {
        return BackgroundProcess.countLines(schedulerLog, "BEGIN: ");
    }

    @Override
    public void close() {
        daemon.close();
        scheduler.close();
        BackgroundProcess.deleteTree(dir);
    }
}
