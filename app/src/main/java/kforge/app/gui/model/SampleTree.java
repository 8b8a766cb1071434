package kforge.app.gui.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import kforge.kconfig.cache.CacheRoot;

/**
 * The small S3C2410-style Kconfig tree bundled in the app, so kforge works on a machine with no kernel
 * source. It is copied out of the jar because the engine reads Kconfig files from disk like conf does.
 */
public final class SampleTree {
    private static final String ROOT = "/kforge/app/sample/";
    /** The sample's defconfig; a new sample .config starts from it. */
    public static final String DEFCONFIG = "arch/arm/configs/sample_defconfig";

    private SampleTree() {
    }

    /** Writes the sample tree under dir (files already equal are left alone) and returns dir. */
    public static Path extractTo(Path dir) {
        try {
            for (String name : fileNames()) {
                byte[] content = read(name);
                Path target = dir.resolve(name);
                if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.write(target, content);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample tree to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The per-user copy: $KFORGE_CACHE/sample, else ~/.cache/kforge/sample. */
    public static Path extract() {
        return extractTo(CacheRoot.of(System.getenv()).resolve("sample"));
    }

    static String[] fileNames() throws IOException {
        return new String(read("index.txt"), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(l -> !l.isEmpty()).toArray(String[]::new);
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = SampleTree.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IOException("the sample tree lacks " + name + " (broken build?)");
            }
            return in.readAllBytes();
        }
    }
}
