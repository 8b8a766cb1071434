package kforge.runner.patch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import kforge.kconfig.diag.KconfigException;

/**
 * Ends a patch operation that was interrupted (kforge killed, the machine down) from the journal it left,
 * as git am --abort and --continue do: {@link #setAbort abort} puts every file the operation touched, the
 * applied list and HEAD back as they were before it; continue does that and then runs the operation again,
 * so the tree ends as the operation would have left it. Either way no half-patched file is left.
 */
public final class RecoverPatchCommand {
    private final PatchSeries series;
    private boolean abort;

    RecoverPatchCommand(PatchSeries series) {
        this.series = series;
    }

    /** True: take the operation back. False (the default): finish it. */
    public RecoverPatchCommand setAbort(boolean abort) {
        this.abort = abort;
        return this;
    }

    /**
     * @return what was interrupted, e.g. "applying 0002-net.patch", or empty when nothing was
     * @throws KconfigException when the kforge that began it still runs, or continuing fails (the tree is then
     * as before the operation)
     */
    public Optional<String> call() {
        Path tree = series.tree();
        try {
            PatchJournal.removeUnfinished(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PatchJournal journal = PatchJournal.find(tree);
        if (journal == null) {
            return Optional.empty();
        }
        if (journal.pid != ProcessHandle.current().pid()
                && ProcessHandle.of(journal.pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new KconfigException(journal.describe() + " is still going on in process " + journal.pid
                    + "; wait for it to end");
        }
        takeBack(series, journal);
        if (!abort) {
            redo(journal);
        }
        return Optional.of(journal.describe());
    }

    private void redo(PatchJournal journal) {
        if (journal.operation == PatchJournal.Operation.APPLY) {
            SeriesEntry entry = series.entries().stream().filter(e -> e.name().equals(journal.patch.name()))
                    .findFirst().orElse(journal.patch);
            new PatchApplication(series, entry, journal.commitPlain).apply();
        } else {
            new UnapplyPatchCommand(series).call();
        }
    }

    /**
     * Puts the tree, the index, HEAD and the applied list back as the journal says they were, and removes the
     * journal. Safe to run again if it is itself interrupted: each step writes the before-state whatever it
     * finds.
     */
    static void takeBack(PatchSeries series, PatchJournal journal) {
        Path tree = series.tree();
        try {
            List<FileChange> back = new ArrayList<>();
            for (PatchJournal.Entry entry : journal.files) {
                TreeWriter.removeStaleTemporaries(tree, entry.path());
                Path file = tree.resolve(entry.path());
                byte[] now = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
                back.add(new FileChange(entry.path(), now, journal.before(entry),
                        now != null && TreeWriter.executable(file), entry.executable()));
            }
            TreeWriter.write(tree, back);
            if (journal.headBefore != null) {
                try (GitTree git = GitTree.open(tree)) {
                    if (git != null) {
                        git.moveHeadBack(journal.describe(), journal.headBefore, back,
                                journal.operation == PatchJournal.Operation.APPLY);
                    }
                }
            }
            restoreAppliedList(series.state(), journal);
            journal.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(journal.describe() + ": cannot take it back: " + e.getMessage(), e);
        }
    }

    /**
     * After an operation failed with {@code failure} (its own rollback has run), makes sure the tree is as
     * before and drops the journal; if even that fails, the journal stays for a later --abort.
     */
    static void takeBackAfter(Exception failure, PatchSeries series, PatchJournal journal) {
        try {
            takeBack(series, journal);
        } catch (RuntimeException again) {
            failure.addSuppressed(again);
        }
    }

    private static void restoreAppliedList(AppliedState state, PatchJournal journal) throws IOException {
        List<AppliedPatch> applied = state.read();
        boolean onTop = !applied.isEmpty() && applied.get(applied.size() - 1).name().equals(journal.patch.name());
        if (journal.operation == PatchJournal.Operation.APPLY) {
            if (onTop) {
                state.pop(applied.get(applied.size() - 1));
            }
            Files.deleteIfExists(state.copyOf(journal.patch.name()));
        } else if (!onTop && journal.appliedBefore != null) {
            state.push(journal.appliedBefore, journal.appliedCopy());
        }
    }
}
