package kforge.runner.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A distccd of the test's own on 127.0.0.1: a port of its own, only loopback clients allowed, its log in a
 * directory of its own. It serves the compilers distcc's install masquerades (update-distcc-symlinks in
 * /usr/lib/distcc: gcc and arm-linux-gnueabi-gcc once that package is installed).
 */
public final class DistccDaemon implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path dir;
    private final Path log;
    private final int port;
    private final BackgroundProcess process;

    private DistccDaemon(Path dir, Path log, int port, BackgroundProcess process) {
        this.dir = dir;
        this.log = log;
        this.port = port;
        this.process = process;
    }

    /** Starts it and waits until it listens. */
    public static DistccDaemon start() {
        Path dir = BackgroundProcess.sharedDirectory("kforge-distccd");
        Path log = BackgroundProcess.sharedFile(dir.resolve("distccd.log"));
        int port = BackgroundProcess.freeLoopbackPort();
        BackgroundProcess process = BackgroundProcess.start("distccd", List.of("distccd", "--daemon", "--no-detach",
                "--listen", "127.0.0.1", "--port", String.valueOf(port), "--allow", "127.0.0.1", "--jobs", "4",
                "--log-file", log.toString(), "--log-level", "info"), Map.of(), dir.resolve("distccd.out"));
        DistccDaemon daemon = new DistccDaemon(dir, log, port, process);
        try {
            process.awaitLine(log, "listening on 127.0.0.1:" + port, START_TIMEOUT);
        } catch (AssertionError e) {
            daemon.close();
            throw e;
        }
        return daemon;
    }

    /** Its entry for DISTCC_HOSTS: four jobs at a time. */
    public String hostSpec() {
        return "127.0.0.1:" + port + "/4";
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** The compile jobs it has finished, each a "COMPILE_OK" job summary in its log. */
    public long compileJobs() {
        return BackgroundProcess.countLines(log, "COMPILE_OK");
    }

    @Override
    public void close() {
        process.close();
        BackgroundProcess.deleteTree(dir);
    }
}
