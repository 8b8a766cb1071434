package kforge.runner.wrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host list distcc will use, found where distcc(1) looks: $DISTCC_HOSTS, then $DISTCC_DIR/hosts
 * (~/.distcc/hosts), then /etc/distcc/hosts.
 *
 * @param source where the list came from: "DISTCC_HOSTS" or a file's path, or null when there is none
 */
public record DistccHosts(String source, List<Host> hosts) {
    public static final int DEFAULT_PORT = 3632;
    private static final Path SYSTEM_FILE = Path.of("/etc/distcc/hosts");
    /**
     * HOSTID[:PORT][/LIMIT][,OPTIONS], or the old HOSTID[/LIMIT][:PORT]; the host an IPv4 address, a name or
     * an [IPv6] address.
     */
    private static final Pattern TCP_HOST = Pattern.compile(
            "(\\[[0-9A-Fa-f:.]+]|[^\\s:/,@\\[]+)(?::(\\d+))?(?:/(\\d+))?(?::(\\d+))?(,.*)?");

    /**
     * One entry of the list.
     *
     * @param spec the entry as written
     * @param kind how distcc reaches it
     * @param host the host name or address, for TCP and SSH hosts
     * @param port the TCP port, for TCP hosts
     */
    public record Host(String spec, Kind kind, String host, int port) {
        public enum Kind { LOCALHOST, TCP, SSH, OTHER }

        @Override
        public String toString() {
            return spec;
        }
    }

    public DistccHosts {
        hosts = List.copyOf(hosts);
    }

    /** The list distcc would read in this environment. */
    public static DistccHosts of(Map<String, String> environment) {
        String fromEnvironment = environment.get("DISTCC_HOSTS");
        if (fromEnvironment != null) {
            return new DistccHosts("DISTCC_HOSTS", parse(fromEnvironment));
        }
        String distccDir = environment.get("DISTCC_DIR");
        if (distccDir == null && environment.get("HOME") != null) {
            distccDir = Path.of(environment.get("HOME"), ".distcc").toString();
        }
        List<Path> files = new ArrayList<>();
        if (distccDir != null) {
            files.add(Path.of(distccDir, "hosts"));
        }
        files.add(SYSTEM_FILE);
        for (Path file : files) {
            Optional<String> text = read(file);
            if (text.isPresent()) {
                return new DistccHosts(file.toString(), parse(text.get()));
            }
        }
        return new DistccHosts(null, List.of());
    }

    /** The entries of a host list: whitespace separated, # to the end of a line a comment (as in the files). */
    static List<Host> parse(String text) {
        List<Host> hosts = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            int hash = line.indexOf('#');
            String content = hash >= 0 ? line.substring(0, hash) : line;
            for (String spec : content.strip().split("\\s+")) {
                if (!spec.isEmpty()) {
                    hosts.add(host(spec));
                }
            }
        }
        return hosts;
    }

    private static Host host(String spec) {
        if (spec.equals("localhost") || spec.startsWith("localhost/")) {
            return new Host(spec, Host.Kind.LOCALHOST, "localhost", 0);
        }
        if (spec.startsWith("-") || spec.startsWith("+")) {
            return new Host(spec, Host.Kind.OTHER, null, 0);
        }
        int at = spec.indexOf('@');
        if (at >= 0) {
            String rest = spec.substring(at + 1);
            return new Host(spec, Host.Kind.SSH, rest.split("[/:,]", 2)[0], 0);
        }
        Matcher m = TCP_HOST.matcher(spec);
        if (!m.matches()) {
            return new Host(spec, Host.Kind.OTHER, null, 0);
        }
        String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
        return new Host(spec, Host.Kind.TCP, host, port(m.group(2) != null ? m.group(2) : m.group(4)));
    }

    private static int port(String digits) {
        return digits == null ? DEFAULT_PORT : Integer.parseInt(digits);
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The entries as written, for the build record. */
    public List<String> specs() {
        return hosts.stream().map(Host::spec).toList();
    }
}
