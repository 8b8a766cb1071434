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

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import kforge.kconfig.testing.ReferenceKernel;

/**
 * Each reference kernel's own Kconfig test suite (scripts/kconfig/tests, pytest: 17 cases in 6.1, 16 in
 * 6.12) run against "kforge conf" in place of that tree's scripts/kconfig/conf, in that tree's dialect.
 */
class KernelKconfigSuiteTest {
    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}: {1} passed")
    @CsvSource({"LINUX_6_1, 17", "LINUX_6_12, 16"})
    void kernelKconfigTestsPassWithKforgeAsConf(ReferenceKernel kernel, int cases) throws Exception {
        Path tests = work.resolve("tests");
        copyTree(kernel.tree().resolve("scripts/kconfig/tests"), tests);
        writeConfWrapper(work.resolve("scripts/kconfig/conf"), kernel.dialect().release().toString());

        Process pytest = new ProcessBuilder(python(), "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(pytest.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(pytest.waitFor(10, TimeUnit.MINUTES), "pytest did not finish");
        assertEquals(0, pytest.exitValue(), output);
        assertTrue(output.contains(cases + " passed"), output);
    }

    /** Debian's python3, which scripts/install-deps gives pytest; another python3 on PATH may lack it. */
    private static String python() {
        Path debian = Path.of("/usr/bin/python3");
        return Files.isExecutable(debian) ? debian.toString() : "python3";
    }

    /**
     * conftest.py runs ./scripts/kconfig/conf from pytest's directory. The wrapper runs kforge with this
     * test's class path in the kernel's dialect (conftest passes no Makefile variables); it does not exec,
     * so the suite's stdin pipe stays open until the wrapper exits.
     */
    private static void writeConfWrapper(Path wrapper, String release) throws IOException {
        Files.createDirectories(wrapper.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        String script = "#!/bin/sh\nKFORGE_KCONFIG_DIALECT=" + release + " '" + java + "' -Xshare:auto -XX:TieredStopAtLevel=1 -cp '" + classpath
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
