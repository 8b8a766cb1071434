package kforge.runner.wrapper;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import kforge.kconfig.diag.KconfigException;
import kforge.runner.files.FileTrees;
import kforge.runner.process.HelperCommand;

/**
 * kforge doctor's look at a compiler wrapper: does each distcc host answer and compile with the build's
 * compiler, is there a local icecream daemon. A host is tried with a real one-line compile sent to it
 * alone, with distcc's fallback off, so a host that only accepts the connection does not pass.
 */
public final class WrapperCheck {
    private static final Duration COMPILE_TIMEOUT = Duration.ofSeconds(30);
    private static final String PROBE_SOURCE = "int kforge_doctor_probe(int x) { return x + 1; }\n";

    /** One line of the report. */
    public record Finding(boolean ok, String message) {
    }

    private WrapperCheck() {
    }

    /** The findings for this wrapper with the compiler ${crossCompile}gcc, in this environment. */
    public static List<Finding> check(CompilerWrapper wrapper, String crossCompile, Map<String, String> environment)
            throws InterruptedException {
        List<Finding> findings = new ArrayList<>();
        List<String> programs;
        try {
            programs = wrapper.require(environment);
            findings.add(new Finding(true, wrapper.label() + ": " + String.join(", ", programs)));
        } catch (KconfigException e) {
            findings.add(new Finding(false, e.getMessage()));
            return findings;
        }
        CompilerWrapper.Distributor distributor = wrapper.distributor().orElse(null);
        if (distributor == CompilerWrapper.Distributor.DISTCC) {
            findings.addAll(checkDistccHosts(programs.get(programs.size() - 1), crossCompile + "gcc", environment));
        } else if (distributor == CompilerWrapper.Distributor.ICECC) {
            findings.add(checkIcecreamDaemon(environment));
        }
        return findings;
    }

    private static List<Finding> checkDistccHosts(String distcc, String compiler, Map<String, String> environment)
            throws InterruptedException {
        DistccHosts hosts = DistccHosts.of(environment);
        if (hosts.hosts().isEmpty()) {
            return List.of(new Finding(false, "distcc: no hosts in " + (hosts.source() == null
                    ? "DISTCC_HOSTS, ~/.distcc/hosts or /etc/distcc/hosts" : hosts.source())
                    + ", so every compile would run here"));
        }
        List<Finding> findings = new ArrayList<>();
        for (DistccHosts.Host host : hosts.hosts()) {
            switch (host.kind()) {
                case LOCALHOST -> findings.add(new Finding(true, "distcc host " + host + " (from " + hosts.source()
                        + "): compiles run on this machine"));
                case TCP, SSH -> findings.add(tryCompile(distcc, host, compiler, hosts.source(), environment));
                default -> { } // --randomize and the like are options, not hosts
            }
        }
        return findings;
    }

    /** A one-line compile sent to this host alone; its failure quotes what distcc logged. */
    private static Finding tryCompile(String distcc, DistccHosts.Host host, String compiler, String source,
                                      Map<String, String> environment) throws InterruptedException {
        String label = "distcc host " + host + " (from " + source + ")";
        Path dir = null;
        try {
            dir = Files.createTempDirectory("kforge-doctor");
            Files.writeString(dir.resolve("probe.c"), PROBE_SOURCE);
            Path log = dir.resolve("distcc.log");
            Map<String, String> env = new HashMap<>(environment);
            env.put("DISTCC_HOSTS", host.spec());
            env.put("DISTCC_FALLBACK", "0");
            env.put("DISTCC_LOG", log.toString());
            // A state directory of its own: no backoff that a build's failures left.
            env.put("DISTCC_DIR", Files.createDirectories(dir.resolve("state")).toString());
            long start = System.nanoTime();
            HelperCommand.Result result = HelperCommand.run(List.of(distcc, compiler, "-c", "probe.c", "-o",
                    "probe.o"), dir, env, COMPILE_TIMEOUT);
            long millis = (System.nanoTime() - start) / 1_000_000;
            String logged = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
            if (result.succeeded() && logged.contains(" on " + host.spec() + " completed ok")) {
                return new Finding(true, label + ": answers; compiled with " + compiler + " in " + millis + " ms");
            }
            String errors = logged.lines().filter(l -> l.contains("ERROR") || l.contains("Warning"))
                    .map(l -> l.replaceFirst("^distcc\\[\\d+\\] ", "")).collect(Collectors.joining("; "));
            return new Finding(false, label + ": " + (result.timedOut() ? "no answer in "
                    + COMPILE_TIMEOUT.toSeconds() + " s" : "does not compile with " + compiler) + ": "
                    + (errors.isEmpty() ? result.quotedOutput() : errors));
        } catch (IOException e) {
            return new Finding(false, label + ": cannot try it: " + e.getMessage());
        } finally {
            FileTrees.deleteQuietly(dir);
        }
    }

    /** The socket the icecc client talks to, where it looks for it (client/local.cpp). */
    private static Finding checkIcecreamDaemon(Map<String, String> environment) {
        List<Path> sockets = new ArrayList<>();
        String test = environment.get("ICECC_TEST_SOCKET");
        if (test != null && !test.isEmpty()) {
            sockets.add(Path.of(test));
        } else {
            sockets.add(Path.of("/var/run/icecc/iceccd.socket"));
            sockets.add(Path.of("/var/run/iceccd.socket"));
            if (environment.get("HOME") != null) {
                sockets.add(Path.of(environment.get("HOME"), ".iceccd.socket"));
            }
        }
        for (Path socket : sockets) {
            if (answers(socket)) {
                return new Finding(true, "icecc: the local iceccd answers at " + socket
                        + "; its scheduler decides where compiles go");
            }
        }
        return new Finding(false, "icecc: no local iceccd answers (looked at " + sockets.stream().map(Path::toString)
                .collect(Collectors.joining(", ")) + "); start it (systemctl start iceccd), or every compile runs"
                + " here");
    }

    private static boolean answers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }
}
