package kforge.kconfig.cache;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import kforge.kconfig.diag.RecordingReporter;
import kforge.kconfig.lex.SourceResolver;
import kforge.kconfig.preprocess.ShellCall;

/**
 * Parsed trees kept on disk between runs. An entry is only used when everything its parse depended on
 * is still the same: the kforge code that made it, each file (resolved the same way, same size, time and
 * inode), each environment variable looked up, and each $(shell,...) result, which is run again every
 * time. Otherwise the tree is parsed again and the entry replaced.
 */
public final class ParseCache {
    private static final int MAGIC = 0x4b46504b; // "KFPK"
    private static final int FORMAT = 2;
    private static final int MAX_ENTRIES = 32;
    private static String engineIdentity;

    private final Path directory;

    public ParseCache(Path directory) {
        this.directory = directory;
    }

    /**
     * The cache under $KFORGE_CACHE (default ~/.cache/kforge)/parse, or null when KFORGE_PARSE_CACHE=off.
     */
    public static ParseCache standard(Map<String, String> environment) {
        if ("off".equals(environment.get("KFORGE_PARSE_CACHE"))) {
            return null;
        }
        return new ParseCache(CacheRoot.of(environment).resolve("parse"));
    }

    /** The entry name for a tree parsed with these settings (the working directory does not count). */
    public String key(Path srctree, String topFile, Map<String, String> environment) {
        StringBuilder sb = new StringBuilder();
        // The working directory is left out: how names resolve from it, and what the shell commands run
        // in it print, are checked on every use, so one entry serves every output directory.
        sb.append(engineIdentity()).append('\n').append(srctree == null ? "" : srctree.toAbsolutePath())
                .append('\n').append(topFile).append('\n');
        for (String name : List.of("ARCH", "SRCARCH", "CROSS_COMPILE", "CC", "LD", "srctree")) {
            sb.append(name).append('=').append(environment.get(name)).append('\n');
        }
        return sha256(sb.toString());
    }

    public CacheEntry read(String key) {
        Path file = directory.resolve(key + ".bin");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            return readEntry(in, directory);
        } catch (IOException | RuntimeException e) {
            // A damaged or foreign file is only a miss.
            return null;
        }
    }

    public void write(String key, CacheEntry entry) {
        try {
            Files.createDirectories(directory);
            // The model goes to a file of its own, named in the entry, so an entry never pairs with
            // another writer's model.
            Path model = Files.createTempFile(directory, key + "-", ".model");
            Files.write(model, entry.model().bytes());
            Path tmp = Files.createTempFile(directory, key, ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp),
                    1 << 16))) {
                writeEntry(out, entry, model.getFileName().toString());
            }
            Files.move(tmp, directory.resolve(key + ".bin"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            prune();
        } catch (IOException e) {
            // The cache only saves time; a read-only or full disk must not fail the configuration.
        }
    }

    private void prune() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> all = files.sorted(Comparator.comparing(ParseCache::modified).reversed()).toList();
            List<Path> entries = all.stream().filter(p -> p.toString().endsWith(".bin")).toList();
            for (Path old : entries.subList(Math.min(MAX_ENTRIES, entries.size()), entries.size())) {
                Files.deleteIfExists(old);
            }
            java.util.Set<String> referenced = new java.util.HashSet<>();
            for (Path entry : entries.subList(0, Math.min(MAX_ENTRIES, entries.size()))) {
                referenced.add(modelNameOf(entry));
            }
            long now = System.currentTimeMillis();
            for (Path p : all) {
                String name = p.getFileName().toString();
                boolean orphan = name.endsWith(".model") && !referenced.contains(name);
                boolean staleTemp = name.endsWith(".tmp");
                // Files younger than a minute may belong to a writer still at work.
                if ((orphan || staleTemp) && now - modified(p) > 60_000) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String modelNameOf(Path entry) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(entry)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                return "";
            }
            return string(in);
        } catch (IOException e) {
            return "";
        }
    }

    private static void writeEntry(DataOutputStream out, CacheEntry e, String modelName) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        string(out, modelName);
        out.writeInt(e.resolutions().size());
        for (SourceResolver.Resolution r : e.resolutions()) {
            string(out, r.name());
            SourceResolver.FileProbe f = r.file();
            out.writeBoolean(f != null);
            if (f != null) {
                string(out, f.path().toString());
                out.writeLong(f.size());
                out.writeLong(f.modifiedNanos());
                string(out, f.fileKey() == null ? null : f.fileKey().toString());
            }
        }
        out.writeInt(e.environmentQueried().size());
        for (Map.Entry<String, String> v : e.environmentQueried().entrySet()) {
            string(out, v.getKey());
            string(out, v.getValue());
        }
        out.writeInt(e.shellCalls().size());
        for (ShellCall c : e.shellCalls()) {
            string(out, c.command());
            string(out, c.result());
        }
        out.writeInt(e.messages().size());
        for (RecordingReporter.Message m : e.messages()) {
            out.writeBoolean(m.stderr());
            string(out, m.text());
        }
    }

    private static CacheEntry readEntry(DataInputStream in, Path directory) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            return null;
        }
        Path modelFile = directory.resolve(string(in));
        if (!Files.isRegularFile(modelFile)) {
            return null;
        }
        int n = in.readInt();
        List<SourceResolver.Resolution> resolutions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = string(in);
            SourceResolver.FileProbe file = null;
            if (in.readBoolean()) {
                file = new SourceResolver.FileProbe(Path.of(string(in)), true, in.readLong(), in.readLong(),
                        string(in));
            }
            resolutions.add(new SourceResolver.Resolution(name, file));
        }
        n = in.readInt();
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            env.put(string(in), string(in));
        }
        n = in.readInt();
        List<ShellCall> calls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            calls.add(new ShellCall(string(in), string(in)));
        }
        n = in.readInt();
        List<RecordingReporter.Message> messages = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            messages.add(new RecordingReporter.Message(in.readBoolean(), string(in)));
        }
        CacheEntry.ModelSource model = () -> {
            try {
                return Files.readAllBytes(modelFile);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        return new CacheEntry(resolutions, env, calls, messages, model);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        return n < 0 ? null : new String(in.readNBytes(n), StandardCharsets.ISO_8859_1);
    }

    /**
     * Identifies the engine's code (its jar, or every class file of a build directory), so an entry written
     * by other code, which may have parsed differently, is never used.
     */
    static synchronized String engineIdentity() {
        if (engineIdentity == null) {
            engineIdentity = computeEngineIdentity();
        }
        return engineIdentity;
    }

    private static String computeEngineIdentity() {
        try {
            Path code = Path.of(ParseCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            StringBuilder sb = new StringBuilder(code.toString()).append('\n');
            try (Stream<Path> files = Files.isDirectory(code) ? Files.walk(code) : Stream.of(code)) {
                files.filter(Files::isRegularFile).sorted().forEach(p -> {
                    try {
                        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                        sb.append(p).append(' ').append(a.size()).append(' ').append(a.lastModifiedTime()).append('\n');
                    } catch (IOException e) {
                        sb.append(p).append(" ?\n");
                    }
                });
            }
            return sha256(sb.toString());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Unknown code: a fresh identity per process, so nothing cached can be trusted.
            return "unknown-" + System.nanoTime();
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
