package kforge.kconfig.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import kforge.kconfig.ConfigEngine;
import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceKernel;

/**
 * The correctness bar: for each reference kernel (Debian's linux-source-6.1 and 6.12), kforge's .config is
 * byte-identical to the one that tree's own make/conf writes, for the configurations the project
 * promises. One parsed tree per kernel and architecture serves all its targets, as kforge's batch mode does.
 */
class OracleComparisonTest {
    private static final String ARM_CROSS = "arm-linux-gnueabi-";
    private static final Map<String, ConfigEngine> ENGINES = new ConcurrentHashMap<>();

    @TempDir
    Path work;

    static Stream<Arguments> targets() {
        ReferenceKernel v61 = ReferenceKernel.LINUX_6_1;
        ReferenceKernel v612 = ReferenceKernel.LINUX_6_12;
        ReferenceKernel v2632 = ReferenceKernel.FRIENDLYARM_2_6_32;
        return onlyKernelsAsked(Stream.of(
                Arguments.of(v61, "arm", ARM_CROSS, "s3c2410_defconfig"),
                Arguments.of(v61, "arm", ARM_CROSS, "mini2440_defconfig"),
                Arguments.of(v61, "arm", ARM_CROSS, "versatile_defconfig"),
                Arguments.of(v61, "arm", ARM_CROSS, "multi_v5_defconfig"),
                Arguments.of(v61, "arm", ARM_CROSS, "allnoconfig"),
                Arguments.of(v61, "arm", ARM_CROSS, "allyesconfig"),
                Arguments.of(v61, "arm", ARM_CROSS, "allmodconfig"),
                Arguments.of(v61, "x86_64", null, "defconfig"),
                Arguments.of(v61, "x86_64", null, "allnoconfig"),
                Arguments.of(v61, "x86_64", null, "allyesconfig"),
                Arguments.of(v61, "x86_64", null, "allmodconfig"),
                Arguments.of(v61, "um", null, "defconfig"),
                Arguments.of(v612, "arm", ARM_CROSS, "multi_v5_defconfig"),
                Arguments.of(v612, "arm", ARM_CROSS, "versatile_defconfig"),
                Arguments.of(v612, "arm", ARM_CROSS, "multi_v7_defconfig"),
                Arguments.of(v612, "arm", ARM_CROSS, "allnoconfig"),
                Arguments.of(v612, "arm", ARM_CROSS, "allyesconfig"),
                Arguments.of(v612, "arm", ARM_CROSS, "allmodconfig"),
                Arguments.of(v612, "x86_64", null, "defconfig"),
                Arguments.of(v612, "x86_64", null, "allnoconfig"),
                Arguments.of(v612, "x86_64", null, "allyesconfig"),
                Arguments.of(v612, "x86_64", null, "allmodconfig"),
                Arguments.of(v612, "um", null, "defconfig"),
                Arguments.of(v612, "arm64", null, "defconfig"),
                Arguments.of(v2632, "arm", ARM_CROSS, "mini2440_defconfig"),
                Arguments.of(v2632, "arm", ARM_CROSS, "s3c2410_defconfig"),
                // Members of tristate choices set to y while a visible member is left out (USB_ETH in "USB
                // Gadget Drivers", MMC_AT91 in "Atmel SD/MMC Driver"): m before 2.6.36 (NEW_CHOICES_GET_VALUES).
                Arguments.of(v2632, "arm", ARM_CROSS, "qil-a9260_defconfig"),
                Arguments.of(v2632, "arm", ARM_CROSS, "allnoconfig"),
                Arguments.of(v2632, "arm", ARM_CROSS, "allyesconfig"),
                Arguments.of(v2632, "arm", ARM_CROSS, "allmodconfig")));
    }

    /** -Dkforge.oracle.kernels=FRIENDLYARM_2_6_32,LINUX_6_1 runs only those kernels' rows (all by default). */
    private static Stream<Arguments> onlyKernelsAsked(Stream<Arguments> rows) {
        String asked = System.getProperty("kforge.oracle.kernels", "");
        if (asked.isEmpty()) {
            return rows;
        }
        List<String> names = List.of(asked.split(","));
        return rows.filter(row -> names.contains(((ReferenceKernel) row.get()[0]).name()));
    }

