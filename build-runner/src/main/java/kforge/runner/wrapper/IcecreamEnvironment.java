package kforge.runner.wrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import kforge.kconfig.cache.CacheRoot;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.env.ExecutableSearch;
import kforge.runner.files.FileTrees;
import kforge.runner.process.HelperCommand;

/**
 * ICECC_VERSION for a cross compiler: icecream sends other nodes the compiler itself, packed by
 * icecc-create-env. Made once per compiler binary and kept under kforge's cache
 * ($KFORGE_CACHE/icecc/KEY/), so only the first build pays for it (about 5 s and 16 MB for gcc-arm).
 */
public final class IcecreamEnvironment {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private IcecreamEnvironment() {
    }

    /** The tarball for this compiler (e.g. arm-linux-gnueabi-gcc), made now if it is not in the cache. */
    public static Path forCompiler(String compiler, Map<String, String> environment) throws InterruptedException {
        Path gcc = ExecutableSearch.find(compiler, environment)
                .orElseThrow(() -> new KconfigException(compiler + ": not found on PATH"));
        try {
            Path real = gcc.toRealPath();
            Path dir = CacheRoot.of(environment).resolve("icecc").resolve(key(real));
            Optional<Path> cached = tarball(dir);
            if (cached.isPresent()) {
                return cached.get();
            }
            Files.createDirectories(dir.getParent());
            Path scratch = Files.createTempDirectory(dir.getParent(), "creating-");
            try {
                create(real, scratch, environment);
                return tarball(moveIntoPlace(scratch, dir)).orElseThrow();
            } finally {
                FileTrees.delete(scratch);
            }
        } catch (IOException e) {
            throw new KconfigException("cannot make the icecream environment (ICECC_VERSION) for " + gcc + ": "
                    + e.getMessage());
        }
    }

    /**
     * icecc-create-env wants a g++ beside the gcc; the kernel compiles only C, so gcc stands in for it
     * (cross toolchains often come without g++).
     */
    private static void create(Path gcc, Path scratch, Map<String, String> environment)
            throws IOException, InterruptedException {
        String createEnv = ExecutableSearch.find("icecc-create-env", environment).map(Path::toString)
                .orElseThrow(() -> new KconfigException("icecc-create-env: not found on PATH; install the Debian"
                        + " package icecc (apt-get install icecc)"));
        HelperCommand.Result result = HelperCommand.run(List.of(createEnv, "--gcc", gcc.toString(), gcc.toString()),
                scratch, environment, TIMEOUT);
        if (!result.succeeded() || tarball(scratch).isEmpty()) {
            throw new KconfigException("icecc-create-env --gcc " + gcc + " failed"
                    + (result.timedOut() ? " (timed out)" : " with status " + result.exitCode()) + ":\n"
                    + result.quotedOutput());
        }
    }

    /** Another build may have made it meanwhile: then theirs is kept. */
    private static Path moveIntoPlace(Path scratch, Path dir) throws IOException {
        try {
            Files.move(scratch, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (tarball(dir).isEmpty()) {
                throw e;
            }
        }
        return dir;
    }

    private static Optional<Path> tarball(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tar.gz")).findFirst();
        }
    }

    /** The compiler's path, size and modification time: a new package version gives a new environment. */
    private static String key(Path gcc) throws IOException {
        String identity = gcc + "\n" + Files.size(gcc) + "\n" + Files.getLastModifiedTime(gcc).toMillis();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
