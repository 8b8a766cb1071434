package kforge.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.model.Tristate;
import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceTree;

/**
 * DiffConfig against the kernel's own scripts/diffconfig: for the same two files, the rows rendered as
 * diffconfig lines must be exactly what the script prints, in its order (removed, changed, added, each
 * sorted by name).
 */
class DiffConfigTest {
    private static final String ARCH = "arm";
    private static final String CROSS = "arm-linux-gnueabi-";

    @TempDir
    Path dir;

    private Path scratch;

    /** What {@code python3 scripts/diffconfig left right} prints, one entry per line. */
    private List<String> diffconfig(Path left, Path right) {
        Path script = ReferenceTree.get().resolve("scripts/diffconfig");
        try {
            if (scratch == null) {
                scratch = Files.createDirectories(dir.resolve("diffconfig-runs"));
            }
            Path out = Files.createTempFile(scratch, "out", ".txt");
            Path err = Files.createTempFile(scratch, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder("/usr/bin/python3", script.toString(), left.toString(),
                    right.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().remove("KBUILD_OUTPUT");
            builder.environment().put("LC_ALL", "C.UTF-8");
            Process p = builder.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("diffconfig did not finish");
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), stderr);
            assertEquals("", stderr);
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            assertTrue(stdout.isEmpty() || stdout.endsWith("\n"), stdout);
            return stdout.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> kforge(Path left, Path right) throws IOException {
        return lines(DiffConfig.compare(Files.readString(left, StandardCharsets.ISO_8859_1),
                Files.readString(right, StandardCharsets.ISO_8859_1)));
    }

    private static List<String> lines(List<DiffConfig.Row> rows) {
        return rows.stream().map(DiffConfig.Row::diffconfigLine).toList();
    }

    private static void assertSameLines(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "line " + (i + 1));
        }
        assertEquals(expected.size(), actual.size(), "number of lines");
    }

    @Test
    void s3c2410AgainstMini2440IsWhatDiffconfigPrints() throws IOException {
        Path s3c2410 = Oracle.config(ARCH, CROSS, "s3c2410_defconfig");
        Path mini2440 = Oracle.config(ARCH, CROSS, "mini2440_defconfig");
        List<String> expected = diffconfig(s3c2410, mini2440);
        // The pair must exercise every kind of line, or the comparison proves little.
        assertTrue(expected.stream().anyMatch(l -> l.startsWith("-")), "some symbols only in s3c2410");
        assertTrue(expected.stream().anyMatch(l -> l.startsWith("+")), "some symbols only in mini2440");
        assertTrue(expected.stream().anyMatch(l -> l.startsWith(" ") && l.contains(" -> ")), "some changed");
        assertSameLines(expected, kforge(s3c2410, mini2440));
    }

    @Test
    void mini2440AgainstS3c2410IsWhatDiffconfigPrints() throws IOException {
        Path s3c2410 = Oracle.config(ARCH, CROSS, "s3c2410_defconfig");
        Path mini2440 = Oracle.config(ARCH, CROSS, "mini2440_defconfig");
        List<String> expected = diffconfig(mini2440, s3c2410);
        assertFalse(expected.isEmpty());
        assertSameLines(expected, kforge(mini2440, s3c2410));
    }

    @Test
    void rowsCarryTheValuesAndKindOfEachLine() throws IOException {
        Path s3c2410 = Oracle.config(ARCH, CROSS, "s3c2410_defconfig");
        Path mini2440 = Oracle.config(ARCH, CROSS, "mini2440_defconfig");
        List<DiffConfig.Row> rows = DiffConfig.compare(Files.readString(s3c2410, StandardCharsets.ISO_8859_1),
                Files.readString(mini2440, StandardCharsets.ISO_8859_1));
        List<String> expected = diffconfig(s3c2410, mini2440);
        assertEquals(expected.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            DiffConfig.Row row = rows.get(i);
            String line = expected.get(i);
            switch (line.charAt(0)) {
                case '-':
                    assertEquals(DiffConfig.Kind.REMOVED, row.kind(), line);
                    assertNull(row.right(), line);
                    assertEquals(line, "-" + row.name() + " " + row.left());
                    break;
                case '+':
                    assertEquals(DiffConfig.Kind.ADDED, row.kind(), line);
                    assertNull(row.left(), line);
                    assertEquals(line, "+" + row.name() + " " + row.right());
                    break;
                default:
                    assertEquals(DiffConfig.Kind.CHANGED, row.kind(), line);
                    assertEquals(line, " " + row.name() + " " + row.left() + " -> " + row.right());
            }
        }
        // diffconfig groups removed, then changed, then added.
        List<DiffConfig.Kind> kinds = rows.stream().map(DiffConfig.Row::kind).toList();
        assertEquals(kinds.stream().sorted().toList(), kinds);
    }

    @Test
    void aConfigAgainstItselfHasNoDifferences() throws IOException {
        Path s3c2410 = Oracle.config(ARCH, CROSS, "s3c2410_defconfig");
        assertEquals(List.of(), diffconfig(s3c2410, s3c2410));
        assertEquals(List.of(), kforge(s3c2410, s3c2410));
    }

