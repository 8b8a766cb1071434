package kforge.kconfig.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Replaces a file the way conf does: write NAME.TOKEN.tmp ({@link WriterToken}), keep the old file as NAME.old,
 * then rename the new one into place, so a crash never leaves a half-written .config behind.
 */
public final class AtomicFile {
    /** What happened to the target. */
    public enum Outcome { WRITTEN, UNCHANGED }

    private AtomicFile() {
    }

    public static Outcome replace(Path target, String content, boolean keepOld) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return Outcome.UNCHANGED;
        }
        removeLeftovers(target);
        Path tmp = target.resolveSibling(target.getFileName() + "." + WriterToken.current() + ".tmp");
        try {
            Files.write(tmp, bytes);
            if (keepOld && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                keepAsOld(target);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return Outcome.WRITTEN;
    }

    /**
     * A process killed while it replaced NAME leaves its NAME.TOKEN.tmp (or NAME.old.TOKEN.tmp) behind; once
     * that process is gone nothing else will remove it. A running writer's file is its work in progress.
     */
    private static void removeLeftovers(Path target) throws IOException {
        WriterToken.removeLeftovers(target.toAbsolutePath().getParent(), Pattern.compile(
                Pattern.quote(target.getFileName().toString()) + "(?:\\.old)?\\.(" + WriterToken.PATTERN + ")\\.tmp"));
    }

    /**
     * NAME.old becomes the current file. A hard link made under a temporary name and renamed over NAME.old
     * keeps both names in place throughout: a process killed at any moment leaves NAME whole and NAME.old
     * either the previous old file or the current one. Where links are not possible it is moved away as conf
     * does, and for that instant there is no NAME.
     */
    private static void keepAsOld(Path target) throws IOException {
        Path old = target.resolveSibling(target.getFileName() + ".old");
        Path link = target.resolveSibling(target.getFileName() + ".old." + WriterToken.current() + ".tmp");
        try {
            Files.deleteIfExists(link);
            Files.createLink(link, target);
            Files.move(link, old, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // When NAME.old already is NAME (a writer was killed after keeping it), rename(2) of one link over
            // another of the same file does nothing and leaves the temporary name.
            Files.deleteIfExists(link);
        } catch (IOException | UnsupportedOperationException e) {
            Files.deleteIfExists(link);
            Files.move(target, old, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
