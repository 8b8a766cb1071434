package kforge.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import kforge.app.gui.model.PatchLine.Kind;

/** The diff viewer's line kinds follow the hunks' counts, as patch reads them, not first characters alone. */
class TreePatchesPatchLineTest {
    private static List<Kind> kinds(String text) {
        return PatchLine.classify(text).stream().map(PatchLine::kind).toList();
    }

    @Test
    void aMailsSeparatorAndSignatureAreNotRemovedLines() {
        String mail = "Subject: [PATCH] fix\n\n---\n init/main.c | 2 +-\n\n"
                + "diff --git a/init/main.c b/init/main.c\nindex 1..2 100644\n--- a/init/main.c\n+++ b/init/main.c\n"
                + "@@ -1,2 +1,2 @@\n-old\n+new\n context\n-- \n2.39.2\n";

        assertEquals(List.of(Kind.DESCRIPTION, Kind.DESCRIPTION, Kind.DESCRIPTION, Kind.DESCRIPTION,
                Kind.DESCRIPTION, Kind.FILE, Kind.FILE, Kind.FILE, Kind.FILE, Kind.HUNK, Kind.REMOVED, Kind.ADDED,
                Kind.CONTEXT, Kind.DESCRIPTION, Kind.DESCRIPTION), kinds(mail));
    }

    @Test
    void countsHunksWithoutLengthsAndNoNewlineNotes() {
        String diff = "--- a/x\r\n+++ b/x\r\n@@ -1 +1 @@\r\n-a\r\n\\ No newline at end of file\r\n+b\r\n";

        List<PatchLine> lines = PatchLine.classify(diff);

        assertEquals(List.of(Kind.FILE, Kind.FILE, Kind.HUNK, Kind.REMOVED, Kind.NOTE, Kind.ADDED),
                lines.stream().map(PatchLine::kind).toList());
        assertEquals("-a", lines.get(3).text(), "carriage returns are not shown");
        assertEquals("patch-note", lines.get(4).styleClass());
    }
}
