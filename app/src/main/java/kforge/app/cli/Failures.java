package kforge.app.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

import kforge.kconfig.diag.KconfigException;

/** Turns faults into what a user should see: the message alone for their errors, a trace only for ours. */
final class Failures {
    private Failures() {
    }

    static int report(Throwable t, PrintStream err) {
        if (t instanceof KconfigException) {
            err.println(t.getMessage());
            return 1;
        }
        if (t instanceof UncheckedIOException u) {
            return report(u.getCause(), err);
        }
        if (t instanceof NoSuchFileException n) {
            err.println("kforge: " + n.getFile() + ": No such file or directory");
            return 1;
        }
        if (t instanceof java.io.IOException io) {
            err.println("kforge: " + io.getMessage());
            return 1;
        }
        err.println("kforge: internal error (please report): " + t);
        t.printStackTrace(err);
        return 2;
    }
}
