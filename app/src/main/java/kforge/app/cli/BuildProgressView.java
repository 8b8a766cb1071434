package kforge.app.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import kforge.runner.artifact.Artifact;
import kforge.runner.diag.Diagnostic;
import kforge.runner.make.BuildListener;
import kforge.runner.make.BuildProgress;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.TargetResult;

/**
 * A build on the terminal. On a TTY: one bar line redrawn in place, with warnings and errors printed above
 * it as they come; make's full output is in the out dir's log. Otherwise: make's output as it is, with a
 * progress line every tenth of the way, for logs and CI.
 */
final class BuildProgressView implements BuildListener {
    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean bar;
    private final String prefix;
    private long lastDraw;
    private int lastTenth = -1;
    private String lastLine = "";
    private int barLength;

    /** @param prefix put before every plain line, e.g. "[mini2440] " in a batch; "" for one build */
    BuildProgressView(PrintStream out, boolean bar, String prefix) {
        this.out = out;
        this.bar = bar;
        this.prefix = prefix;
    }

    @Override
    public void targetStarted(String target, List<String> command) {
        lastTenth = -1;
        clearBar();
        out.println(prefix + "kforge: make " + target + ": " + String.join(" ", command));
    }

    @Override
    public void output(String line, boolean stderr) {
        if (!bar) {
            out.println(prefix + line);
        } else {
            lastLine = line.strip();
        }
    }

    @Override
    public void diagnostic(Diagnostic d) {
        if (bar) {
            clearBar();
            out.println(d.location() + (d.location().isEmpty() ? "" : ": ") + d.severity().name().toLowerCase()
                    + ": " + d.message());
        }
    }

    @Override
    public void progress(BuildProgress p) {
        if (bar) {
            long now = System.nanoTime();
            if (now - lastDraw >= REDRAW_NANOS) {
                lastDraw = now;
                drawBar(p);
            }
            return;
        }
        int tenth = (int) (p.fraction() * 10);
        if (tenth != lastTenth) {
            lastTenth = tenth;
            out.println(prefix + "kforge: " + describe(p));
        }
    }

    @Override
    public void targetFinished(TargetResult r) {
        clearBar();
        out.printf(prefix + "kforge: %s %s in %s (%d objects compiled)%n", r.name(), r.status(),
                formatDuration(Duration.ofMillis((long) (r.seconds() * 1000))), r.compiledObjects());
    }

    @Override
    public void finished(BuildRecord record) {
        clearBar();
        out.printf(prefix + "kforge: build %s: %d warning(s), %d error(s), %s%n", record.status(), record.warnings(),
                record.errors(), formatDuration(Duration.ofMillis((long) (record.seconds() * 1000))));
        if (record.wrapper() != null && !record.wrapper().summary().isEmpty()) {
            out.println(prefix + "kforge: " + record.wrapper().summary());
        }
        for (Artifact a : record.artifacts()) {
            out.printf(prefix + "  %-32s %10d  %s  %s%n", a.path(), a.size(), a.verified() ? "verified" : "NOT VERIFIED: "
                    + a.detail(), a.sha256());
        }
    }

    private void drawBar(BuildProgress p) {
        int filled = (int) Math.round(p.fraction() * BAR_WIDTH);
        String text = "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + describe(p) + "  "
                + lastLine;
        if (text.length() > 120) {
            text = text.substring(0, 120);
        }
        out.print("\r" + text + " ".repeat(Math.max(0, barLength - text.length())));
        out.flush();
        barLength = text.length();
    }

    private void clearBar() {
        if (bar && barLength > 0) {
            out.print("\r" + " ".repeat(barLength) + "\r");
            out.flush();
            barLength = 0;
        }
    }

    static String describe(BuildProgress p) {
        String eta = p.eta() == null ? "" : ", " + formatDuration(p.eta()) + " left";
        return String.format("%s %d%% (%d/~%d objects)%s", p.target(), (int) (p.fraction() * 100), p.compiled(),
                p.expected(), eta);
    }

    static String formatDuration(Duration d) {
        long seconds = d.toSeconds();
        return seconds >= 60 ? (seconds / 60) + "m" + String.format("%02ds", seconds % 60) : seconds + "s";
    }
}
