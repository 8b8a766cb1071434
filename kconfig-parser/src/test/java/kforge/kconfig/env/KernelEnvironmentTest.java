package kforge.kconfig.env;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceKernel;
import kforge.kconfig.testing.ReferenceTree;

class KernelEnvironmentTest {
    private static final String ARM_CROSS = "arm-linux-gnueabi-";

    /** Every variable a Kconfig file, scripts/Kconfig.include or conf reads from the environment in 6.1. */
    private static final List<String> READ_BY_KCONFIG_OR_CONF = List.of("ARCH", "SRCARCH", "SUBARCH", "HEADER_ARCH",
            "CROSS_COMPILE_COMPAT", "CC", "LD", "NM", "AR", "OBJCOPY", "CLANG_FLAGS", "USERCFLAGS", "USERLDFLAGS",
            "srctree", "KERNELVERSION", "CC_VERSION_TEXT", "RUSTC", "BINDGEN", "PAHOLE", "KCONFIG_CONFIG",
            "KCONFIG_DEFCONFIG_LIST", "LC_ALL", "LC_COLLATE", "LC_NUMERIC");

    /** What a shell adds to its own environment before running a program. */
    private static final Set<String> ADDED_BY_SHELL = Set.of("PWD", "OLDPWD", "SHLVL", "_");

    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource({"arm, arm", "arm64, arm64", "i386, x86", "x86_64, x86", "x86, x86", "sparc, sparc",
            "sparc64, sparc", "parisc64, parisc", "sh64, sh", "um, um"})
    void srcArchFollowsTheTopMakefile(String arch, String srcArch) {
        KernelEnvironment env = hostEnvironment(arch);

        assertEquals(srcArch, env.srcArch());
        assertEquals(srcArch, env.variables().get("SRCARCH"));
        assertEquals(arch, env.variables().get("ARCH"));
    }

    @Test
    void anArchWithoutDirectoryIsRefusedAsMakeRefusesIt() {
        // The 6.1 Makefile has no sparc32 alias: make fails looking for arch/sparc32/Makefile.
        KconfigException e = assertThrows(KconfigException.class, () -> hostEnvironment("sparc32"));

        assertTrue(e.getMessage().contains("ARCH=sparc32"), e.getMessage());
    }

    @Test
    void kernelVersionIsWhatMakePrints() throws Exception {
        String printed = run(List.of("make", "-s", "-C", ReferenceTree.get().toString(), "O=" + temp.resolve("out"),
                "kernelversion"), System.getenv()).strip();

        KernelEnvironment env = armEnvironment();

        assertEquals(printed, env.kernelVersion());
        assertEquals(printed, env.variables().get("KERNELVERSION"));
    }

    /** TOP_LEVEL_KCONFIG (2.6.37): 2.6.32's kconfig Makefile hands conf arch/$(SRCARCH)/Kconfig. */
    @Test
    void aTreeBeforeTheTopLevelKconfigStartsAtItsArchKconfig() throws Exception {
        Path tree = ReferenceKernel.FRIENDLYARM_2_6_32.tree();
        // 2.6.32's make refuses an O= directory that does not exist yet.
        Files.createDirectories(temp.resolve("out"));
        String printed = run(List.of("make", "-s", "-C", tree.toString(), "O=" + temp.resolve("out"), "ARCH=arm",
                "kernelversion"), Oracle.makeEnvironment()).strip();

        KernelEnvironment env = KernelEnvironment.builder().tree(tree).arch("arm").crossCompile(ARM_CROSS).build();

        assertEquals("arch/arm/Kconfig", env.kconfigFile());
        assertEquals(printed, env.kernelVersion());
        assertEquals("2.6.32.2", env.variables().get("KERNELVERSION"));
        assertEquals("arm", env.variables().get("ARCH"));
        assertEquals("arm", env.variables().get("SRCARCH"));
        assertEquals("Kconfig", armEnvironment().kconfigFile());
    }

