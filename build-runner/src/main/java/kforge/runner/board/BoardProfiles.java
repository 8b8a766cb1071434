package kforge.runner.board;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import kforge.kconfig.diag.KconfigException;

/**
 * The board profiles kforge knows: the built-in ones, then the user's (*.json in their boards directory),
 * which replace a built-in of the same name.
 */
public final class BoardProfiles {
    private static final String BUILT_IN = "/kforge/runner/boards/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, BoardProfile> byName;

    private BoardProfiles(Map<String, BoardProfile> byName) {
        this.byName = byName;
    }

    /** The built-in profiles only. */
    public static BoardProfiles builtIn() {
        return new BoardProfiles(readBuiltIn());
    }

    /** The built-in profiles, then those in userDirectory (missing is fine) over them. */
    public static BoardProfiles withUserProfiles(Path userDirectory) {
        Map<String, BoardProfile> all = readBuiltIn();
        if (Files.isDirectory(userDirectory)) {
            for (Path file : jsonFiles(userDirectory)) {
                BoardProfile p = read(file.toString(), () -> Files.newInputStream(file));
                all.put(p.name(), p);
            }
        }
        return new BoardProfiles(all);
    }

    /** $XDG_CONFIG_HOME/kforge/boards, else ~/.config/kforge/boards. */
    public static Path userDirectory(Map<String, String> environment) {
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("kforge").resolve("boards");
    }

    public List<BoardProfile> all() {
        return List.copyOf(byName.values());
    }

    public BoardProfile get(String name) {
        BoardProfile p = byName.get(name);
        if (p == null) {
            throw new KconfigException("no board profile named '" + name + "'; known: "
                    + String.join(", ", byName.keySet()));
        }
        return p;
    }

    private static Map<String, BoardProfile> readBuiltIn() {
        Map<String, BoardProfile> all = new LinkedHashMap<>();
        for (String file : builtInNames()) {
            BoardProfile p = read("built-in " + file, () -> resource(file));
            all.put(p.name(), p);
        }
        return all;
    }

    private static List<String> builtInNames() {
        try (InputStream in = resource("index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BoardProfiles.class.getResourceAsStream(BUILT_IN + name);
        if (in == null) {
            throw new IOException("missing resource " + BUILT_IN + name + " (broken build?)");
        }
        return in;
    }

    private interface Source {
        InputStream open() throws IOException;
    }

    /** Reads one profile; a fault names the file, line and column, and what is wrong. */
    private static BoardProfile read(String fileName, Source source) {
        try (InputStream in = source.open()) {
            BoardProfile p = JSON.readValue(in, BoardProfile.class);
            if (p == null) {
                throw new KconfigException(fileName + ": not a valid board profile: it holds no JSON object");
            }
            BoardProfileCheck.check(fileName, p);
            return p;
        } catch (ValueInstantiationException e) {
            // A record's own check (a list holding null): its message is the fault, Jackson's says "problem:".
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getOriginalMessage();
            throw new KconfigException(where(fileName, e) + ": not a valid board profile: " + why);
        } catch (JsonProcessingException e) {
            throw new KconfigException(where(fileName, e) + ": not a valid board profile: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new KconfigException(fileName + ": cannot read: " + e.getMessage());
        }
    }

    private static String where(String fileName, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? fileName : fileName + ":" + at.getLineNr() + ":" + at.getColumnNr();
    }

    private static List<Path> jsonFiles(Path directory) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.json")) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw new KconfigException(directory + ": cannot list board profiles: " + e.getMessage());
        }
        files.sort(null);
        return files;
    }
}
