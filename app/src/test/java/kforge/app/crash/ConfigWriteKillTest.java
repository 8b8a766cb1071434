package kforge.app.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.app.cli.CliRun;
import kforge.app.gui.model.ConfigSession;
import kforge.app.gui.model.FakeKernelTree;
import kforge.app.gui.model.OpenRequest;

/**
 * kill -9 at random moments while kforge replaces a .config, through "kforge set" and through the editor's
 * save, each in a process of its own ({@link ConfigWriteLoop}) writing generation after generation. After every
 * kill the .config must be one whole generation, byte for byte what kforge writes for it, and .config.old the
 * generation before it or the same one (the instant between keeping the old file and renaming the new one in).
 * A kill that lands inside a write leaves a temporary file behind; the next write removes it.
 *
 * <p>Costs about 70 s: 2 × 100 JVMs started and killed, on two lanes at once.
 */
class ConfigWriteKillTest {
    private static final int KILLS_PER_WAY = 100;
    private static final Pattern GENERATION = Pattern.compile("CONFIG_GENERATION=\"gen-(\\d+)\"");
    private static final long SEED = Long.getLong("kforge.kill.seed", 20261202L);

    @TempDir
    Path dir;

    @Test
    void aKilledWriteLeavesTheOldOrTheNewConfigWholeAndTheOldOneConsistent() throws Exception {
        Path tree = FakeKernelTree.release(dir, "linux", "6", "1", "0", "", "Kconfig", kconfig(),
                "arch/x86/Kconfig", "");
        CompletableFuture<Lane> cli = CompletableFuture.supplyAsync(() -> new Lane("set", tree, 1).run());
        Lane editor = new Lane("save", tree, 2).run();
        int insideWrite = 0;
        for (Lane lane : List.of(cli.get(), editor)) {
            System.out.printf("kill .config %s: %d kills, %d inside a write (a temporary file left), generations"
                    + " %d, 0 torn%n", lane.way, KILLS_PER_WAY, lane.insideWrite, lane.generation);
            insideWrite += lane.insideWrite;
        }
        // "kforge set" spends most of its run parsing, so its kills seldom land in the write itself; the
        // editor's save loop is nearly all writing.
        assertTrue(insideWrite >= KILLS_PER_WAY / 4, "only " + insideWrite + " kills landed inside a write");
    }

    /** One way of writing, in a directory of its own, killed KILLS_PER_WAY times. */
    private final class Lane {
        final String way;
        final Path tree;
        final Path config;
        final Random random;
        final String template;
        long generation;
        int insideWrite;

        Lane(String way, Path tree, int stream) {
            this.way = way;
            this.tree = tree;
            this.config = dir.resolve(way).resolve(".config");
            this.random = new Random(SEED + stream);
            ConfigSession session = ConfigSession.open(new OpenRequest(tree, "x86", "", config));
            session.assign(session.kconfig().symbols().find("GENERATION"), "gen-0");
            session.write(config);
            this.template = read(config);
            assertTrue(template.contains("CONFIG_GENERATION=\"gen-0\"\n"), template);
            session.assign(session.kconfig().symbols().find("GENERATION"), "gen-1");
            session.write(config);
            generation = 1;
        }

        Lane run() {
            try {
                for (int kill = 1; kill <= KILLS_PER_WAY; kill++) {
                    killOneWriter(kill);
                    checkAfterKill(kill);
                }
                ConfigSession session = ConfigSession.open(new OpenRequest(tree, "x86", "", config));
                session.assign(session.kconfig().symbols().find("GENERATION"), "gen-" + (generation + 1));
                session.write(config);
                assertEquals(List.of(), temporaries(), way + ": a write after the kills leaves no temporary file");
                return this;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        private void killOneWriter(int kill) throws IOException, InterruptedException {
            Process writer = new ProcessBuilder(CliRun.javaCommand(ConfigWriteLoop.class, way, tree.toString(),
                    config.toString(), Long.toString(generation + 1)))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(dir.resolve(way + ".stderr").toFile())
                    .start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = out.readLine();
                if (!"writing".equals(line)) {
                    writer.waitFor(10, TimeUnit.SECONDS);
                    fail(way + " kill " + kill + ": the writer did not start: " + line + "\n"
                            + CliRun.tail(Files.readString(dir.resolve(way + ".stderr"))));
                }
                Thread.sleep(random.nextInt(40));
                writer.destroyForcibly();  // SIGKILL
                writer.waitFor();
            }
        }

        private void checkAfterKill(int kill) throws IOException {
            String current = read(config);
            long now = generationOf(current, ".config", kill);
            assertEquals(expected(now), current, way + " kill " + kill + ": .config is torn");
            String old = read(config.resolveSibling(".config.old"));
            long before = generationOf(old, ".config.old", kill);
            assertEquals(expected(before), old, way + " kill " + kill + ": .config.old is torn");
            assertTrue(before == now || before == now - 1, way + " kill " + kill + ": .config is gen-" + now
                    + " but .config.old gen-" + before);
            assertTrue(now >= generation, way + " kill " + kill + ": .config went back from gen-" + generation
                    + " to gen-" + now);
            if (!temporaries().isEmpty()) {
                insideWrite++;
            }
            generation = now;
        }

        private long generationOf(String text, String name, int kill) {
            Matcher m = GENERATION.matcher(text);
            if (!m.find()) {
                fail(way + " kill " + kill + ": " + name + " has no generation: " + CliRun.tail(text));
            }
            return Long.parseLong(m.group(1));
        }

        private String expected(long gen) {
            return template.replace("CONFIG_GENERATION=\"gen-0\"", "CONFIG_GENERATION=\"gen-" + gen + "\"");
        }

        private List<Path> temporaries() throws IOException {
            try (Stream<Path> files = Files.list(config.getParent())) {
                return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
            }
        }
    }

    /** A string to count the generations by, and enough symbols that a write is not over in an instant. */
    private static String kconfig() {
        StringBuilder text = new StringBuilder("mainmenu \"kill test\"\n\nconfig GENERATION\n\tstring \"generation\"\n");
        for (int i = 0; i < 600; i++) {
            text.append("\nconfig OPTION_").append(i).append("\n\tbool \"option ").append(i).append("\"\n\tdefault ")
                    .append(i % 3 == 0 ? "n" : "y").append('\n');
        }
        return text.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(file + " cannot be read after a kill: " + e, e);
        }
    }
}
