package kforge.app.gui.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import kforge.runner.compress.DecompressingStream;
import kforge.kconfig.diag.KconfigException;

/**
 * A patch file's text for the diff viewer, decompressed exactly as the patch series reads it (by its first
 * bytes, not its name), so what is shown is what gets applied.
 */
final class PatchText {
    private PatchText() {
    }

    static List<PatchLine> lines(Path file) {
        return PatchLine.classify(text(file));
    }

    /** Bytes that are not UTF-8 (an old Latin-1 patch) show as replacement marks; the text is for reading. */
    static String text(Path file) {
        try {
            return new String(DecompressingStream.readAll(file, file.getFileName().toString()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KconfigException(file + ": cannot read it: " + e.getMessage());
        }
    }
}
