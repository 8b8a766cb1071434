package kforge.kconfig.diag;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the engine's messages go. conf prints some on stdout (e.g. $(info,...)) and warnings on stderr;
 * keeping the two apart lets the conf-compatible mode print them exactly where conf does.
 */
public interface Reporter {
    /** A line conf would print on stdout. */
    void out(String line);

    /** A line conf would print on stderr (warnings, notes). */
    void err(String line);

    static Reporter console() {
        return to(System.out, System.err);
    }

    static Reporter to(PrintStream out, PrintStream err) {
        return new Reporter() {
            @Override
            public void out(String line) {
                out.println(line);
            }

            @Override
            public void err(String line) {
                err.println(line);
            }
        };
    }

    static Reporter silent() {
        return new Reporter() {
            @Override
            public void out(String line) {
            }

            @Override
            public void err(String line) {
            }
        };
    }

    /** Keeps every line; for tests and the GUI. */
    final class Collecting implements Reporter {
        private final List<String> out = new ArrayList<>();
        private final List<String> err = new ArrayList<>();

        @Override
        public synchronized void out(String line) {
            out.add(line);
        }

        @Override
        public synchronized void err(String line) {
            err.add(line);
        }

        public synchronized List<String> outLines() {
            return List.copyOf(out);
        }

        public synchronized List<String> errLines() {
            return List.copyOf(err);
        }
    }
}
