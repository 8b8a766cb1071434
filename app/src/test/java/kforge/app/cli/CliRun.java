package kforge.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import kforge.app.Main;

/** One in-process run of kforge: its exit status and what it printed on stdout and stderr. */
record CliRun(int exit, String out, String err) {

    /** User errors come out as a message, never a Java stack trace. */
    boolean hasStackTrace() {
        return err.contains("Exception") || err.contains("\tat ");
    }

    /** Runs kforge with these arguments; System.out and System.err are the process's, so one run at a time. */
    static synchronized CliRun kforge(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
