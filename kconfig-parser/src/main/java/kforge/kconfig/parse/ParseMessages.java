package kforge.kconfig.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import kforge.kconfig.diag.Reporter;

/**
 * What the scanner and the preprocessor print while a file is parsed, held back with the index of the token
 * being scanned, so that conf's order can be kept: its scanner prints a warning when its parser reads that
 * token, between the parser's own messages.
 */
final class ParseMessages implements Reporter {
    /** A held line: before token {@code tokenIndex}, on stderr or stdout. */
    record Held(int tokenIndex, boolean stderr, String line) {
    }

    private final Reporter target;
    private final List<Held> held = new ArrayList<>();
    private IntSupplier clock = () -> 0;

    ParseMessages(Reporter target) {
        this.target = target;
    }

    /** Where the index of the token being scanned comes from (the scanner, made after this). */
    void clock(IntSupplier tokenIndex) {
        this.clock = tokenIndex;
    }

    @Override
    public void out(String line) {
        held.add(new Held(clock.getAsInt(), false, line));
    }

    @Override
    public void err(String line) {
        held.add(new Held(clock.getAsInt(), true, line));
    }

    /** Everything held, in order, to the real reporter. */
    void flush() {
        held.forEach(this::release);
        held.clear();
    }

    /** The lines held so far, for a caller that places them itself; stdout lines it releases with {@link #release}. */
    List<Held> lines() {
        return held;
    }

    void release(Held line) {
        if (line.stderr()) {
            target.err(line.line());
        } else {
            target.out(line.line());
        }
    }
}
