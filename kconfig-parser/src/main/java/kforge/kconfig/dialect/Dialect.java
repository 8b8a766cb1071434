package kforge.kconfig.dialect;

import java.util.EnumSet;
import java.util.Set;

/**
 * The Kconfig language and conf behaviour of one kernel release: the {@link KconfigChange}s it has.
 * Chosen from the tree's top Makefile, in one place ({@link #of}), and asked by the engine by name.
 */
public final class Dialect {
    /** The oldest release whose scripts/kconfig the engine reproduces. */
    public static final KernelRelease OLDEST = KernelRelease.parse("2.6.32");
    /** The release the engine is a port of: the changes up to it are its unconditional behaviour. */
    public static final KernelRelease BASELINE_RELEASE = KernelRelease.parse("6.1");
    /** The newest release whose scripts/kconfig was studied; newer trees get its dialect and a warning. */
    public static final KernelRelease NEWEST = KernelRelease.parse("6.12");
    /** Release series checked byte for byte against their own conf in the test suite. */
    private static final Set<KernelRelease> VERIFIED = Set.of(KernelRelease.parse("2.6.32"), KernelRelease.parse("6.1"),
            KernelRelease.parse("6.12"));

    /** The baseline dialect (Linux 6.1), for Kconfig files that come without a kernel tree. */
    public static final Dialect BASELINE = of(BASELINE_RELEASE);

    private final KernelRelease release;
    private final EnumSet<KconfigChange> changes;

    private Dialect(KernelRelease release, EnumSet<KconfigChange> changes) {
        this.release = release;
        this.changes = changes;
    }

    /** The dialect of a release: every change that came in it or before. */
    public static Dialect of(KernelRelease release) {
        EnumSet<KconfigChange> changes = EnumSet.noneOf(KconfigChange.class);
        for (KconfigChange change : KconfigChange.values()) {
            if (release.isAtLeast(change.since())) {
                changes.add(change);
            }
        }
        return new Dialect(release, changes);
    }

    public boolean has(KconfigChange change) {
        return changes.contains(change);
    }

    public KernelRelease release() {
        return release;
    }

    /** The release series was compared with its own conf by the test suite. */
    public boolean isVerified() {
        return VERIFIED.contains(release.series());
    }

    /** The release is newer than any scripts/kconfig kforge knows. */
    public boolean isNewerThanKnown() {
        return release.series().compareTo(NEWEST) > 0;
    }

    /** E.g. "Kconfig dialect of Linux 6.12 (changes up to 6.11)". */
    public String describe() {
        KernelRelease newestChange = null;
        for (KconfigChange change : changes) {
            if (newestChange == null || change.since().compareTo(newestChange) > 0) {
                newestChange = change.since();
            }
        }
        if (newestChange == null) {
            return name() + " (older than every change kforge knows)";
        }
        return name() + " (changes up to " + newestChange + ")";
    }

    /**
     * E.g. "Kconfig dialect of Linux 6.12": the release series whose Kconfig is used, without the changes,
     * short enough for a window title. A tree newer or older than kforge knows names the dialect used for it.
     */
    public String name() {
        KernelRelease used = isNewerThanKnown() ? NEWEST : release.series().compareTo(OLDEST) < 0 ? OLDEST
                : release.series();
        return "Kconfig dialect of Linux " + used;
    }

    /** What a user should know before trusting the result, or null when the dialect is verified. */
    public String caution() {
        if (isNewerThanKnown()) {
            return "this tree is Linux " + release + ", newer than the newest Kconfig dialect kforge knows ("
                    + NEWEST + "); kforge uses the " + NEWEST + " dialect, so check the result with the tree's own conf";
        }
        if (release.series().compareTo(OLDEST) < 0) {
            return "this tree is Linux " + release + ", older than the oldest Kconfig dialect kforge reproduces ("
                    + OLDEST + "); kforge uses the " + OLDEST + " dialect, so check the result with the tree's own conf";
        }
        if (!isVerified()) {
            return "the Kconfig dialect of Linux " + release.series() + " is derived from the changes kforge knows"
                    + " but was not compared with that release's conf; check the result with the tree's own conf";
        }
        return null;
    }

    @Override
    public String toString() {
        return describe();
    }
}
