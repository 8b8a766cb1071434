package kforge.runner.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One file a build produced, as the build report lists it: what it is, whether it checked out and its SHA-256,
 * so the user can tell the image they flash is the one this build made.
 *
 * @param path     relative to the build's out dir, with '/' separators, e.g. "arch/arm/boot/zImage"
 * @param kind     what the name says it is
 * @param size     in bytes; 0 when the file is missing
 * @param sha256   lowercase hex, as sha256sum prints it; "" when the file is missing or not a regular file
 * @param verified whether {@link ArtifactCheck#verify} passed
 * @param detail   what the check found or what is wrong
 */
public record Artifact(String path, ArtifactKind kind, long size, String sha256, boolean verified, String detail) {
    private static final int BUFFER_SIZE = 256 * 1024;

    public Artifact {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * Looks at outDir/relativePath: its kind by name, then its format and hash. A missing file gives an
     * unverified artifact rather than an exception, so a report can list what a build failed to produce.
     *
     * @param arch the kernel's ARCH= value the build used, for the machine check of ELF files
     * @throws IllegalArgumentException when relativePath is absolute or leads out of outDir
     * @throws UncheckedIOException when an existing file cannot be read for hashing
     */
    public static Artifact inspect(Path outDir, String relativePath, String arch) {
        Path relative = Path.of(relativePath).normalize();
        if (relative.isAbsolute() || relative.startsWith("..") || relative.toString().isEmpty()) {
            throw new IllegalArgumentException("not a path inside the out dir: " + relativePath);
        }
        String name = relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
        Path file = outDir.resolve(relative);
        ArtifactKind kind = ArtifactKind.forPath(name);
        Verification verification = ArtifactCheck.verify(file, kind, arch);
        if (!Files.isRegularFile(file)) {
            return new Artifact(name, kind, 0, "", false, verification.detail());
        }
        try {
            return new Artifact(name, kind, Files.size(file), sha256(file), verification.ok(), verification.detail());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The out-dir path a profile's artifact pattern names: the pattern itself, or for a glob (a profile
     * writes arch/arm/boot/dts/**versatile-pb.dtb because 6.5 moved ARM's device trees into vendor
     * folders) the first file that matches, else the pattern as it is, which then shows as missing.
     */
    public static String resolve(Path outDir, String pattern) {
        if (!pattern.contains("*")) {
            return pattern;
        }
        int firstGlob = pattern.indexOf('*');
        int lastSlash = pattern.lastIndexOf('/', firstGlob);
        Path base = lastSlash < 0 ? outDir : outDir.resolve(pattern.substring(0, lastSlash));
        PathMatcher matcher = outDir.getFileSystem().getPathMatcher("glob:" + pattern);
        if (!Files.isDirectory(base)) {
            return pattern;
        }
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(Files::isRegularFile).map(f -> outDir.relativize(f).toString().replace('\\', '/'))
                    .filter(name -> matcher.matches(Path.of(name))).sorted().findFirst().orElse(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + base + ": " + e.getMessage(), e);
        }
    }

    /** Streamed, since a vmlinux with debug info runs to hundreds of megabytes. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[BUFFER_SIZE];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
