package kforge.app.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import kforge.app.cli.CliRun;

/**
 * Runs the kernel's conf and kforge's conf-compatible mode on a small tree, each in a working directory
 * of its own under root, with the same small environment.
 */
public final class ToolRuns {
    private static final long TIMEOUT_SECONDS = 120;

    private final Path root;
    private final Path conf;

    public ToolRuns(Path root, Path conf) {
        this.root = root;
        this.conf = conf;
    }

    /** What one process did: exit status, stdout, stderr and every file it left in its working directory. */
    public record Run(int exit, String stdout, String stderr, Map<String, String> files) {
    }

    public Run conf(Path srctree, String workName, String... args) {
        List<String> command = new ArrayList<>(List.of(conf.toString()));
        command.addAll(List.of(args));
        return run(command, srctree, workName);
    }

    /** What the ./kforge launcher execs ("kforge conf ..."), with the classes under test. */
    public Run kforge(Path srctree, String workName, String... args) {
        List<String> command = new ArrayList<>(CliRun.processCommand("conf"));
        command.addAll(List.of(args));
        return run(command, srctree, workName);
    }

    /**
     * Runs in root/workName (created if needed, kept between runs of one test) with the same small
     * environment for both tools: no ARCH, KCONFIG_* or other variable that would change what they do.
     */
    private Run run(List<String> command, Path srctree, String workName) {
        Path cwd = root.resolve(workName);
        Path out = root.resolve(workName + ".stdout");
        Path err = root.resolve(workName + ".stderr");
        try {
            Files.createDirectories(cwd);
            ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            Map<String, String> env = builder.environment();
            env.clear();
            env.putAll(environment(srctree));
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("did not finish: " + command);
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1), filesIn(cwd));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> environment(Path srctree) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LC_ALL", "C");
        env.put("srctree", srctree.toString());
        // Temporary trees would only fill the user's parse cache.
        env.put("KFORGE_PARSE_CACHE", "off");
        String home = System.getenv("HOME");
        if (home != null) {
            env.put("HOME", home);
        }
        return env;
    }

    private static Map<String, String> filesIn(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }
}
