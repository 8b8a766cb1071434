package kforge.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import kforge.kconfig.testing.ReferenceKernel;
import kforge.runner.artifact.Artifact;
import kforge.runner.boot.KernelBoot;
import kforge.runner.files.FileTrees;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildRecords;

/**
 * The boards' small kernels (the preset's boot fragment over allnoconfig), each built and booted once by
 * "kforge boot" from an empty out dir and shared by every test class of the run that needs one: a kernel
 * build costs one to four minutes, the largest part of the suite. {@link Booted} holds what that first
 * boot left. A test may build and boot again in the out dir itself (an incremental build, as in a user's
 * existing out dir), but not elsewhere: the reproducible build's -ffile-prefix-map names the out dir, so a
 * copy at another path recompiles everything.
 */
public final class SmallKernels {
    private static final Map<String, Booted> BOOTED = new ConcurrentHashMap<>();
    private static final Path DIR = createDir();

    /** The out dir, and the record, .config and console log its first kforge boot left there. */
    public record Booted(Path out, BuildRecord record, String config, String console) {
        /** The sha256 of that boot's arch/arm/boot/zImage, "" for a board without one. */
        public String zImage() {
            return record.artifacts().stream().filter(a -> a.path().equals("arch/arm/boot/zImage"))
                    .map(Artifact::sha256).findFirst().orElse("");
        }
    }

    private SmallKernels() {
    }

    /** A passing kforge boot of the board's small kernel on the tree, from an empty out dir. */
    public static Booted booted(ReferenceKernel kernel, String board) {
        return BOOTED.computeIfAbsent(kernel + "/" + board, key -> boot(kernel, board));
    }

    private static Booted boot(ReferenceKernel kernel, String board) {
        Path out = DIR.resolve(board + "-" + kernel);
        CliRun run = CliRun.kforge("boot", "--board", board, "-n", "--tree", kernel.tree().toString(),
                "--out", out.toString(), "-q", "--progress", "plain", "--timeout", "60");
        assertEquals(0, run.exit(), CliRun.tail(run.out()) + run.err());
        assertTrue(run.out().contains("kforge: boot PASS"), CliRun.tail(run.out()));
        assertTrue(run.out().contains(KernelBoot.DEFAULT_MARKER), "the console is streamed");
        try {
            BuildRecord record = BuildRecords.read(out.resolve(BuildRecords.LATEST));
            return new Booted(out, record, Files.readString(out.resolve(".config"), StandardCharsets.ISO_8859_1),
                    Files.readString(out.resolve(record.boot().console())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createDir() {
        try {
            Path dir = Files.createTempDirectory("kforge-small-kernels");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.deleteQuietly(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
