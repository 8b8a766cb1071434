package kforge.runner.host;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kforge.runner.host.HostToolResult.Status;

/**
 * Runs a requirement's version command on this machine and compares what it prints with the minimum.
 * The command is looked up on the PATH of the given environment (not the JVM's) and run with that
 * environment, stdin from /dev/null, stdout and stderr together in a temporary file, for at most 10 s.
 */
public final class HostToolCheck {
    static final long TIMEOUT_SECONDS = 10;
    private static final int OUTPUT_LIMIT = 64 * 1024;

    /** By executable name, for the programs of the changes.rst table (and perl, which the build also runs). */
    private static final Map<String, String> DEBIAN_PACKAGES = Map.ofEntries(
            Map.entry("gcc", "gcc"),
            Map.entry("clang", "clang"),
            Map.entry("rustc", "rustc"),
            Map.entry("bindgen", "bindgen"),
            Map.entry("make", "make"),
            Map.entry("bash", "bash"),
            Map.entry("ld", "binutils"),
            Map.entry("flex", "flex"),
            Map.entry("bison", "bison"),
            Map.entry("pahole", "dwarves"),
            Map.entry("fdformat", "util-linux"),
            Map.entry("depmod", "kmod"),
            Map.entry("e2fsck", "e2fsprogs"),
            Map.entry("fsck.jfs", "jfsutils"),
            Map.entry("xfs_db", "xfsprogs"),
            Map.entry("mksquashfs", "squashfs-tools"),
            Map.entry("btrfsck", "btrfs-progs"),
            Map.entry("quota", "quota"),
            Map.entry("pppd", "ppp"),
            Map.entry("showmount", "nfs-common"),
            Map.entry("ps", "procps"),
            Map.entry("mcelog", "mcelog"),
            Map.entry("iptables", "iptables"),
            Map.entry("openssl", "openssl"),
            Map.entry("bc", "bc"),
            Map.entry("sphinx-build", "python3-sphinx"),
            Map.entry("cpio", "cpio"),
            Map.entry("gtags", "global"),
            Map.entry("perl", "perl"));

    private HostToolCheck() {
    }

    /** The Debian package that provides an executable, or null when not known. */
    public static String debianPackageFor(String executable) {
        String name = executable.substring(executable.lastIndexOf('/') + 1);
        return DEBIAN_PACKAGES.get(name);
    }

    /** Checks each requirement in turn. */
    public static List<HostToolResult> checkAll(List<HostRequirement> requirements, Map<String, String> environment) {
        List<HostToolResult> results = new ArrayList<>();
        for (HostRequirement r : requirements) {
            results.add(check(r, environment));
        }
        return results;
    }

    /**
     * Checks one requirement.
     *
     * @param environment the environment to run the command in; its PATH is where the command is looked for
     */
    public static HostToolResult check(HostRequirement r, Map<String, String> environment) {
        String needs = "(needs " + r.minimumVersion() + (r.optional() ? ", optional" : "") + ")";
        String label = label(r);
        Path executable = resolve(r.executable(), environment.get("PATH"));
        if (executable == null) {
            return new HostToolResult(r, Status.MISSING, null, label + ": not found on PATH " + needs);
        }
        String commandLine = String.join(" ", r.command());
        String output;
        try {
            output = run(executable, r.command(), environment);
        } catch (IOException e) {
            return new HostToolResult(r, Status.UNKNOWN_VERSION, null,
                    label + ": `" + commandLine + "` failed: " + e.getMessage() + " " + needs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HostToolResult(r, Status.UNKNOWN_VERSION, null,
                    label + ": `" + commandLine + "` was interrupted " + needs);
        }
        if (output == null) {
            return new HostToolResult(r, Status.UNKNOWN_VERSION, null,
                    label + ": `" + commandLine + "` did not finish within " + TIMEOUT_SECONDS + " s " + needs);
        }
        VersionNumber found = VersionNumber.findIn(output);
        VersionNumber minimum = r.minimum();
        if (found == null) {
            if (minimum == null) {
                return new HostToolResult(r, Status.OK, null, label + " " + needs + ": ok");
            }
            return new HostToolResult(r, Status.UNKNOWN_VERSION, null,
                    label + ": no version number in the output of `" + commandLine + "` " + needs);
        }
        if (minimum == null || found.isAtLeast(minimum)) {
            return new HostToolResult(r, Status.OK, found, label + " " + found + " " + needs + ": ok");
        }
        return new HostToolResult(r, Status.TOO_OLD, found, label + " " + found + " " + needs + ": too old");
    }

    /** The table's name, with the command when it differs: "bison", "GNU make (make)". */
    private static String label(HostRequirement r) {
        String exe = r.executable();
        return r.program().equals(exe) ? r.program() : r.program() + " (" + exe + ")";
    }

    /** Like execvp: a name with a slash is taken as is, otherwise the first executable file on the PATH. */
    static Path resolve(String name, String path) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? p : null;
        }
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":", -1)) {
            if (dir.isEmpty()) {
                continue; // an empty entry means the working directory; never look there
            }
            Path candidate = Path.of(dir).resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The combined output, or null when the command did not finish in time (it is killed). */
    private static String run(Path executable, List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(command);
        argv.set(0, executable.toString());
        Path outputFile = Files.createTempFile("kforge-hosttool", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(outputFile.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished;
            try {
                finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                throw e;
            }
            if (!finished) {
                process.destroyForcibly();
                process.waitFor(2, TimeUnit.SECONDS);
                return null;
            }
            try (InputStream in = Files.newInputStream(outputFile)) {
                return new String(in.readNBytes(OUTPUT_LIMIT), StandardCharsets.UTF_8);
            }
        } finally {
            Files.deleteIfExists(outputFile);
        }
    }
}
