package kforge.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import kforge.app.Main;

/**
 * One in-process run of kforge: its exit status and what it printed on stdout and stderr. Public for the
 * editor's window tests, which compare a save with "kforge set".
 */
public record CliRun(int exit, String out, String err) {

    /** The end of a long output, for an assertion's message. */
    public static String tail(String text) {
        return text.length() < 4000 ? text : text.substring(text.length() - 4000);
    }

    /** User errors come out as a message, never a Java stack trace. */
    public boolean hasStackTrace() {
        return err.contains("Exception") || err.contains("\tat ");
    }

    /** Runs kforge with these arguments; System.out and System.err are the process's, so one run at a time. */
    public static CliRun kforge(String... args) {
        return capture(() -> Main.run(args));
    }

    /**
     * Runs "kforge set ARGS" as if kforge were started in this environment: the way to give it
     * KCONFIG_NOTIMESTAMP=1, which a process cannot set in its own environment.
     */
    public static CliRun kforgeSet(Map<String, String> environment, String... args) {
        return capture(() -> KforgeCommand.run("set", new SetCommand(environment), args));
    }

    /** What the ./kforge launcher execs, with the classes under test: "java ... kforge.app.Main ARGS". */
    public static List<String> processCommand(String... args) {
        return javaCommand(Main.class, args);
    }

    /** A JVM of its own running mainClass, from the classes under test, with the launcher's start-up flags. */
    public static List<String> javaCommand(Class<?> mainClass, String... args) {
        String classpath = testClassPath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath, mainClass.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs kforge as a process of its own, in the JVM's environment with these variables set (or removed,
     * for a null value): for what reads its environment, such as a build's DISTCC_HOSTS.
     */
    public static CliRun kforgeProcess(Map<String, String> environment, String... args) {
        return runProcess(processCommand(args), environment);
    }

    /**
     * Runs kforge through the checkout's ./kforge launcher, with the classes under test and its JVM flags
     * (heap, compiler, collector) as users get them: for what those flags decide, such as resident memory.
     * Class data sharing is off, so the run writes no archive into the user's cache.
     */
    public static CliRun launcherProcess(Map<String, String> environment, String... args) {
        Path launcher = Path.of("").toAbsolutePath().resolveSibling("kforge");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("no launcher at " + launcher + " (tests run in a module's folder)");
        }
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Map<String, String> launcherEnvironment = new java.util.HashMap<>(environment);
        launcherEnvironment.put("KFORGE_CLASSPATH", testClassPath());
        launcherEnvironment.put("KFORGE_CDS", "off");
        launcherEnvironment.put("KFORGE_JAVA_OPTS", null);
        return runProcess(command, launcherEnvironment);
    }

    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static CliRun runProcess(List<String> processCommand, Map<String, String> environment) {
        try {
            Path out = Files.createTempFile("kforge-run", ".out");
            Path err = Files.createTempFile("kforge-run", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(processCommand)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                environment.forEach((name, value) -> {
                    if (value == null) {
                        builder.environment().remove(name);
                    } else {
                        builder.environment().put(name, value);
                    }
                });
                int exit = builder.start().waitFor();
                return new CliRun(exit, Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized CliRun capture(IntSupplier kforge) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = kforge.getAsInt();
            return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