    /**
     * FriendlyARM's own board config for the mini2440 with the 3.5" screen, through oldconfig with every
     * question answered by Enter, as {@code yes '' | make oldconfig} with it as .config.
     */
    @Test
    void friendlyArmsX35ConfigOn2632IsByteIdenticalThroughOldconfigAnsweringEnter() throws IOException {
        ReferenceKernel kernel = ReferenceKernel.FRIENDLYARM_2_6_32;
        Path x35 = kernel.tree().resolve("config_mini2440_x35");
        Path oracle = Oracle.fromConfigAnsweringEnter(kernel, "arm", ARM_CROSS, x35, "oldconfig");
        Path config = work.resolve(".config");
        Files.copy(x35, config);
        java.io.BufferedReader enter = new java.io.BufferedReader(new java.io.StringReader("\n".repeat(200_000)));
        int status = engine(kernel, "arm", ARM_CROSS).run(ConfMode.OLDCONFIG, null, config, false, discard(), enter,
                false);
        assertEquals(0, status);
        assertSameBytes(oracle.resolve(".config"), config);
    }

    @ParameterizedTest(name = "{0} ARCH={1} {3}")
    @MethodSource("targets")
    void configIsByteIdenticalToTheKernels(ReferenceKernel kernel, String arch, String cross, String target)
            throws IOException {
        Path expected = Oracle.config(kernel, arch, cross, target);
        ConfigEngine engine = engine(kernel, arch, cross);
        Path actual = work.resolve(".config");
        int status;
        if (target.endsWith("defconfig")) {
            String file = engine.defconfigArgument(target.equals("defconfig") ? null : target);
            status = engine.run(ConfMode.DEFCONFIG, file, actual, true, discard(), null, false);
        } else {
            status = engine.run(ConfMode.fromOption(target), null, actual, true, discard(), null, false);
        }
        assertEquals(0, status);
        assertSameBytes(expected, actual);
    }

    @Test
    void savedefconfigOfS3c2410IsByteIdenticalToTheKernels() throws IOException {
        Path expected = Oracle.savedefconfig("arm", ARM_CROSS, "s3c2410_defconfig");
        Path config = work.resolve(".config");
        Files.copy(Oracle.config("arm", ARM_CROSS, "s3c2410_defconfig"), config);
        Path actual = work.resolve("defconfig");
        int status = engine("arm", ARM_CROSS).run(ConfMode.SAVEDEFCONFIG, actual.toString(), config, true,
                discard(), null, false);
        assertEquals(0, status);
        assertSameBytes(expected, actual);
    }

    @Test
    void savedefconfigOfX86DefconfigOn612IsByteIdenticalToTheKernels() throws IOException {
        ReferenceKernel kernel = ReferenceKernel.LINUX_6_12;
        Path expected = Oracle.savedefconfig(kernel, "x86_64", null, "defconfig");
        Path config = work.resolve(".config");
        Files.copy(Oracle.config(kernel, "x86_64", null, "defconfig"), config);
        Path actual = work.resolve("defconfig");
        int status = engine(kernel, "x86_64", null).run(ConfMode.SAVEDEFCONFIG, actual.toString(), config, true,
                discard(), null, false);
        assertEquals(0, status);
        assertSameBytes(expected, actual);
    }

    /** Debian's own amd64 kernel config (linux-config-6.12) through olddefconfig, then savedefconfig. */
    @Test
    void debiansAmd64ConfigOn612IsByteIdenticalThroughOlddefconfigAndSavedefconfig() throws Exception {
        ReferenceKernel kernel = ReferenceKernel.LINUX_6_12;
        Path debian = work.resolve("config.amd64_none_amd64");
        Process xz = new ProcessBuilder("xz", "-dc", "/usr/src/linux-config-6.12/config.amd64_none_amd64.xz")
                .redirectOutput(debian.toFile()).start();
        assertEquals(0, xz.waitFor(), "xz -dc of Debian's config (is linux-config-6.12 installed?)");
        Path oracle = Oracle.fromConfig(kernel, "x86_64", null, debian, "olddefconfig", "savedefconfig");
        ConfigEngine engine = engine(kernel, "x86_64", null);

        Path config = work.resolve(".config");
        Files.copy(debian, config);
        assertEquals(0, engine.run(ConfMode.OLDDEFCONFIG, null, config, true, discard(), null, false));
        assertSameBytes(oracle.resolve(".config"), config);

        Path defconfig = work.resolve("defconfig");
        assertEquals(0, engine.run(ConfMode.SAVEDEFCONFIG, defconfig.toString(), config, true, discard(), null,
                false));
        assertSameBytes(oracle.resolve("defconfig"), defconfig);
    }

