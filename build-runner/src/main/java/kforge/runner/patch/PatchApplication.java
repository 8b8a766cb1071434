package kforge.runner.patch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.lib.PersonIdent;

import kforge.kconfig.diag.KconfigException;

/**
 * One patch going on: read, planned in memory, checked against git when it is to be a commit, written all
 * at once, committed, recorded. Any failure before the record leaves the tree, the index and HEAD as they
 * were.
 */
final class PatchApplication {
    private final PatchSeries series;
    private final SeriesEntry entry;
    private final boolean commitPlain;

    PatchApplication(PatchSeries series, SeriesEntry entry, boolean commitPlain) {
        this.series = series;
        this.entry = entry;
        this.commitPlain = commitPlain;
    }

    ApplyOutcome apply() {
        Path tree = series.tree();
        Path file = series.patchFile(entry.name());
        String source = series.displayName(file);
        ParsedPatch parsed = PatchReader.read(file, source, entry.strip());
        List<FileDiff> diffs = entry.reversed() ? parsed.reversed().files() : parsed.files();
        KernelRelease release = KernelRelease.fromName(entry.name());
        if (release != null) {
            release.requireBase(tree, source);
        }
        List<String> notes = new ArrayList<>();
        try (GitTree git = GitTree.open(tree)) {
            boolean wantsCommit = parsed.mail() != null || release != null || commitPlain;
            boolean commit = git != null && wantsCommit;
            if (wantsCommit && git == null) {
                notes.add("not a git repository: applied to the work tree only, no commit");
            }
            PatchPlan plan = PatchPlan.of(tree, source, diffs, false);
            notes.addAll(plan.notes());
            List<FileChange> changes = plan.changes();
            String tag = null;
            String message;
            if (release != null) {
                String version = KernelRelease.versionAfter(plan, source);
                tag = "v" + version;
                message = "Linux " + version + "\n";
                if (commit && git.tagExists(tag)) {
                    throw new KconfigException(source + ": the tree already has a tag " + tag);
                }
            } else if (parsed.mail() != null) {
                message = parsed.mail().message();
            } else {
                message = CommitMessages.forPlainPatch(entry.name(), parsed.description());
            }
            if (commit) {
                git.requireClean(source, changes, parsed.mail() != null ? "git am" : "committing the patch");
            }
            PatchJournal journal = PatchJournal.begin(tree, PatchJournal.Operation.APPLY, entry, commitPlain,
                    null, null, commit ? git.head() : null, changes);
            try {
                TreeWriter.Written written = TreeWriter.write(tree, changes);
                String commitId = null;
                if (commit) {
                    commitId = commit(git, source, parsed.mail(), changes, message, tag, written);
                }
                AppliedPatch applied = new AppliedPatch(entry.name(), entry.strip(), entry.reversed(), commitId,
                        commit ? tag : null);
                series.state().push(applied, file);
                journal.finish();
                return new ApplyOutcome(applied, List.copyOf(notes));
            } catch (IOException | RuntimeException e) {
                RecoverPatchCommand.takeBackAfter(e, series, journal);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
    }

    private static String commit(GitTree git, String source, MailMessage mail, List<FileChange> changes,
            String message, String tag, TreeWriter.Written written) throws IOException {
        String parent = git.head();
        String commitId;
        try {
            PersonIdent author = mail == null ? null : new PersonIdent(mail.authorName(), mail.authorEmail(),
                    mail.date().toInstant(), mail.date().getZone());
            commitId = git.commit(source, changes, author, message);
        } catch (RuntimeException e) {
            written.rollback();
            throw e;
        }
        if (tag != null) {
            try {
                git.tag(source, tag, commitId, message);
            } catch (RuntimeException e) {
                if (parent != null) {
                    git.dropTop(source, parent, changes, null, commitId);
                }
                written.rollback();
                throw e;
            }
        }
        return commitId;
    }
}