    @Test
    void aTreeWhoseReleaseHasATopLevelKconfigMustHaveOne() throws IOException {
        Path tree = temp.resolve("tree");
        Files.createDirectories(tree.resolve("arch/arm"));
        Files.writeString(tree.resolve("arch/arm/Kconfig"), "config ARM\n\tdef_bool y\n");
        Files.writeString(tree.resolve("Makefile"), "VERSION = 3\nPATCHLEVEL = 4\nSUBLEVEL = 0\n");

        KconfigException e = assertThrows(KconfigException.class,
                () -> KernelEnvironment.builder().tree(tree).arch("arm").crossCompile(ARM_CROSS).build());

        assertEquals(tree + " is not a Linux source tree (no Kconfig at its top, and its Makefile says Linux 3.4.0)",
                e.getMessage());
    }

    @Test
    void ccVersionTextIsTheCompilersFirstVersionLine() throws Exception {
        Map<String, String> cLocale = new HashMap<>(System.getenv());
        cLocale.put("LC_ALL", "C");
        String firstLine = run(List.of(ARM_CROSS + "gcc", "--version"), cLocale).lines().findFirst().orElseThrow();

        assertEquals(firstLine, armEnvironment().variables().get("CC_VERSION_TEXT"));
    }

    @Test
    void crossToolchainAndFixedToolsAreExported() {
        Map<String, String> vars = armEnvironment().variables();

        assertAll(
                () -> assertEquals(ARM_CROSS, vars.get("CROSS_COMPILE")),
                () -> assertEquals(ARM_CROSS + "gcc", vars.get("CC")),
                () -> assertEquals(ARM_CROSS + "ld", vars.get("LD")),
                () -> assertEquals(ARM_CROSS + "nm", vars.get("NM")),
                () -> assertEquals("gcc", vars.get("HOSTCC")),
                () -> assertEquals("g++", vars.get("HOSTCXX")),
                () -> assertEquals("rustc", vars.get("RUSTC")),
                () -> assertEquals("bindgen", vars.get("BINDGEN")),
                () -> assertEquals("pahole", vars.get("PAHOLE")),
                () -> assertEquals(ReferenceTree.get().toRealPath().toString(), vars.get("srctree")));
    }

    @Test
    void makefileAssignmentsBeatTheEnvironmentAndLcAllIsDropped() {
        Map<String, String> base = new HashMap<>(System.getenv());
        base.put("CC", "clang");
        base.put("LC_ALL", "de_DE.UTF-8");

        Map<String, String> vars = KernelEnvironment.builder().tree(ReferenceTree.get()).arch("arm")
                .crossCompile(ARM_CROSS).baseEnvironment(base).build().variables();

        assertEquals(ARM_CROSS + "gcc", vars.get("CC"));
        assertFalse(vars.containsKey("LC_ALL"));
        assertEquals("C", vars.get("LC_COLLATE"));
    }

    @Test
    void umNamesItsHostArchitecture() {
        Map<String, String> vars = KernelEnvironment.builder().tree(ReferenceTree.get()).arch("um").subArch("i386")
                .crossCompile("").build().variables();

        assertEquals("i386", vars.get("SUBARCH"));
        assertEquals("x86", vars.get("HEADER_ARCH"));
    }

    @Test
    void aMissingCompilerIsNamed() {
        KconfigException e = assertThrows(KconfigException.class, () -> KernelEnvironment.builder()
                .tree(ReferenceTree.get()).arch("arm").crossCompile("kforge-no-such-").build());

        assertTrue(e.getMessage().contains("kforge-no-such-gcc"), e.getMessage());
    }

