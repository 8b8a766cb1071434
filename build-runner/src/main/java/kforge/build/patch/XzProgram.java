package kforge.build.patch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import kforge.kconfig.diag.KconfigException;

/**
 * .xz through the xz program: commons-compress reads xz only with org.tukaani:xz on the class path, which
 * kforge does not ship. Run with an argument list, never a shell, with its output in a temporary file so
 * a large patch cannot block on a pipe.
 */
final class XzProgram {
    private XzProgram() {
    }

    static byte[] decompress(Path file) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("kforge-xz", ".out");
            err = Files.createTempFile("kforge-xz", ".err");
            Process process;
            try {
                process = new ProcessBuilder(List.of("xz", "-dc", "--", file.toAbsolutePath().toString()))
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
            } catch (IOException e) {
                throw new KconfigException(file + ": cannot decompress it: the xz program is not installed"
                        + " (Debian: apt-get install xz-utils)");
            }
            int status = waitFor(process, file);
            if (status != 0) {
                throw new KconfigException(file + ": xz -dc failed: "
                        + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new KconfigException(file + ": cannot decompress it: " + e.getMessage());
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static int waitFor(Process process, Path file) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new KconfigException(file + ": decompression interrupted");
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // a temporary file left behind is not worth failing the patch for
            }
        }
    }
}