    @Test
    void awkwardButWellFormedFilesReadAsDiffconfigReadsThem() throws IOException {
        // Strings with '=' and spaces, "is not set" against a value, a symbol given twice (the last
        // wins), comments and blank lines: the expected lines still come from diffconfig itself.
        Path left = dir.resolve("left.config");
        Path right = dir.resolve("right.config");
        Files.writeString(left, String.join("\n",
                "#",
                "# Automatically generated file; DO NOT EDIT.",
                "#",
                "CONFIG_CMDLINE=\"console=ttySAC0,115200 root=/dev/nfs\"",
                "# CONFIG_EXPERT is not set",
                "CONFIG_LOG_BUF_SHIFT=14",
                "CONFIG_LOG_BUF_SHIFT=15",
                "CONFIG_ONLY_LEFT=m",
                "# CONFIG_ONLY_LEFT_OFF is not set",
                "CONFIG_SAME=\"a=b\"",
                "",
                "# end of General setup",
                "CONFIG_A=y",
                ""), StandardCharsets.ISO_8859_1);
        Files.writeString(right, String.join("\n",
                "CONFIG_A=y",
                "CONFIG_CMDLINE=\"console=ttySAC0,115200 root=/dev/mtdblock3\"",
                "CONFIG_EXPERT=y",
                "CONFIG_LOG_BUF_SHIFT=16",
                "CONFIG_SAME=\"a=b\"",
                "# CONFIG_ONLY_RIGHT_OFF is not set",
                "CONFIG_ONLY_RIGHT=0x10",
                "CONFIG_AA=\"\"",
                ""), StandardCharsets.ISO_8859_1);
        List<String> expected = diffconfig(left, right);
        assertFalse(expected.isEmpty());
        assertSameLines(expected, kforge(left, right));
        assertSameLines(diffconfig(right, left), kforge(right, left));
    }

    // ---- DiffViewModel on the sample tree ----

    @Test
    void compareWithListsWhatDiffersFromAnotherFile() throws IOException {
        Path config = dir.resolve("sample").resolve(".config");
        Files.createDirectories(config.getParent());
        EditorViewModel editor = new EditorViewModel(EngineThread.direct());
        EditorViewModel.Outcome opened = editor.open(OpenRequest.sample(config)).join();
        assertNull(opened.fault(), opened.fault());
        // The file as loaded, for diffconfig's left side.
        Path now = dir.resolve("now.config");
        assertNull(editor.saveAs(now).join().fault());

        // A second file: the same configuration with IPV6 (m in the sample defconfig) switched off.
        ConfigEntry ipv6 = editor.jumpToSymbol("IPV6").join().revealed();
        assertEquals(Tristate.MOD, ipv6.state().tri());
        assertNull(editor.setValue(ipv6, Tristate.NO).join().fault());
        Path other = dir.resolve("other.config");
        assertNull(editor.saveAs(other).join().fault());
        assertTrue(Files.readString(other, StandardCharsets.ISO_8859_1).contains("\n# CONFIG_IPV6 is not set\n"));
        editor.undo().join();
        assertEquals(Tristate.MOD, ipv6.state().tri());

        DiffViewModel diff = editor.diff();
        List<DiffConfig.Row> found = diff.compareWith(other).join();
        assertEquals(found, List.copyOf(diff.rows()));
        assertEquals("now", diff.leftNameProperty().get());
        assertEquals("other.config", diff.rightNameProperty().get());
        assertTrue(diff.rows().contains(new DiffConfig.Row("IPV6", "m", "n")), lines(diff.rows()).toString());
        assertSameLines(diffconfig(now, other), lines(diff.rows()));

        // Against a copy of what the editor holds now there is nothing to show.
        assertTrue(diff.compareWith(now).join().isEmpty());
        assertTrue(diff.rows().isEmpty());
        assertEquals("now.config", diff.rightNameProperty().get());
    }

    @Test
    void changesSinceLoadFollowEditsAndUndo() throws IOException {
        Path config = dir.resolve("sample2").resolve(".config");
        Files.createDirectories(config.getParent());
        EditorViewModel editor = new EditorViewModel(EngineThread.direct());
        assertNull(editor.open(OpenRequest.sample(config)).join().fault());
        Path loaded = dir.resolve("loaded.config");
        assertNull(editor.saveAs(loaded).join().fault());
        Path loadedCopy = dir.resolve("loaded-copy.config");
        Files.copy(loaded, loadedCopy);

        ConfigEntry ipv6 = editor.jumpToSymbol("IPV6").join().revealed();
        editor.setValue(ipv6, Tristate.YES).join();
        DiffViewModel diff = editor.diff();
        diff.showChangesSinceLoad().join();
        assertEquals("as loaded", diff.leftNameProperty().get());
        assertEquals("now", diff.rightNameProperty().get());
        assertTrue(diff.rows().contains(new DiffConfig.Row("IPV6", "m", "y")), lines(diff.rows()).toString());

        // What was saved differs from the loaded file as diffconfig says; and saving makes it the new baseline.
        Path edited = dir.resolve("edited.config");
        assertNull(editor.saveAs(edited).join().fault());
        assertSameLines(diffconfig(loadedCopy, edited), kforge(loadedCopy, edited));
        diff.showChangesSinceLoad().join();
        assertEquals(List.of(), lines(diff.rows()), "nothing changed since the save");
    }
}
