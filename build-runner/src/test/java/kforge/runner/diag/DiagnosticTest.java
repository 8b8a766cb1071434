package kforge.runner.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DiagnosticTest {

    @Test
    void locationHasOnlyWhatTheToolGave() {
        assertEquals("a.c:3:9", new Diagnostic("a.c", 3, 9, Severity.WARNING, "m", Tool.GCC).location());
        assertEquals("a.c:3", new Diagnostic("a.c", 3, 0, Severity.ERROR, "m", Tool.LD).location());
        assertEquals("a.o", new Diagnostic("a.o", 0, 0, Severity.ERROR, "m", Tool.LD).location());
        assertEquals("", new Diagnostic(null, 0, 0, Severity.ERROR, "m", Tool.MAKE).location());
    }

    @Test
    void positionsNeedWhatTheyAreIn() {
        assertThrows(IllegalArgumentException.class, () -> new Diagnostic(null, 3, 0, Severity.ERROR, "m", Tool.GCC));
        assertThrows(IllegalArgumentException.class, () -> new Diagnostic("a.c", 0, 9, Severity.ERROR, "m", Tool.GCC));
        assertThrows(IllegalArgumentException.class, () -> new Diagnostic("a.c", -1, 0, Severity.ERROR, "m", Tool.GCC));
        assertThrows(NullPointerException.class, () -> new Diagnostic("a.c", 1, 1, null, "m", Tool.GCC));
    }

    /** Build records store diagnostics as JSON. */
    @Test
    void survivesJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (Diagnostic d : new Diagnostic[] {
                new Diagnostic("a.c", 3, 9, Severity.WARNING, "unused variable 'x' [-Wunused-variable]", Tool.GCC),
                new Diagnostic(null, 0, 0, Severity.ERROR, "No rule to make target 'x'.", Tool.MAKE)}) {
            assertEquals(d, json.readValue(json.writeValueAsString(d), Diagnostic.class));
        }
    }
}
