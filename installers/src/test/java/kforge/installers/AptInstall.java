package kforge.installers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kforge.kconfig.testing.CommandRun;

/**
 * A .deb installed with apt-get as a user installs it, and taken off again with every package that came in
 * with it (the dependencies apt had to add), so the machine is left as it was.
 */
final class AptInstall {
    /** apt waits this long for another apt or dpkg on the machine (install-deps, say) to let go of its lock. */
    private static final String LOCK_WAIT = "DPkg::Lock::Timeout=600";
    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final String NEW_PACKAGES_HEADING = "The following NEW packages will be installed:";

    private final String packageName;
    private final List<String> broughtIn;

    private AptInstall(String packageName, List<String> broughtIn) {
        this.packageName = packageName;
        this.broughtIn = broughtIn;
    }

    /** {@code apt-get install -y ./file.deb}: the package and whatever it depends on that is missing. */
    static AptInstall of(Path deb, String packageName) {
        CommandRun run = apt("install", "-y", deb.toAbsolutePath().toString());
        List<String> added = newPackages(run.stdout());
        added.remove(packageName);
        return new AptInstall(packageName, added);
    }

    /**
     * Purges the package if dpkg has any of it (installed, half-installed, or its configuration files): a run
     * that died before its clean-up, or an install that failed half-way, may have left it.
     */
    static void purgeLeftover(String packageName) {
        if (isKnown(packageName)) {
            apt("purge", "-y", packageName);
        }
    }

    /** Whether dpkg has any of the package: installed, half-installed, or only its configuration files. */
    static boolean isKnown(String packageName) {
        String status = status(packageName);
        return !status.isEmpty() && !status.endsWith(" not-installed");
    }

    /** {@code apt-get purge} of the package and of what it brought in: their files and configuration go. */
    void purge() {
        List<String> arguments = new ArrayList<>(List.of("purge", "-y", packageName));
        arguments.addAll(broughtIn);
        apt(arguments.toArray(String[]::new));
    }

    /** dpkg's status of the package ("install ok installed", …), or "" when dpkg has never heard of it. */
    private static String status(String packageName) {
        return CommandRun.run(List.of("dpkg-query", "-W", "-f=${Status}", packageName), System.getenv(),
                Duration.ofMinutes(1)).stdout().strip();
    }

    /** The package that owns a file, as {@code dpkg -S} names it. */
    static String ownerOf(Path file) {
        String line = CommandRun.run(List.of("dpkg", "-S", file.toString()), System.getenv(), Duration.ofMinutes(1))
                .requireSuccess().stdout().strip();
        return line.substring(0, line.indexOf(':'));
    }

    private static CommandRun apt(String... arguments) {
        List<String> command = new ArrayList<>(List.of("apt-get", "-q", "-o", LOCK_WAIT));
        command.addAll(List.of(arguments));
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("DEBIAN_FRONTEND", "noninteractive");
        return CommandRun.run(command, environment, TIMEOUT).requireSuccess();
    }

    /** The names under apt's "NEW packages" heading: indented lines, until the next unindented one. */
    static List<String> newPackages(String aptOutput) {
        List<String> names = new ArrayList<>();
        boolean inList = false;
        for (String line : aptOutput.split("\n")) {
            if (line.startsWith(NEW_PACKAGES_HEADING)) {
                inList = true;
            } else if (inList && line.startsWith(" ")) {
                names.addAll(List.of(line.strip().split("\\s+")));
            } else {
                inList = false;
            }
        }
        return names;
    }
}
