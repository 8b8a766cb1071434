package kforge.runner.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the host's gcc and the ARM cross gcc print, as the kernel build would see it. */
class CompilerDiagnosticsTest {
    private static final String PROBLEMS = """
            __attribute__((deprecated)) int old_api(void);

            int answer(void)
            {
                int unused;
                return 42;
            }

            #error stop here

            int use(void)
            {
                return old_api();
            }
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"gcc", "arm-linux-gnueabi-gcc"})
    void warningWithColumnErrorAndNote(String cc) throws IOException {
        write("problems.c", PROBLEMS);
        Diagnostics diagnostics = new Diagnostics();
        ToolRun.Output out = ToolRun.feed(diagnostics, dir, cc, "-Wall", "-c", "problems.c", "-o", "problems.o");

        assertNotEquals(0, out.exitCode(), out.text());
        assertEquals(List.of(
                gcc("problems.c", 5, 9, Severity.WARNING, "unused variable 'unused' [-Wunused-variable]"),
                gcc("problems.c", 9, 2, Severity.ERROR, "#error stop here"),
                gcc("problems.c", 13, 5, Severity.WARNING, "'old_api' is deprecated [-Wdeprecated-declarations]"),
                gcc("problems.c", 1, 33, Severity.NOTE, "declared here")), diagnostics.unique(), out.text());
        assertEquals(1, diagnostics.errors());
        assertEquals(2, diagnostics.warnings());
        assertEquals("problems.c:5:9", diagnostics.unique().get(0).location());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gcc", "arm-linux-gnueabi-gcc"})
    void coloursForcedIntoTheBuildChangeNothing(String cc) throws IOException {
        write("problems.c", PROBLEMS);
        Diagnostics plain = new Diagnostics();
        ToolRun.feed(plain, dir, cc, "-Wall", "-c", "problems.c", "-o", "problems.o");
        Diagnostics coloured = new Diagnostics();
        ToolRun.Output out = ToolRun.feed(coloured, dir, cc, "-fdiagnostics-color=always", "-fdiagnostics-urls=always",
                "-Wall", "-c", "problems.c", "-o", "problems.o");

        assertTrue(out.text().contains("\u001B["), out.text());
        assertEquals(plain.unique(), coloured.unique(), out.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gcc", "arm-linux-gnueabi-gcc"})
    void missingIncludeIsAFatalError(String cc) throws IOException {
        write("fatal.c", "#include \"missing.h\"\nint x;\n");
        Diagnostics diagnostics = new Diagnostics();
        ToolRun.Output out = ToolRun.feed(diagnostics, dir, cc, "-c", "fatal.c", "-o", "fatal.o");

        assertTrue(out.lines().contains("compilation terminated."), out.text());
        assertEquals(List.of(gcc("fatal.c", 1, 10, Severity.ERROR, "missing.h: No such file or directory")),
                diagnostics.unique(), out.text());
    }

    /**
     * x86 as understands the line markers gcc puts around inline assembly and names the C file; ARM's
     * does not ('#' does not start a comment there) and names its input, here "{standard input}".
     */
    @ParameterizedTest
    @ValueSource(strings = {"gcc", "arm-linux-gnueabi-gcc"})
    void assemblerErrorHasALineButNoColumn(String cc) throws IOException {
        write("asm.c", "int main(void)\n{\n    __asm__(\"bogus_insn r1\");\n    return 0;\n}\n");
        Diagnostics diagnostics = new Diagnostics();
        ToolRun.Output out = ToolRun.feed(diagnostics, dir, cc, "-pipe", "-c", "asm.c", "-o", "asm.o");

        assertEquals(1, diagnostics.unique().size(), out.text());
        Diagnostic d = diagnostics.unique().get(0);
        assertEquals(Severity.ERROR, d.severity());
        assertEquals(Tool.GCC, d.tool());
        assertEquals(0, d.column());
        assertTrue(d.message().matches(".*instruction:? `bogus_insn r1'"), d.message());
        if (cc.equals("gcc")) {
            assertEquals("asm.c:3", d.location());
        } else {
            assertEquals("{standard input}", d.file());
            assertTrue(d.line() > 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gcc", "arm-linux-gnueabi-gcc"})
    void driverErrorNamesNoFile(String cc) throws IOException {
        write("empty.c", "int x;\n");
        Diagnostics diagnostics = new Diagnostics();
        ToolRun.Output out = ToolRun.feed(diagnostics, dir, cc, "-bogus-option", "-c", "empty.c", "-o", "empty.o");

        assertEquals(List.of(new Diagnostic(null, 0, 0, Severity.ERROR,
                "unrecognized command-line option '-bogus-option'", Tool.GCC)), diagnostics.unique(), out.text());
        assertEquals("", diagnostics.unique().get(0).location());
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private static Diagnostic gcc(String file, int line, int column, Severity severity, String message) {
        return new Diagnostic(file, line, column, severity, message, Tool.GCC);
    }
}
