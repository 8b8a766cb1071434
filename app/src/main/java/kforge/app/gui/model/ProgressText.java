package kforge.app.gui.model;

import java.time.Duration;

import kforge.runner.make.BuildProgress;

/** The words beside the progress bar: how far, out of how many (a guess), and the time left. */
final class ProgressText {

    private ProgressText() {
    }

    static String of(BuildProgress p) {
        StringBuilder sb = new StringBuilder(p.target()).append(": ").append(p.compiled());
        if (p.expected() > 0) {
            sb.append(" of ~").append(p.expected()).append(" objects (").append((int) (p.fraction() * 100))
                    .append("%)");
        } else {
            sb.append(" objects");
        }
        sb.append(", ").append(p.eta() == null ? "estimating time left" : "ETA " + clock(p.eta()));
        return sb.toString();
    }

    /** h:mm:ss or m:ss, as a build's length is read at a glance. */
    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
