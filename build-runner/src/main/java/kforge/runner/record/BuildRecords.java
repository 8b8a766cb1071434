package kforge.runner.record;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import kforge.kconfig.diag.KconfigException;

/**
 * Build records on disk: the latest as &lt;out&gt;/kforge-build.json, where scripts look for it, and every
 * one also under &lt;out&gt;/.kforge/builds/ so the history survives the next build.
 */
public final class BuildRecords {
    public static final String LATEST = "kforge-build.json";
    public static final String HISTORY = ".kforge/builds";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private BuildRecords() {
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** Writes the record as the latest and into the history; each file is replaced atomically. */
    public static Path write(Path outDir, BuildRecord record) {
        String name = record.started().replace(":", "").replace("-", "") + ".json";
        writeJson(outDir.resolve(HISTORY).resolve(name), record);
        return writeJson(outDir.resolve(LATEST), record);
    }

    /** Writes any value as indented JSON, atomically. */
    public static Path writeJson(Path file, Object value) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".kforge", ".json");
            try {
                Files.writeString(temp, JSON.writeValueAsString(value) + "\n");
                move(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
            return file;
        } catch (IOException e) {
            throw new KconfigException(file + ": cannot write: " + e.getMessage());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The latest record in an out dir, if a build has run there. */
    public static Optional<BuildRecord> latest(Path outDir) {
        Path file = outDir.resolve(LATEST);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    public static BuildRecord read(Path file) {
        try {
            return JSON.readValue(file.toFile(), BuildRecord.class);
        } catch (JsonProcessingException e) {
            throw new KconfigException(file + ":" + e.getLocation().getLineNr() + ": not a kforge build record: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new KconfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Every record kept in the out dir, oldest first; unreadable ones are left out. */
    public static List<BuildRecord> history(Path outDir) {
        Path dir = outDir.resolve(HISTORY);
        List<BuildRecord> records = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return records;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                try {
                    records.add(read(file));
                } catch (KconfigException e) {
                    // A record from an interrupted or older kforge: the others still make a history.
                }
            }
        } catch (IOException e) {
            throw new KconfigException(dir + ": cannot list the build history: " + e.getMessage());
        }
        return records;
    }
}
