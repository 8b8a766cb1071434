package kforge.runner.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What GNU ld prints when gcc links, for the host and for ARM. */
class LinkerDiagnosticsTest {
    /** ld quotes `like this' in the C locale, older and newer binutils 'like this'. */
    private static final String UNDEFINED = "undefined reference to [`']missing_function'";

    @TempDir
    Path dir;

    @BeforeEach
    void sources() throws IOException {
        Files.writeString(dir.resolve("link.c"), """
                void missing_function(void);
                int main(void)
                {
                    missing_function();
                    return 0;
                }
                """);
        Files.writeString(dir.resolve("start.c"), "int f(void)\n{\n    return 0;\n}\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gcc", "arm-linux-gnueabi-gcc"})
    void undefinedReferenceWithDebugInformationHasALine(String cc) {
        Diagnostics diagnostics = new Diagnostics();
        ToolRun.Output out = ToolRun.feed(diagnostics, dir, cc, "-g", "link.c", "-o", "link");

        assertTrue(out.text().contains(": in function"), out.text());
        List<Diagnostic> unique = diagnostics.unique();
        assertEquals(2, unique.size(), out.text());
        Diagnostic undefined = unique.get(0);
        assertEquals(Tool.LD, undefined.tool());
        assertEquals(Severity.ERROR, undefined.severity());
        assertTrue(undefined.file().endsWith("link.c"), undefined.file());
        assertEquals(4, undefined.line());
        assertEquals(0, undefined.column());
        assertTrue(undefined.message().matches(UNDEFINED), undefined.message());
        assertEquals(new Diagnostic(null, 0, 0, Severity.ERROR, "ld returned 1 exit status", Tool.GCC), unique.get(1));
        assertEquals(2, diagnostics.errors());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gcc", "arm-linux-gnueabi-gcc"})
    void undefinedReferenceWithoutDebugInformationHasOnlyTheFile(String cc) {
        Diagnostics diagnostics = new Diagnostics();
        ToolRun.Output out = ToolRun.feed(diagnostics, dir, cc, "link.c", "-o", "link");

        assertTrue(out.text().contains("link.c:(.text+0x"), out.text());
        Diagnostic undefined = diagnostics.unique().get(0);
        assertEquals("link.c", undefined.location());
        assertEquals(Severity.ERROR, undefined.severity());
        assertEquals(Tool.LD, undefined.tool());
        assertTrue(undefined.message().matches(UNDEFINED), undefined.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gcc", "arm-linux-gnueabi-gcc"})
    void warningNamedByTheLinker(String cc) {
        Diagnostics diagnostics = new Diagnostics();
        ToolRun.Output out = ToolRun.feed(diagnostics, dir, cc, "-nostdlib", "start.c", "-o", "start");

        assertEquals(0, out.exitCode(), out.text());
        assertEquals(1, diagnostics.unique().size(), out.text());
        Diagnostic warning = diagnostics.unique().get(0);
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals(Tool.LD, warning.tool());
        assertNull(warning.file());
        assertTrue(warning.message().startsWith("cannot find entry symbol _start; defaulting to "), warning.message());
        assertEquals(1, diagnostics.warnings());
        assertEquals(0, diagnostics.errors());
    }
}