    @ParameterizedTest(name = "randconfig KCONFIG_SEED={0} KCONFIG_PROBABILITY={1}")
    @org.junit.jupiter.params.provider.CsvSource({"0x1234,''", "42,10:5", "7,60:20:20"})
    void seededRandconfigMakesTheKernelsChoices(String seed, String probability) throws Exception {
        ConfigEngine engine = engine("arm", ARM_CROSS);
        Path confDir = Files.createDirectories(work.resolve("conf"));
        Map<String, String> env = new java.util.HashMap<>(engine.environment().variables());
        env.put("KCONFIG_SEED", seed);
        env.put("KCONFIG_CONFIG", confDir.resolve(".config").toString());
        if (!probability.isEmpty()) {
            env.put("KCONFIG_PROBABILITY", probability);
        }
        ProcessBuilder conf = new ProcessBuilder(Oracle.confBinary("arm", ARM_CROSS).toString(), "-s", "--randconfig",
                "Kconfig").directory(confDir.toFile()).redirectErrorStream(true);
        conf.environment().clear();
        conf.environment().putAll(env);
        Process p = conf.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertEquals(0, p.waitFor(), output);

        Path actual = work.resolve(".config");
        kforge.kconfig.eval.Evaluator evaluator = engine.freshEvaluator();
        Map<String, String> kforgeEnv = new java.util.HashMap<>(env);
        kforgeEnv.put("KCONFIG_CONFIG", actual.toString());
        kforge.kconfig.io.ConfSettings settings = new kforge.kconfig.io.ConfSettings(kforgeEnv, work,
                engine.environment().srctree(), true);
        int status = new kforge.kconfig.conf.ConfRunner(engine.kconfig(), evaluator, settings, discard(), null, false)
                .run(ConfMode.RANDCONFIG, null);
        assertEquals(0, status);
        assertSameBytes(confDir.resolve(".config"), actual);
    }

    @Test
    void kbuildFilesOfS3c2410AreByteIdenticalToTheKernels() throws IOException {
        Path oracleDir = Oracle.config("arm", ARM_CROSS, "s3c2410_defconfig").getParent();
        ConfigEngine engine = engine("arm", ARM_CROSS);
        Map<String, String> env = new java.util.HashMap<>(engine.environment().variables());
        env.put("KCONFIG_CONFIG", work.resolve(".config").toString());
        kforge.kconfig.conf.ConfRunner runner = new kforge.kconfig.conf.ConfRunner(engine.kconfig(),
                engine.freshEvaluator(), new kforge.kconfig.io.ConfSettings(env, work, engine.environment().srctree(),
                true), discard(), null, false);
        runner.writeAutoconf(true);
        assertEquals(0, runner.run(ConfMode.DEFCONFIG, engine.defconfigArgument("s3c2410_defconfig")));
        for (String file : List.of("include/config/auto.conf", "include/config/auto.conf.cmd",
                "include/generated/autoconf.h", "include/generated/rustc_cfg")) {
            assertSameBytes(oracleDir.resolve(file), work.resolve(file));
        }
        try (Stream<Path> expected = Files.list(oracleDir.resolve("include/config"));
             Stream<Path> actual = Files.list(work.resolve("include/config"))) {
            assertEquals(expected.map(p -> p.getFileName().toString()).sorted().toList(),
                    actual.map(p -> p.getFileName().toString()).sorted().toList(), "include/config/*");
        }
    }

    private static ConfigEngine engine(String arch, String cross) {
        return engine(ReferenceKernel.LINUX_6_1, arch, cross);
    }

    private static ConfigEngine engine(ReferenceKernel kernel, String arch, String cross) {
        return ENGINES.computeIfAbsent(kernel + "/" + arch + "/" + cross, key -> {
            try {
                Path objtree = Files.createTempDirectory("kforge-objtree");
                return ConfigEngine.open(kernel.tree(), arch, cross == null ? "" : cross, objtree,
                        Oracle.makeEnvironment(), Reporter.silent());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static PrintStream discard() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    /** Byte comparison, reporting the first differing line so a failure says what differs. */
    private static void assertSameBytes(Path expected, Path actual) throws IOException {
        byte[] e = Files.readAllBytes(expected);
        byte[] a = Files.readAllBytes(actual);
        if (java.util.Arrays.equals(e, a)) {
            return;
        }
        List<String> el = List.of(new String(e, StandardCharsets.ISO_8859_1).split("\n", -1));
        List<String> al = List.of(new String(a, StandardCharsets.ISO_8859_1).split("\n", -1));
        for (int i = 0; i < Math.max(el.size(), al.size()); i++) {
            String x = i < el.size() ? el.get(i) : "<end>";
            String y = i < al.size() ? al.get(i) : "<end>";
            if (!x.equals(y)) {
                fail("differs from " + expected + " at line " + (i + 1) + ":\n  kernel: " + x + "\n  kforge: " + y);
            }
        }
        fail("byte difference without a line difference");
    }
}
