package kforge.runner.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kforge.kconfig.testing.ReferenceTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.runner.host.HostToolResult.Status;

class HostToolCheckTest {

    private static HostRequirement req(String program, String minimum, String... command) {
        return new HostRequirement(program, minimum, List.of(command), false);
    }

    private static Map<String, String> withPath(String path) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", path);
        return env;
    }

    @Test
    void installedToolsOfTheReferenceTreeAreOk() {
        Map<String, HostRequirement> byExecutable = new HashMap<>();
        for (HostRequirement r : HostRequirements.fromTree(ReferenceTree.get())) {
            byExecutable.putIfAbsent(r.executable(), r);
        }
        for (String tool : List.of("make", "gcc", "flex", "bison", "bc")) {
            HostToolResult result = HostToolCheck.check(byExecutable.get(tool), System.getenv());
            assertEquals(Status.OK, result.status(), result.message());
            assertTrue(result.found() != null && result.message().endsWith(": ok"), result.message());
            assertNull(result.debianPackage());
        }
    }

    @Test
    void messageOfAnOkTool() {
        HostToolResult result = HostToolCheck.check(req("bison", "2.0", "bison", "--version"), System.getenv());
        assertEquals(Status.OK, result.status());
        assertEquals("bison " + result.found() + " (needs 2.0): ok", result.message());
    }

    @Test
    void toolNotOnThePathIsMissingWithAPackageSuggestion(@TempDir Path emptyDir) {
        HostToolResult result = HostToolCheck.check(req("bc", "1.06.95", "bc", "--version"), withPath(emptyDir.toString()));
        assertEquals(Status.MISSING, result.status());
        assertNull(result.found());
        assertEquals("bc: not found on PATH (needs 1.06.95)", result.message());
        assertEquals("bc", result.debianPackage());

        HostToolResult ld = HostToolCheck.check(req("binutils", "2.23", "ld", "-v"), withPath(emptyDir.toString()));
        assertEquals(Status.MISSING, ld.status());
        assertEquals("binutils", ld.debianPackage());

        HostToolResult unknown = HostToolCheck.check(req("frobnicator", "1", "frobnicate", "-V"), withPath(emptyDir.toString()));
        assertEquals(Status.MISSING, unknown.status());
        assertNull(unknown.debianPackage());
    }

    @Test
    void oldFakeToolIsTooOld(@TempDir Path dir) throws Exception {
        script(dir, "flex", "#!/bin/sh\necho \"flex 2.5.4\" >&2\n");
        HostToolResult result = HostToolCheck.check(req("flex", "2.5.35", "flex", "--version"), withPath(dir + ":/usr/bin:/bin"));
        assertEquals(Status.TOO_OLD, result.status(), result.message());
        assertEquals(VersionNumber.parse("2.5.4"), result.found());
        assertEquals("flex 2.5.4 (needs 2.5.35): too old", result.message());
        assertNull(result.debianPackage());
    }

    @Test
    void toolPrintingNoVersionIsUnknown(@TempDir Path dir) throws Exception {
        script(dir, "mystery", "#!/bin/sh\necho 'usage: mystery [options]'\nexit 1\n");
        HostToolResult result = HostToolCheck.check(req("mystery", "1.0", "mystery", "--version"), withPath(dir + ":/usr/bin:/bin"));
        assertEquals(Status.UNKNOWN_VERSION, result.status(), result.message());

        HostToolResult any = HostToolCheck.check(req("mystery", "any", "mystery", "--version"), withPath(dir + ":/usr/bin:/bin"));
        assertEquals(Status.OK, any.status(), any.message());
    }

    @Test
    void runsWithStdinFromDevNull(@TempDir Path dir) throws Exception {
        // A tool that reads stdin would hang on an inherited terminal or pipe; with /dev/null it sees EOF.
        script(dir, "reader", "#!/bin/sh\ncat\necho reader 1.2.3\n");
        HostToolResult result = HostToolCheck.check(req("reader", "1.0", "reader"), withPath(dir + ":/usr/bin:/bin"));
        assertEquals(Status.OK, result.status(), result.message());
    }

    private static void script(Path dir, String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
