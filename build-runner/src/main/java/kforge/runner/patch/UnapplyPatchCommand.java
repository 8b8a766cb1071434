package kforge.runner.patch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kforge.kconfig.diag.KconfigException;

/**
 * Takes the top patch off, atomically, like quilt pop: its changes reverse-applied from the copy kept when it
 * went on. A patch that became a commit is taken back only while that commit is HEAD and its files are as
 * the commit left them; HEAD then moves to the parent and only those files change, in the index and the work
 * tree. Anything else (history moved on, the files were edited) is refused, with nothing changed.
 */
public final class UnapplyPatchCommand {
    private final PatchSeries series;

    UnapplyPatchCommand(PatchSeries series) {
        this.series = series;
    }

    /**
     * @return the patch taken off
     * @throws PatchConflictException when its files were changed since and it no longer reverse-applies
     */
    public ApplyOutcome call() {
        series.requireNoInterruptedOperation();
        AppliedState state = series.state();
        List<AppliedPatch> applied = state.read();
        if (applied.isEmpty()) {
            throw new KconfigException("no patch is applied (" + series.displayName(series.seriesFile()) + ")");
        }
        AppliedPatch top = applied.get(applied.size() - 1);
        List<String> notes = new ArrayList<>();
        Path file = state.copyOf(top.name());
        if (!Files.isRegularFile(file)) {
            file = series.patchFile(top.name());
            notes.add("kforge's copy of the patch as applied is gone; used " + series.displayName(file));
        }
        String source = series.displayName(series.patchFile(top.name()));
        ParsedPatch parsed = PatchReader.read(file, source, top.strip());
        List<FileDiff> back = top.reversed() ? parsed.files() : parsed.reversed().files();
        try (GitTree git = top.committed() ? GitTree.open(series.tree()) : null) {
            String parent = null;
            if (top.committed()) {
                if (git == null) {
                    throw new KconfigException(source + " was applied as commit " + GitTree.abbreviate(top.commit())
                            + ", but " + series.tree() + " is no longer a git repository");
                }
                parent = git.parentOfTop(source, top.commit());
            }
            PatchPlan plan = PatchPlan.of(series.tree(), source, back, true);
            notes.addAll(plan.notes());
            List<FileChange> changes = plan.changes();
            if (git != null) {
                git.requireClean(source, changes, "taking back commit " + GitTree.abbreviate(top.commit()));
            }
            PatchJournal journal = PatchJournal.begin(series.tree(), PatchJournal.Operation.UNAPPLY,
                    new SeriesEntry(top.name(), top.strip(), top.reversed()), false, top,
                    Files.isRegularFile(state.copyOf(top.name())) ? state.copyOf(top.name()) : file,
                    git != null ? top.commit() : null, changes);
            try {
                TreeWriter.Written written = TreeWriter.write(series.tree(), changes);
                if (git != null) {
                    try {
                        git.dropTop(source, parent, changes, top.tag(), top.commit());
                    } catch (RuntimeException e) {
                        git.restoreHead(top.commit(), changes);
                        written.rollback();
                        throw e;
                    }
                }
                state.pop(top);
                journal.finish();
            } catch (IOException | RuntimeException e) {
                RecoverPatchCommand.takeBackAfter(e, series, journal);
                throw e;
            }
            return new ApplyOutcome(top, List.copyOf(notes));
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
    }
}
