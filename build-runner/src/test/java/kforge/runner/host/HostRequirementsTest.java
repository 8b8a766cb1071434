package kforge.runner.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import kforge.kconfig.testing.ReferenceTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.diag.KconfigException;

class HostRequirementsTest {

    private static Map<String, HostRequirement> byProgram(List<HostRequirement> rows) {
        return rows.stream().collect(Collectors.toMap(HostRequirement::program, Function.identity()));
    }

    @Test
    void readsTheTableOfTheReferenceTree() {
        List<HostRequirement> rows = HostRequirements.fromTree(ReferenceTree.get());
        assertTrue(rows.size() > 10, "rows: " + rows);
        Map<String, HostRequirement> byProgram = byProgram(rows);

        HostRequirement gcc = byProgram.get("GNU C");
        assertEquals("5.1", gcc.minimumVersion());
        assertEquals(List.of("gcc", "--version"), gcc.command());
        assertFalse(gcc.optional());
        assertEquals("3.82", byProgram.get("GNU make").minimumVersion());
        assertEquals(List.of("make", "--version"), byProgram.get("GNU make").command());
        assertEquals("2.0", byProgram.get("bison").minimumVersion());
        assertEquals("2.5.35", byProgram.get("flex").minimumVersion());
        assertEquals(List.of("ld", "-v"), byProgram.get("binutils").command());

        assertTrue(byProgram.get("Clang/LLVM").optional());
        assertEquals(List.of("clang", "--version"), byProgram.get("Clang/LLVM").command());
        // Footnote marks are dropped; of "a || b" the first command is kept.
        assertTrue(byProgram.containsKey("Sphinx"), "programs: " + byProgram.keySet());
        assertEquals(List.of("grub", "--version"), byProgram.get("grub").command());
        assertEquals(null, byProgram.get("cpio").minimum());
    }

    @Test
    void parsesAMinimalTableAndIgnoresTextAroundIt() {
        String text = """
                Intro mentioning nothing.

                ====================== ===============  ========================
                        Program        Minimal version  Command to check
                ====================== ===============  ========================
                foo                    1.2              foo --version

                Bar (optional)         3                bar  -V
                Baz\\ [#f1]_            any              baz version || baz -v
                ====================== ===============  ========================

                Later text that mentions a Minimal version again.
                """;
        List<HostRequirement> rows = HostRequirements.parse(text, "x.rst");
        assertEquals(List.of(
                new HostRequirement("foo", "1.2", List.of("foo", "--version"), false),
                new HostRequirement("Bar", "3", List.of("bar", "-V"), true),
                new HostRequirement("Baz", "any", List.of("baz", "version"), false)), rows);
    }

    @Test
    void missingFileIsAKconfigExceptionNamingIt(@TempDir Path dir) {
        KconfigException e = assertThrows(KconfigException.class, () -> HostRequirements.fromTree(dir));
        assertTrue(e.getMessage().contains(dir.resolve(HostRequirements.CHANGES_RST).toString()), e.getMessage());
    }

    @Test
    void fileWithoutTableIsAKconfigExceptionNamingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(HostRequirements.CHANGES_RST);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "Minimal requirements to compile the Kernel\n===\n\nNothing here.\n");
        KconfigException e = assertThrows(KconfigException.class, () -> HostRequirements.fromTree(dir));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void tableWithoutClosingBorderIsRejected() {
        String text = """
                ======= ===============  =======
                Program Minimal version  Command
                ======= ===============  =======
                foo     1.2              foo -v
                """;
        assertThrows(KconfigException.class, () -> HostRequirements.parse(text, "x.rst"));
    }
}
