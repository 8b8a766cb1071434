package kforge.runner.diag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The distinct diagnostics of one build. A warning in a header is printed again for every file that
 * includes it, often hundreds of times; users want it once, with a count. Safe to feed from several
 * threads at once, as a build reads its stdout and stderr on two.
 * <p>
 * Two diagnostics are the same when file, line, column, severity and message are.
 */
public final class Diagnostics {
    private static final DiagnosticParser PARSER = new DiagnosticParser();

    private final Map<Key, Seen> seen = new LinkedHashMap<>();

    private record Key(String file, int line, int column, Severity severity, String message) {
        static Key of(Diagnostic d) {
            return new Key(d.file(), d.line(), d.column(), d.severity(), d.message());
        }
    }

    private static final class Seen {
        final Diagnostic first;
        int count;

        Seen(Diagnostic first) {
            this.first = first;
        }
    }

    /**
     * Parses an output line and counts what it reports.
     *
     * @return the diagnostic the line reports if it is new in this build; empty for a repeat, so a caller
     *         can pass the result straight on to the user
     */
    public Optional<Diagnostic> accept(String line) {
        Optional<Diagnostic> parsed = PARSER.parse(line);
        if (parsed.isEmpty()) {
            return parsed;
        }
        synchronized (this) {
            Seen entry = seen.computeIfAbsent(Key.of(parsed.get()), k -> new Seen(parsed.get()));
            entry.count++;
            return entry.count == 1 ? parsed : Optional.empty();
        }
    }

    /** Each distinct diagnostic once, as first printed. */
    public synchronized List<Diagnostic> unique() {
        List<Diagnostic> result = new ArrayList<>(seen.size());
        for (Seen entry : seen.values()) {
            result.add(entry.first);
        }
        return List.copyOf(result);
    }

    /** Distinct errors, the number a user has to fix. */
    public synchronized int errors() {
        return count(Severity.ERROR);
    }

    /** Distinct warnings. */
    public synchronized int warnings() {
        return count(Severity.WARNING);
    }

    /** How often the build printed this diagnostic (or one equal to it); 0 if never. */
    public synchronized int occurrences(Diagnostic diagnostic) {
        Seen entry = seen.get(Key.of(diagnostic));
        return entry == null ? 0 : entry.count;
    }

    private int count(Severity severity) {
        int n = 0;
        for (Key key : seen.keySet()) {
            if (key.severity() == severity) {
                n++;
            }
        }
        return n;
    }
}
