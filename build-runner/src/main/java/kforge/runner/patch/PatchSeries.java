package kforge.runner.patch;

import java.nio.file.Path;
import java.util.List;

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
