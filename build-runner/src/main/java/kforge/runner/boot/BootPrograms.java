package kforge.runner.boot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import kforge.kconfig.diag.KconfigException;
import kforge.runner.process.SessionProcess;

/**
 * The programs a boot needs, compiled from kforge's C sources: the init (static, with the board's
 * compiler), which prints the marker on the console and powers off, and for UML on x86 hosts the
 * preloaded shim of uml-xstate-shim.c, which keeps UML running where the host's XSAVE area is larger
 * than the UML kernel expects.
 */
public final class BootPrograms {
    /** What the marker may hold: it becomes a C string literal on the compiler's command line. */
    private static final Pattern MARKER = Pattern.compile("[A-Za-z0-9 _.,:=+@/-]{1,200}");
    private static final String SOURCES = "/kforge/runner/boot/";

    private BootPrograms() {
    }

    /** Refuses a marker that cannot go into the program as it is. */
    public static String requireMarker(String marker) {
        if (!MARKER.matcher(marker).matches()) {
            throw new KconfigException("--marker '" + marker + "': use 1 to 200 letters, digits, spaces and"
                    + " _.,:=+@/- only");
        }
        return marker;
    }

    /** Compiles the init into directory with ${crossCompile}gcc. */
    public static Path init(String crossCompile, String marker, Path directory, Map<String, String> environment)
            throws InterruptedException {
        requireMarker(marker);
        Path init = directory.resolve("init");
        compile(crossCompile + "gcc", List.of("-static", "-Os", "-s", "-DMARKER=\"" + marker + "\"", "-o",
                init.toString()), source("init.c", directory), List.of(), directory, environment,
                "the boot test's init (a static program, so the C library's static part must be installed)");
        return init;
    }

    /** Compiles the UML shim with the host's gcc, as a library for LD_PRELOAD. */
    public static Path umlShim(Path directory, Map<String, String> environment) throws InterruptedException {
        Path shim = directory.resolve("uml-xstate-shim.so");
        compile("gcc", List.of("-shared", "-fPIC", "-O2", "-o", shim.toString()),
                source("uml-xstate-shim.c", directory), List.of("-ldl"), directory, environment,
                "the UML XSAVE shim");
        return shim;
    }

    private static Path source(String name, Path directory) {
        Path file = directory.resolve(name);
        try (InputStream in = BootPrograms.class.getResourceAsStream(SOURCES + name)) {
            if (in == null) {
                throw new KconfigException("missing resource " + SOURCES + name + " (broken build?)");
            }
            Files.createDirectories(directory);
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new KconfigException(file + ": cannot write: " + e.getMessage());
        }
    }

    private static void compile(String gcc, List<String> options, Path source, List<String> libraries,
                                Path directory, Map<String, String> environment, String what)
            throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(gcc);
        command.addAll(options);
        command.add(source.toString());
        command.addAll(libraries);
        List<String> output = new ArrayList<>();
        SessionProcess process = SessionProcess.start(command, directory, environment,
                (line, stderr) -> output.add(line));
        int status = process.waitFor();
        if (status != 0) {
            throw new KconfigException(gcc + " could not build " + what + ": " + String.join("\n", output));
        }
    }
}
