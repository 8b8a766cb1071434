package kforge.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.testing.ReferenceTree;

/**
 * The kernel's own Kconfig test suite (scripts/kconfig/tests, pytest, 17 cases) run against
 * "kforge conf" in place of scripts/kconfig/conf.
 */
class KernelKconfigSuiteTest {
    @TempDir
    Path work;

    @Test
    void kernelKconfigTestsPassWithKforgeAsConf() throws Exception {
        Path tests = work.resolve("tests");
        copyTree(ReferenceTree.get().resolve("scripts/kconfig/tests"), tests);
        writeConfWrapper(work.resolve("scripts/kconfig/conf"));

        Process pytest = new ProcessBuilder(python(), "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(pytest.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(pytest.waitFor(10, TimeUnit.MINUTES), "pytest did not finish");
        assertEquals(0, pytest.exitValue(), output);
        assertTrue(output.contains("17 passed"), output);
    }

    /** Debian's python3, which scripts/install-deps gives pytest; another python3 on PATH may lack it. */
    private static String python() {
        Path debian = Path.of("/usr/bin/python3");
        return Files.isExecutable(debian) ? debian.toString() : "python3";
    }

    /**
     * conftest.py runs ./scripts/kconfig/conf from pytest's directory. The wrapper runs kforge with this
     * test's class path; it does not exec, so the suite's stdin pipe stays open until the wrapper exits.
     */
    private static void writeConfWrapper(Path wrapper) throws IOException {
        Files.createDirectories(wrapper.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        String script = "#!/bin/sh\n'" + java + "' -Xshare:auto -XX:TieredStopAtLevel=1 -cp '" + classpath
                + "' kforge.app.Main conf \"$@\"\n";
        Files.writeString(wrapper, script);
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            List<Path> all = files.toList();
            for (Path p : all) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
