package kforge.runner.patch;

/**
 * One line of a series file: a patch and how to apply it.
 *
 * @param name     the patch file, relative to the series file's directory
 * @param strip    patch's -pN (1 unless the line says otherwise)
 * @param reversed quilt's -R: the patch is applied in reverse
 */
public record SeriesEntry(String name, int strip, boolean reversed) {
    public static final int DEFAULT_STRIP = 1;

    /** The line as the series file writes it, options only where they differ from the default. */
    String line() {
        return name + (strip != DEFAULT_STRIP ? " -p" + strip : "") + (reversed ? " -R" : "");
    }
}
