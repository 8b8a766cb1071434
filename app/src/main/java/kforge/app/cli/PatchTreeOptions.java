package kforge.app.cli;

import java.nio.file.Path;

import kforge.runner.patch.PatchSeries;
import picocli.CommandLine.Option;

/** Which tree's series every kforge patch subcommand works on. */
final class PatchTreeOptions {
    @Option(names = "--tree", paramLabel = "DIR", description = "Kernel source tree (default: the current directory).")
    Path tree = Path.of(".");

    @Option(names = "--series", paramLabel = "FILE", description = "The series file (default: DIR/patches/series,"
            + " as quilt); its patches are named relative to its directory.")
    Path series;

    PatchSeries open() {
        return series == null ? PatchSeries.open(tree) : PatchSeries.open(tree, series.toAbsolutePath());
    }
}