    /**
     * The decisive check: what a compiler wrapper sees when the kernel's conf runs it. powerpc changes NM in
     * its arch Makefile and um its SHELL; all other 6.1 arches were checked the same way once.
     */
    @ParameterizedTest
    @CsvSource({"arm, arm-linux-gnueabi-", "um, ''", "x86_64, ''", "powerpc, ''"})
    void variablesAreWhatMakeExportsToConf(String arch, String cross) throws Exception {
        Path dumps = Files.createDirectories(temp.resolve("dumps"));
        Map<String, String> base = Map.of("HOME", temp.toString(),
                "PATH", wrapCompiler(cross + "gcc", dumps) + ":" + System.getenv("PATH"));
        Path out = temp.resolve("out");
        List<String> make = new ArrayList<>(List.of("make", "-s", "-C", ReferenceTree.get().toString(), "O=" + out,
                "ARCH=" + arch));
        if (!cross.isEmpty()) {
            make.add("CROSS_COMPILE=" + cross);
        }
        make.add("defconfig");
        run(make, base);
        Map<String, String> seenByConf = oneDump(dumps);

        Map<String, String> ours = KernelEnvironment.builder().tree(ReferenceTree.get()).arch(arch)
                .crossCompile(cross.isEmpty() ? null : cross).baseEnvironment(base).objtree(out).build().variables();

        List<Executable> checks = new ArrayList<>();
        ours.forEach((name, value) -> checks.add(() -> assertEquals(seenByConf.get(name), value, name)));
        READ_BY_KCONFIG_OR_CONF.forEach(name -> checks.add(() -> assertEquals(seenByConf.get(name), ours.get(name), name)));
        assertAll(checks);
    }

    @Test
    void confRunWithTheseVariablesWritesWhatMakeWrites() throws Exception {
        Path expected = Oracle.config("arm", ARM_CROSS, "s3c2410_defconfig");
        Path conf = Oracle.confBinary("arm", ARM_CROSS);
        Path objtree = Files.createDirectories(temp.resolve("obj"));
        KernelEnvironment env = KernelEnvironment.builder().tree(ReferenceTree.get()).arch("arm")
                .crossCompile(ARM_CROSS).objtree(objtree).build();

        ProcessBuilder builder = new ProcessBuilder(conf.toString(), "-s",
                "--defconfig=arch/arm/configs/s3c2410_defconfig", env.kconfigFile())
                .directory(objtree.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env.variables());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);

        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(objtree.resolve(".config")));
    }

    private static KernelEnvironment armEnvironment() {
        return KernelEnvironment.builder().tree(ReferenceTree.get()).arch("arm").crossCompile(ARM_CROSS).build();
    }

    private static KernelEnvironment hostEnvironment(String arch) {
        return KernelEnvironment.builder().tree(ReferenceTree.get()).arch(arch).crossCompile("").build();
    }

    /**
     * A same-named script ahead of the real compiler on PATH that records its environment whenever
     * scripts/kconfig's make (the only one exporting KCONFIG_DEFCONFIG_LIST) or conf runs it.
     */
    private Path wrapCompiler(String name, Path dumps) throws IOException {
        Path real = Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable).findFirst().orElseThrow();
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path wrapper = bin.resolve(name);
        Files.writeString(wrapper, "#!/bin/sh\n"
                // Only cc-option's direct calls ("$(CC) -Werror ..."): helper scripts such as
                // cc-version.sh set LC_ALL themselves before running the compiler.
                + "if [ -n \"$KCONFIG_DEFCONFIG_LIST\" ] && [ \"$1\" = -Werror ]; then env > '" + dumps + "'/env.$$; fi\n"
                + "exec '" + real + "' \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private static Map<String, String> oneDump(Path dumps) throws IOException {
        try (Stream<Path> files = Files.list(dumps)) {
            Path dump = files.findFirst().orElseThrow(() -> new AssertionError("the compiler wrapper never ran"));
            return Files.readAllLines(dump).stream()
                    .filter(line -> line.contains("="))
                    .map(line -> line.split("=", 2))
                    .filter(pair -> !ADDED_BY_SHELL.contains(pair[0]))
                    .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (a, b) -> a, HashMap::new));
        }
    }

    private static String run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), command + " timed out");
        assertEquals(0, process.exitValue(), command + " failed");
        return stdout;
    }
}
