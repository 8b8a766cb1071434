package kforge.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import kforge.runner.patch.PatchStatus.State;

/**
 * The panel's patch series on a real git tree: Apply All stopping at a conflict that changed nothing,
 * Unapply, a hand edit turning an applied patch CHANGED, and the diff viewer's text.
 */
class TreePatchesSeriesTest extends TreePatchesTestBase {
    private PatchSeriesViewModel patches() {
        return model.patches();
    }

    /** Adds patch files through the panel, as "Add patch..." does. */
    private void addPatches(String... namesAndTexts) throws IOException {
        Path incoming = Files.createDirectories(dir.resolve("incoming"));
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            Path file = Files.writeString(incoming.resolve(namesAndTexts[i]), namesAndTexts[i + 1]);
            await(() -> patches().add(file));
            assertEquals("", patches().errorProperty().get());
        }
    }

    private List<State> states() {
        return patches().rows().stream().map(PatchRow::state).toList();
    }

    @Test
    void applyAllStopsAtTheConflictWhichChangesNothingAndIsReportedInPlace() throws IOException {
        addPatches("0001-hello.patch", TreePatchesFixture.GOOD_PATCH,
                "0002-conflict.patch", TreePatchesFixture.CONFLICTING_PATCH);
        Map<String, String> before = TreePatchesFixture.files(tree);
        assertEquals(List.of(State.UNAPPLIED, State.UNAPPLIED), states());

        await(() -> patches().applyAll());

        assertEquals(List.of("0001-hello.patch", "0002-conflict.patch"),
                patches().rows().stream().map(PatchRow::name).toList());
        assertEquals(List.of(State.APPLIED, State.UNAPPLIED), states());
        PatchConflict conflict = patches().conflictProperty().get();
        assertNotNull(conflict, patches().errorProperty().get());
        assertEquals("patches/0002-conflict.patch", conflict.patch());
        assertEquals("drivers/a.c", conflict.file());
        assertEquals(2, conflict.hunkNumber());
        assertEquals(TreePatchesFixture.CONFLICTING_HUNK, conflict.hunkHeader());
        assertEquals("hunk #2 (" + TreePatchesFixture.CONFLICTING_HUNK + ")", conflict.hunkText());
        assertTrue(patches().errorProperty().get().contains("does not apply"), patches().errorProperty().get());
        assertEquals("Applied 0001-hello.patch; then stopped.", patches().messageProperty().get());

        Map<String, String> expected = new TreeMap<>(before);
        expected.put("init/main.c", TreePatchesFixture.MAIN_C_PATCHED);
        assertEquals(expected, TreePatchesFixture.files(tree),
                "only the first patch is in; the conflicting one wrote nothing, not even its fitting hunk #1");
        assertEquals("0002-conflict.patch", patches().shownNameProperty().get(), "the failed patch is shown");
        assertEquals(List.of(new ChangedFile("modified", "init/main.c"), new ChangedFile("untracked",
                "patches/0001-hello.patch"), new ChangedFile("untracked", "patches/0002-conflict.patch"),
                new ChangedFile("untracked", "patches/series")), model.branches().changes(),
                "the tree's status follows the patches");
        assertTrue(patches().canApplyProperty().get());
        assertTrue(patches().canUnapplyProperty().get());
    }

    @Test
    void unapplyTakesTheTopPatchBackExactly() throws IOException {
        addPatches("0001-hello.patch", TreePatchesFixture.GOOD_PATCH,
                "0002-conflict.patch", TreePatchesFixture.CONFLICTING_PATCH);
        Map<String, String> before = TreePatchesFixture.files(tree);
        await(() -> patches().applyAll());

        await(() -> patches().unapplyTop());

        assertEquals(List.of(State.UNAPPLIED, State.UNAPPLIED), states());
        assertEquals(before, TreePatchesFixture.files(tree));
        assertEquals("Unapplied 0001-hello.patch.", patches().messageProperty().get());
        assertNull(patches().conflictProperty().get(), "the next command clears the old report");
        assertEquals("", patches().errorProperty().get());
        assertFalse(patches().canUnapplyProperty().get());
    }

    @Test
    void aHandEditMakesAnAppliedPatchChangedAndUnapplyingItIsRefused() throws IOException {
        addPatches("0001-hello.patch", TreePatchesFixture.GOOD_PATCH);
        await(() -> patches().applyNext());
        assertEquals(List.of(State.APPLIED), states());
        assertEquals("work tree", patches().rows().get(0).how());

        TreePatchesFixture.write(tree, "init/main.c", TreePatchesFixture.MAIN_C_PATCHED.replace("hello", "goodbye"));
        await(() -> model.refresh());

        PatchRow row = patches().rows().get(0);
        assertEquals(State.CHANGED, row.state());
        assertEquals("changed since applied", row.stateText());
        assertFalse(row.detail().isEmpty());

        await(() -> patches().unapplyTop());

        PatchConflict conflict = patches().conflictProperty().get();
        assertNotNull(conflict, patches().errorProperty().get());
        assertEquals("init/main.c", conflict.file());
        assertTrue(patches().errorProperty().get().contains("does not reverse-apply"),
                patches().errorProperty().get());
        assertEquals(State.CHANGED, patches().rows().get(0).state());
    }

    @Test
    void theDiffViewerShowsACompressedPatchDecompressedAndClassified() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(TreePatchesFixture.GOOD_PATCH.getBytes(StandardCharsets.UTF_8));
        }
        Path file = Files.write(Files.createDirectories(dir.resolve("incoming")).resolve("0001-hello.patch.gz"),
                gz.toByteArray());
        await(() -> patches().add(file));
        assertEquals(List.of("0001-hello.patch.gz"), patches().rows().stream().map(PatchRow::name).toList());

        await(() -> patches().show(patches().rows().get(0)));

        List<PatchLine> lines = List.copyOf(patches().shownText());
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l.text()).append('\n'));
        assertEquals(TreePatchesFixture.GOOD_PATCH, text.toString());
        assertEquals("0001-hello.patch.gz", patches().shownNameProperty().get());
        assertEquals(List.of(PatchLine.Kind.DESCRIPTION, PatchLine.Kind.DESCRIPTION, PatchLine.Kind.DESCRIPTION,
                PatchLine.Kind.DESCRIPTION, PatchLine.Kind.FILE, PatchLine.Kind.FILE, PatchLine.Kind.FILE,
                PatchLine.Kind.HUNK, PatchLine.Kind.CONTEXT, PatchLine.Kind.CONTEXT, PatchLine.Kind.ADDED,
                PatchLine.Kind.CONTEXT, PatchLine.Kind.CONTEXT), lines.stream().map(PatchLine::kind).toList());
        assertEquals("patch-added", lines.get(10).styleClass());

        await(() -> patches().applyNext());

        assertEquals(TreePatchesFixture.MAIN_C_PATCHED, TreePatchesFixture.read(tree, "init/main.c"),
                "the compressed patch applies too");
    }

    @Test
    void addingTakesTheStripLevelAndRefusesAMalformedPatch() throws IOException {
        Path incoming = Files.createDirectories(dir.resolve("incoming"));
        Path p0 = Files.writeString(incoming.resolve("p0.patch"),
                TreePatchesFixture.GOOD_PATCH.replace("a/init/", "init/").replace("b/init/", "init/"));
        Path broken = Files.writeString(incoming.resolve("broken.patch"), "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-a\n");

        await(() -> {
            patches().stripProperty().set(0);
            return patches().add(p0);
        });
        await(() -> patches().add(broken));

        assertTrue(patches().errorProperty().get().contains("broken.patch"), patches().errorProperty().get());
        assertEquals(List.of("p0.patch"), patches().rows().stream().map(PatchRow::name).toList());
        assertEquals("p0.patch -p0\n", TreePatchesFixture.read(tree, "patches/series"));
        await(() -> patches().applyNext());
        assertEquals(TreePatchesFixture.MAIN_C_PATCHED, TreePatchesFixture.read(tree, "init/main.c"));
    }
}
