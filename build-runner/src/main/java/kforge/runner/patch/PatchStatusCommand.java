package kforge.runner.patch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kforge.kconfig.diag.KconfigException;

/**
 * Every patch's state, found afresh each time, so edits made by hand since show up: the applied stack is
 * taken back in memory from the top (each patch against the tree as the ones above it would leave it), and
 * a patch that no longer reverse-applies is CHANGED, with what no longer matches. Nothing is written.
 */
public final class PatchStatusCommand {
    private final PatchSeries series;

    PatchStatusCommand(PatchSeries series) {
        this.series = series;
    }

    /** @return series order; applied patches no longer in the series file follow, marked so */
    public List<PatchStatus> call() {
        List<AppliedPatch> applied = series.state().read();
        Map<String, PatchStatus> checked = new HashMap<>();
        Map<String, FileChange> overlay = new LinkedHashMap<>();
        try (GitTree git = GitTree.open(series.tree())) {
            for (int k = applied.size() - 1; k >= 0; k--) {
                AppliedPatch patch = applied.get(k);
                checked.put(patch.name(), check(patch, overlay, git));
            }
        }
        List<PatchStatus> statuses = new ArrayList<>();
        List<String> inSeries = new ArrayList<>();
        for (SeriesEntry entry : series.entries()) {
            inSeries.add(entry.name());
            PatchStatus status = checked.get(entry.name());
            statuses.add(status != null ? status
                    : new PatchStatus(entry.name(), PatchStatus.State.UNAPPLIED, null, "", true));
        }
        for (AppliedPatch patch : applied) {
            if (!inSeries.contains(patch.name())) {
                PatchStatus status = checked.get(patch.name());
                statuses.add(new PatchStatus(status.name(), status.state(), patch, status.detail(), false));
            }
        }
        return statuses;
    }

    private PatchStatus check(AppliedPatch patch, Map<String, FileChange> overlay, GitTree git) {
        String source = series.displayName(series.patchFile(patch.name()));
        if (patch.committed() && git != null && !git.inHistory(patch.commit())) {
            return changed(patch, "its commit " + GitTree.abbreviate(patch.commit())
                    + " is no longer in HEAD's history");
        }
        Path file = series.state().copyOf(patch.name());
        if (!Files.isRegularFile(file)) {
            file = series.patchFile(patch.name());
        }
        try {
            ParsedPatch parsed = PatchReader.read(file, source, patch.strip());
            List<FileDiff> back = patch.reversed() ? parsed.files() : parsed.reversed().files();
            PatchPlan plan = PatchPlan.of(series.tree(), source, back, true, overlay);
            for (FileChange change : plan.changes()) {
                overlay.put(change.path(), change);
            }
            return new PatchStatus(patch.name(), PatchStatus.State.APPLIED, patch, "", true);
        } catch (KconfigException e) {
            return changed(patch, e.getMessage());
        }
    }

    private static PatchStatus changed(AppliedPatch patch, String detail) {
        return new PatchStatus(patch.name(), PatchStatus.State.CHANGED, patch, detail, true);
    }
}
