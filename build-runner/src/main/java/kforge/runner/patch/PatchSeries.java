package kforge.runner.patch;

import java.nio.file.Path;
import java.util.List;

import kforge.kconfig.diag.KconfigException;

/**
 * A kernel tree's patch series, in quilt's layout: {@code <tree>/patches/series} lists the patches, in
 * order, each a file in patches/. The entry point for its operations, each a command object in JGit's
 * porcelain style:
 * <pre>
 * PatchSeries series = PatchSeries.open(tree);
 * series.add().setFile(Path.of("fix.patch")).call();
 * series.apply().setAll(true).call();
 * series.unapply().call();
 * series.status().call();
 * </pre>
 * See the package documentation for where state lives and when a patch becomes a commit.
 */
public final class PatchSeries {
    public static final String DEFAULT_SERIES = "patches/series";

    private final Path tree;
    private final Path seriesFile;

    private PatchSeries(Path tree, Path seriesFile) {
        this.tree = tree;
        this.seriesFile = seriesFile;
    }

    /** The series at quilt's default place, {@code <tree>/patches/series}; it need not exist yet. */
    public static PatchSeries open(Path tree) {
        Path root = tree.toAbsolutePath().normalize();
        return new PatchSeries(root, root.resolve(DEFAULT_SERIES));
    }

    /** A series file elsewhere; its patches are named relative to its directory, as quilt's are. */
    public static PatchSeries open(Path tree, Path seriesFile) {
        Path root = tree.toAbsolutePath().normalize();
        return new PatchSeries(root, root.resolve(seriesFile).normalize());
    }

    public Path tree() {
        return tree;
    }

    public Path seriesFile() {
        return seriesFile;
    }

    public Path patchesDirectory() {
        return seriesFile.getParent();
    }

    /** The series as the file lists it now. */
    public List<SeriesEntry> entries() {
        return SeriesFile.read(seriesFile);
    }

    /** The applied stack, bottom first, as recorded in the tree. */
    public List<AppliedPatch> applied() {
        return state().read();
    }

    public AddPatchCommand add() {
        return new AddPatchCommand(this);
    }

    public ApplyPatchCommand apply() {
        return new ApplyPatchCommand(this);
    }

    public UnapplyPatchCommand unapply() {
        return new UnapplyPatchCommand(this);
    }

    /** Ends an interrupted apply or unapply from its journal: --continue, or --abort with setAbort(true). */
    public RecoverPatchCommand recover() {
        return new RecoverPatchCommand(this);
    }

    /** What an interrupted operation was doing ("applying 0002-net.patch"), or empty when none was. */
    public java.util.Optional<String> interruptedOperation() {
        PatchJournal journal = PatchJournal.find(tree);
        return journal == null ? java.util.Optional.empty() : java.util.Optional.of(journal.describe());
    }

    /** As git am refuses to start while an earlier am is in progress. */
    void requireNoInterruptedOperation() {
        interruptedOperation().ifPresent(what -> {
            throw new KconfigException(displayName(tree.resolve(PatchJournal.DIRECTORY)) + ": " + what
                    + " was interrupted; run 'kforge patch apply --continue' to finish it or"
                    + " 'kforge patch apply --abort' to take it back");
        });
    }

    public PatchStatusCommand status() {
        return new PatchStatusCommand(this);
    }

    AppliedState state() {
        return new AppliedState(tree);
    }

    Path patchFile(String name) {
        return patchesDirectory().resolve(name);
    }

    /** How messages name a patch file: relative to the tree when inside it (patches/fix.patch). */
    String displayName(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(tree) ? tree.relativize(absolute).toString() : absolute.toString();
    }
}
