package kforge.runner.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** Trees on disk for the patch tests, and the real patch and git programs as oracles when installed. */
public final class PatchFixture {
    static final PersonIdent BASE_AUTHOR =
            new PersonIdent("Base Author", "base@example.org", Instant.parse("2022-12-11T22:15:00Z"), ZoneOffset.UTC);

    private PatchFixture() {
    }

    public static Path write(Path root, String path, String content) {
        return write(root, path, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path root, String path, byte[] content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path root, String path) {
        try {
            return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every file's bytes and every directory ("dir/" keys), outside .git, .kforge and patches/: what a
     * patch may change, to compare byte for byte.
     */
    public static Map<String, String> snapshot(Path tree) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(tree)) {
            walk.filter(p -> !p.equals(tree)).forEach(p -> {
                String rel = tree.relativize(p).toString();
                if (rel.startsWith(".git") || rel.startsWith(".kforge") || rel.startsWith("patches")) {
                    return;
                }
                try {
                    if (Files.isDirectory(p)) {
                        files.put(rel + "/", "");
                    } else {
                        files.put(rel, (Files.isExecutable(p) ? "x:" : "")
                                + new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A git repository of tree's files with one commit, as an imported tarball would be. */
    static Git commitAll(Path tree, String message) {
        try {
            Git git = Files.exists(tree.resolve(".git")) ? Git.open(tree.toFile())
                    : Git.init().setDirectory(tree.toFile()).setInitialBranch("master").call();
            git.add().addFilepattern(".").call();
            git.commit().setMessage(message).setAuthor(BASE_AUTHOR).setCommitter(BASE_AUTHOR).setSign(false).call();
            return git;
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean installed(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    record Result(int exit, String output) {
    }

    /** Runs a program in dir, stdin from a file when given; stdout and stderr together. */
    static Result run(Path dir, Path stdin, String... command) {
        try {
            Path out = Files.createTempFile("kforge-test", ".out");
            ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            pb.redirectInput(stdin != null ? ProcessBuilder.Redirect.from(stdin.toFile())
                    : ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("GIT_COMMITTER_NAME", "Oracle Committer");
            pb.environment().put("GIT_COMMITTER_EMAIL", "oracle@example.org");
            pb.environment().put("LC_ALL", "C");
            int exit = pb.start().waitFor();
            String text = Files.readString(out, StandardCharsets.UTF_8);
            Files.delete(out);
            return new Result(exit, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void runOk(Path dir, Path stdin, String... command) {
        Result r = run(dir, stdin, command);
        assertEquals(0, r.exit(), String.join(" ", command) + ":\n" + r.output());
    }

    static byte[] program(Path dir, byte[] input, String... command) {
        try {
            Path in = Files.createTempFile(dir, "in", "");
            Path out = Files.createTempFile(dir, "out", "");
            Files.write(in, input);
            Process p = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out.toFile()).start();
            assertEquals(0, p.waitFor(), String.join(" ", command));
            byte[] bytes = Files.readAllBytes(out);
            Files.delete(in);
            Files.delete(out);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> lines(String... lines) {
        return new ArrayList<>(List.of(lines));
    }

    /** A text of numbered lines "prefix 1\n" .. "prefix n\n". */
    static String numbered(String prefix, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            text.append(prefix).append(' ').append(i).append('\n');
        }
        return text.toString();
    }
}
