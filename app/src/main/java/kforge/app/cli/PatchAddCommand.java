package kforge.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import kforge.runner.patch.PatchSeries;
import kforge.runner.patch.SeriesEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** kforge patch add: the file is checked, copied into the patches directory and appended to the series. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Copy a patch (.patch, .diff, a git format-patch mail; .gz, .bz2, .xz too)"
        + " into the patches directory and append it to the series.")
public final class PatchAddCommand implements Callable<Integer> {
    @Mixin
    PatchTreeOptions options = new PatchTreeOptions();

    @Parameters(paramLabel = "FILE", description = "The patch file.")
    Path file;

    @Option(names = "-p", paramLabel = "N", description = "Strip N leading directories from its file names, as"
            + " patch -pN (default: 1).")
    int strip = SeriesEntry.DEFAULT_STRIP;

    @Override
    public Integer call() {
        PatchSeries series = options.open();
        SeriesEntry entry = series.add().setFile(file).setStrip(strip).call();
        System.out.println("Added " + entry.name() + " to " + series.seriesFile());
        return 0;
    }
}
