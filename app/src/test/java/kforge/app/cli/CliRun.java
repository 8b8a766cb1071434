package kforge.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
