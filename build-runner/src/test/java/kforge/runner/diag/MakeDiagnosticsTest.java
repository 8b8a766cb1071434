package kforge.runner.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What GNU make prints about failed recipes and broken Makefiles. */
class MakeDiagnosticsTest {
    @TempDir
    Path dir;

    @Test
    void failedRecipeIsAnErrorAtTheRecipeLine() throws IOException {
        makefile("""
                all: out.o

                out.o:
                \techo partial > $@; false

                .DELETE_ON_ERROR:
                """);
        Diagnostics diagnostics = new Diagnostics();
        ToolRun.Output out = ToolRun.feed(diagnostics, dir, "make");

        assertTrue(out.text().contains("*** Deleting file 'out.o'"), out.text());
        assertEquals(List.of(make("Makefile", 4, Severity.ERROR, "out.o: Error 1")), diagnostics.unique(), out.text());
        assertEquals("Makefile:4", diagnostics.unique().get(0).location());
    }

    @Test
    void missingRuleNamesNoFile() throws IOException {
        makefile("all:\n\ttrue\n");
        Diagnostics diagnostics = new Diagnostics();
        ToolRun.Output out = ToolRun.feed(diagnostics, dir, "make", "nothere");

        assertNotEquals(0, out.exitCode());
        assertEquals(List.of(make(null, 0, Severity.ERROR, "No rule to make target 'nothere'.")),
                diagnostics.unique(), out.text());
    }

    @Test
    void missingSeparatorPointsIntoTheMakefile() throws IOException {
        makefile("all:\n    echo indented with spaces\n");
        Diagnostics diagnostics = new Diagnostics();
        ToolRun.Output out = ToolRun.feed(diagnostics, dir, "make");

        assertEquals(List.of(make("Makefile", 2, Severity.ERROR, "missing separator.")), diagnostics.unique(), out.text());
    }

    @Test
    void subMakeFailureWhileOtherJobsRun() throws IOException {
        makefile("""
                all: sub slow

                sub:
                \t$(MAKE) -f Sub.mk

                slow:
                \tsleep 1
                """);
        Files.writeString(dir.resolve("Sub.mk"), "all:\n\tfalse\n");
        Diagnostics diagnostics = new Diagnostics();
        ToolRun.Output out = ToolRun.feed(diagnostics, dir, "make", "-j2");

        assertTrue(out.lines().contains("make: *** Waiting for unfinished jobs...."), out.text());
        assertEquals(List.of(
                make("Sub.mk", 2, Severity.ERROR, "all: Error 1"),
                make("Makefile", 4, Severity.ERROR, "sub: Error 2")), diagnostics.unique(), out.text());
    }

    @Test
    void overriddenRecipeAndWarningFunctionAreWarnings() throws IOException {
        makefile("""
                x:
                \t@echo first
                x:
                \t@echo second
                $(warning look here)
                """);
        Diagnostics diagnostics = new Diagnostics();
        ToolRun.Output out = ToolRun.feed(diagnostics, dir, "make", "x");

        assertEquals(0, out.exitCode(), out.text());
        assertEquals(List.of(
                make("Makefile", 4, Severity.WARNING, "overriding recipe for target 'x'"),
                make("Makefile", 2, Severity.WARNING, "ignoring old recipe for target 'x'"),
                make("Makefile", 5, Severity.WARNING, "look here")), diagnostics.unique(), out.text());
        assertEquals(3, diagnostics.warnings());
    }

    private void makefile(String text) throws IOException {
        Files.writeString(dir.resolve("Makefile"), text);
    }

    private static Diagnostic make(String file, int line, Severity severity, String message) {
        return new Diagnostic(file, line, 0, severity, message, Tool.MAKE);
    }
}
