package kforge.kconfig.lex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds Kconfig files the way conf's zconf_fopen does: the name as given (relative to the working
 * directory), then under $srctree.
 */
public final class SourceResolver {
    private final Path workingDirectory;
    private final Path srctree;
    private final List<Resolution> resolutions = new ArrayList<>();

    /**
     * @param workingDirectory where relative names are tried first (conf's cwd, the object tree); may be null
     * @param srctree          the kernel source tree; may be null
     */
    public SourceResolver(Path workingDirectory, Path srctree) {
        this.workingDirectory = workingDirectory;
        this.srctree = srctree;
    }

    public Path srctree() {
        return srctree;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    /** The file's path, or null when it exists in neither place. Every answer is remembered. */
    public Path resolve(String name) {
        FileProbe found = find(name);
        resolutions.add(new Resolution(name, found));
        return found == null ? null : found.path();
    }

    private FileProbe find(String name) {
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            return existing(given);
        }
        if (workingDirectory != null) {
            FileProbe p = existing(workingDirectory.resolve(name));
            if (p != null) {
                return p;
            }
        }
        return srctree == null ? null : existing(srctree.resolve(name));
    }

    private static FileProbe existing(Path p) {
        FileProbe probe = FileProbe.of(p);
        return probe.exists() ? probe : null;
    }

    /** Every name resolved so far and the file it resolved to (null when none): what a parse depends on. */
    public List<Resolution> resolutions() {
        return List.copyOf(resolutions);
    }

    /** A file name and the file it resolved to, or null when it did not resolve. */
    public record Resolution(String name, FileProbe file) {
        /** True when the name still resolves, through the given resolver, to the same unchanged file. */
        public boolean unchanged(SourceResolver resolver) {
            FileProbe now = resolver.find(name);
            return java.util.Objects.equals(now, file);
        }
    }

    /** A path and what it held when looked at: a regular file of this size and time, or nothing. */
    public record FileProbe(Path path, boolean exists, long size, long modifiedNanos, Object fileKey) {
        public static FileProbe of(Path p) {
            // Most probes look for files that are not there; checking first avoids building an exception.
            if (!Files.isRegularFile(p)) {
                return new FileProbe(p, false, 0, 0, null);
            }
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (a.isRegularFile()) {
                    long nanos = a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
                    return new FileProbe(p, true, a.size(), nanos, a.fileKey() == null ? null : a.fileKey().toString());
                }
            } catch (IOException e) {
                // absent or unreadable: the same as not there for zconf_fopen
            }
            return new FileProbe(p, false, 0, 0, null);
        }

    }

    /** rsource's name: {@code path} in the directory of the sourcing {@code file} (a name as given to source). */
    public static String relativeTo(String file, String path) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? path : file.substring(0, slash + 1) + path;
    }

    /** Reads a file's bytes one char per byte, so text is written back byte for byte. */
    public static String read(Path path) throws IOException {
        return new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
    }
}
