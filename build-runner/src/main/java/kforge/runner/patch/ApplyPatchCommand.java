package kforge.runner.patch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import kforge.kconfig.diag.KconfigException;

/**
 * Applies the next patch of the series, all the rest ({@link #setAll}), or those up to a given one
 * ({@link #setUpTo}, like quilt push NAME). Each patch is atomic; a series stops at the first patch that
 * fails, and the ones before it stay applied, as with quilt push -a.
 */
public final class ApplyPatchCommand {
    private final PatchSeries series;
    private boolean all;
    private String upTo;
    private boolean commit;
    private Consumer<ApplyOutcome> listener = outcome -> { };

    ApplyPatchCommand(PatchSeries series) {
        this.series = series;
    }

    public ApplyPatchCommand setAll(boolean all) {
        this.all = all;
        return this;
    }

    /** Applies the unapplied patches up to and including name, in series order. */
    public ApplyPatchCommand setUpTo(String name) {
        this.upTo = name;
        return this;
    }

    /**
     * In a git tree, commit plain diffs too (the patch name as subject, its description as body, the
     * configured user as author). Mails and kernel release patches are committed regardless.
     */
    public ApplyPatchCommand setCommit(boolean commit) {
        this.commit = commit;
        return this;
    }

    /** Hears of each patch as soon as it is in, so a caller can report progress before a later one fails. */
    public ApplyPatchCommand setListener(Consumer<ApplyOutcome> listener) {
        this.listener = listener;
        return this;
    }

    /**
     * @return the patches applied, in order; empty when none was left to apply
     * @throws PatchConflictException when a patch does not apply: it changed nothing, earlier ones stay
     * @throws KconfigException for a malformed patch (file:line), a tree git am would refuse, or an earlier
     * operation that was interrupted and not yet ended with {@link PatchSeries#recover()}
     */
    public List<ApplyOutcome> call() {
        series.requireNoInterruptedOperation();
        List<SeriesEntry> entries = series.entries();
        Set<String> applied = new HashSet<>();
        series.applied().forEach(patch -> applied.add(patch.name()));
        List<SeriesEntry> pending = new ArrayList<>();
        for (SeriesEntry entry : entries) {
            if (!applied.contains(entry.name())) {
                pending.add(entry);
            }
        }
        if (upTo != null) {
            if (entries.stream().noneMatch(e -> e.name().equals(upTo))) {
                throw new KconfigException(upTo + " is not in " + series.displayName(series.seriesFile()));
            }
            if (applied.contains(upTo)) {
                throw new KconfigException(upTo + " is already applied");
            }
            int last = 0;
            while (!pending.get(last).name().equals(upTo)) {
                last++;
            }
            pending = pending.subList(0, last + 1);
        } else if (!all && !pending.isEmpty()) {
            pending = pending.subList(0, 1);
        }
        List<ApplyOutcome> outcomes = new ArrayList<>();
        for (SeriesEntry entry : pending) {
            ApplyOutcome outcome = new PatchApplication(series, entry, commit).apply();
            outcomes.add(outcome);
            listener.accept(outcome);
        }
        return outcomes;
    }
}
