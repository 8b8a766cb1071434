package kforge.kconfig.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Replaces a file the way conf does: write NAME.PID.tmp, keep the old file as NAME.old, then rename the
 * new one into place, so a crash never leaves a half-written .config behind.
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
        Path tmp = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
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
     * NAME.old becomes the current file. A hard link keeps NAME itself in place until the rename replaces it,
     * so there is no moment without a NAME; where links are not possible it is moved away as conf does.
     */
    private static void keepAsOld(Path target) throws IOException {
        Path old = target.resolveSibling(target.getFileName() + ".old");
        Files.deleteIfExists(old);
        try {
            Files.createLink(old, target);
        } catch (IOException | UnsupportedOperationException e) {
            Files.move(target, old, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
