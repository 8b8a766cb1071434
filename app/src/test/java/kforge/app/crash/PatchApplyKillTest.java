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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.app.cli.CliRun;
import kforge.runner.patch.AppliedPatch;
import kforge.runner.patch.PatchFixture;
import kforge.runner.patch.PatchSeries;

/**
 * kill -9 at random moments while kforge applies and unapplies a series of three patches ({@link PatchSeriesLoop}),
 * each touching a few hundred files, creating a directory and deleting files. After every kill kforge is run
 * again with "patch apply --abort" or "--continue" (chosen at random): the tree must then be exactly one of
 * the four states the series defines (no patch, the first, the first two, all three; every file and directory
 * compared by PatchFixture.snapshot, hidden ones too, so a left temporary file fails it), and the applied list must name that many.
 * The patches are made by diff -Naur from those states, so the expected trees are not kforge's own output.
 *
 * <p>Costs about 90 s: 60 JVMs started and killed.
 */
class PatchApplyKillTest {
    private static final int KILLS = 60;
    private static final int PATCHES = 3;
    private static final long SEED = Long.getLong("kforge.kill.seed", 20261203L);

    @TempDir
    Path dir;

    @Test
    void aKilledSeriesApplyRecoversToTheStateBeforeOrAfterThePatch() throws Exception {
        Random random = new Random(SEED);
        List<Map<String, String>> states = states(random);
        Path tree = dir.resolve("tree");
        materialise(states.get(0), tree);
        Files.createDirectories(tree.resolve("patches"));
        StringBuilder series = new StringBuilder();
        for (int k = 1; k <= PATCHES; k++) {
            String name = "000" + k + "-change.patch";
            Files.writeString(tree.resolve("patches").resolve(name), diff(states.get(k - 1), states.get(k), k));
            series.append(name).append('\n');
        }
        Files.writeString(tree.resolve("patches/series"), series.toString());
        int interrupted = 0;
        int[] reached = new int[PATCHES + 1];
        for (int kill = 1; kill <= KILLS; kill++) {
            killOneLoop(tree, random, kill);
            boolean abort = random.nextBoolean();
            CliRun again = CliRun.kforge("patch", "apply", abort ? "--abort" : "--continue", "--tree", tree.toString());
            assertEquals(0, again.exit(), "kill " + kill + ": " + again.err());
            if (!again.out().startsWith("Nothing to")) {
                interrupted++;
            }
            int k = stateOf(PatchFixture.snapshot(tree), states);
            if (k < 0) {
                fail("kill " + kill + " (" + (abort ? "--abort" : "--continue") + ", " + again.out().strip()
                        + "): the tree is none of the series' states");
            }
            List<AppliedPatch> applied = PatchSeries.open(tree).applied();
            assertEquals(k, applied.size(), "kill " + kill + ": the tree has " + k + " patches on, the list "
                    + applied);
            reached[k]++;
        }
        System.out.printf("kill patch series: %d kills, %d inside an operation (recovered from its journal),"
                + " states reached %s, 0 half-patched%n", KILLS, interrupted, Arrays.toString(reached));
        assertTrue(interrupted >= KILLS / 4, "only " + interrupted + " kills landed inside an operation");
    }

    private void killOneLoop(Path tree, Random random, int kill) throws IOException, InterruptedException {
        Path stderr = dir.resolve("loop.stderr");
        Process loop = new ProcessBuilder(CliRun.javaCommand(PatchSeriesLoop.class, tree.toString(),
                Integer.toString(PATCHES)))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(stderr.toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(loop.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            if (!"patching".equals(line)) {
                loop.waitFor(10, TimeUnit.SECONDS);
                fail("kill " + kill + ": the loop did not start: " + line + "\n" + CliRun.tail(Files.readString(stderr)));
            }
            Thread.sleep(random.nextInt(300));
            loop.destroyForcibly();  // SIGKILL
            if (loop.waitFor() != 137) {
                fail("kill " + kill + ": the loop ended by itself (" + loop.exitValue() + ")\n"
                        + CliRun.tail(Files.readString(stderr)));
            }
        }
    }

    /** Four trees: a base of 240 files, then each patch's edits, a new directory and deleted files. */
    private static List<Map<String, String>> states(Random random) {
        Map<String, String> base = new TreeMap<>();
        for (String area : List.of("drivers", "fs", "net")) {
            for (int f = 0; f < 80; f++) {
                StringBuilder text = new StringBuilder();
                for (int line = 0; line < 30; line++) {
                    text.append(area).append(' ').append(f).append(" line ").append(line).append('\n');
                }
                base.put(area + "/file" + f + ".c", text.toString());
            }
        }
        List<Map<String, String>> states = new ArrayList<>(List.of(base));
        for (int k = 1; k <= PATCHES; k++) {
            Map<String, String> next = new TreeMap<>(states.get(k - 1));
            List<String> paths = new ArrayList<>(next.keySet());
            for (int edit = 0; edit < 120; edit++) {
                String path = paths.get(random.nextInt(paths.size()));
                List<String> lines = new ArrayList<>(next.get(path).lines().toList());
                lines.set(random.nextInt(lines.size()), "patch " + k + " was here " + random.nextInt(1000));
                next.put(path, String.join("\n", lines) + "\n");
            }
            for (int gone = 0; gone < 10; gone++) {
                next.remove(paths.get(random.nextInt(paths.size())));
            }
            for (int added = 0; added < 20; added++) {
                next.put("added" + k + "/sub/new" + added + ".c", "new in patch " + k + ", file " + added + "\n");
            }
            states.add(next);
        }
        return states;
    }

    /** The patch from one state to the next, as diff -Naur writes it. */
    private String diff(Map<String, String> before, Map<String, String> after, int k)
            throws IOException, InterruptedException {
        Path a = dir.resolve("a" + k);
        Path b = dir.resolve("b" + k);
        materialise(before, a);
        materialise(after, b);
        Process diff = new ProcessBuilder("diff", "-Naur", a.getFileName().toString(), b.getFileName().toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String text = new String(diff.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, diff.waitFor(), text);
        return text;
    }

    private static void materialise(Map<String, String> files, Path root) {
        files.forEach((path, text) -> PatchFixture.write(root, path, text));
    }

    private static int stateOf(Map<String, String> snapshot, List<Map<String, String>> states) {
        for (int k = 0; k < states.size(); k++) {
            Map<String, String> expected = new TreeMap<>(states.get(k));
            for (String path : states.get(k).keySet()) {
                for (Path parent = Path.of(path).getParent(); parent != null; parent = parent.getParent()) {
                    expected.put(parent + "/", "");
                }
            }
            if (expected.equals(snapshot)) {
                return k;
            }
        }
        return -1;
    }
}
