package kforge.runner.patch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import kforge.kconfig.diag.KconfigException;

/**
 * Puts a patch file at the end of the series: copied into the patches directory under its own name
 * (compressed ones stay compressed) and appended to the series file, like quilt import. The patch is read
 * first, so a malformed one is refused now with its file:line rather than when it is applied.
 */
public final class AddPatchCommand {
    private final PatchSeries series;
    private Path file;
    private int strip = SeriesEntry.DEFAULT_STRIP;

    AddPatchCommand(PatchSeries series) {
        this.series = series;
    }

    public AddPatchCommand setFile(Path file) {
        this.file = file;
        return this;
    }

    /** patch's -pN for this patch; 1, the kernel's a/ b/ convention, unless set. */
    public AddPatchCommand setStrip(int strip) {
        if (strip < 0) {
            throw new IllegalArgumentException("strip must be 0 or more: " + strip);
        }
        this.strip = strip;
        return this;
    }

    /** @return the series entry added */
    public SeriesEntry call() {
        if (file == null) {
            throw new IllegalStateException("no patch file set");
        }
        if (!Files.isRegularFile(file)) {
            throw new KconfigException(file + ": no such patch file");
        }
        PatchReader.read(file, file.toString(), strip);
        String name = file.getFileName().toString();
        if (series.entries().stream().anyMatch(e -> e.name().equals(name))) {
            throw new KconfigException(name + " is already in " + series.displayName(series.seriesFile()));
        }
        Path target = series.patchFile(name);
        try {
            if (Files.exists(target)) {
                if (!Arrays.equals(Files.readAllBytes(target), Files.readAllBytes(file))) {
                    throw new KconfigException(series.displayName(target) + " already exists with other content;"
                            + " rename the patch or remove that file");
                }
            } else {
                StateFiles.copy(target, Files.readAllBytes(file));
            }
            SeriesEntry entry = new SeriesEntry(name, strip, false);
            SeriesFile.append(series.seriesFile(), entry);
            return entry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
