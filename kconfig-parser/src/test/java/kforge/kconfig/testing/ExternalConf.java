package kforge.kconfig.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KernelRelease;

/**
 * A conf built outside the repository from another release's scripts/kconfig (scripts/verify-release), used as
 * the oracle instead of a {@link ReferenceKernel}'s, with kforge in {@code Dialect.of(release)}. Given by
 * {@code -Dkforge.release.conf=/path/to/conf -Dkforge.release=5.10} and, optionally,
 * {@code -Dkforge.release.tests=DIR} (that tree's scripts/kconfig/tests). CI has no such conf: the tests
 * that need one are skipped when the properties are absent.
 */
public record ExternalConf(Path conf, KernelRelease release, Path testsDirectory) {
    private static final java.util.Map<Path, String> USAGE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The external conf the properties name, if any. */
    public static Optional<ExternalConf> configured() {
        String conf = System.getProperty("kforge.release.conf", "");
        String release = System.getProperty("kforge.release", "");
        if (conf.isBlank() || release.isBlank()) {
            return Optional.empty();
        }
        String tests = System.getProperty("kforge.release.tests", "");
        Path testsDirectory = tests.isBlank() || !Files.isDirectory(Path.of(tests)) ? null : Path.of(tests);
        return Optional.of(new ExternalConf(Path.of(conf), KernelRelease.parse(release), testsDirectory));
    }

    /** The configured external conf; skips the calling test (a JUnit assumption) when there is none. */
    public static ExternalConf assumed() {
        Optional<ExternalConf> external = configured();
        Assumptions.assumeTrue(external.isPresent(),
                "no external conf: -Dkforge.release.conf=/path/to/conf -Dkforge.release=X.Y (scripts/verify-release)");
        Assumptions.assumeTrue(Files.isExecutable(external.get().conf()), "not executable: " + external.get().conf());
        return external.get();
    }

    /** The dialect kforge speaks for this release, as for a tree whose Makefile names it. */
    public Dialect dialect() {
        return Dialect.of(release);
    }

    /** Before 2.6.36 conf took only -o, -s, -d, -D FILE, -n, -m, -y, -r. */
    public boolean hasOnlyShortConfOptions() {
        return !release.isAtLeast(KernelRelease.parse("2.6.36"));
    }

    /** "release-5.10": names the report files. */
    public String label() {
        return "release-" + release;
    }

    /** Whether this conf knows the long option (its usage text, printed for --help or an unknown option). */
    public boolean knowsOption(String option) {
        return usage().contains("--" + option + " ") || usage().contains("--" + option + "\n")
                || usage().contains("--" + option + "=") || usage().contains("--" + option + "\t");
    }

    private String usage() {
        return USAGE.computeIfAbsent(conf, ExternalConf::readUsage);
    }

    private static String readUsage(Path conf) {
        try {
            Path out = Files.createTempFile("kforge-conf-usage", ".txt");
            try {
                Process p = new ProcessBuilder(conf.toString(), "--help").redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                return Files.readString(out, StandardCharsets.ISO_8859_1);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
