package kforge.kconfig.constructs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import kforge.kconfig.ConfigEngine;
import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.testing.DotConfigMutator;
import kforge.kconfig.testing.FuzzRun;
import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceKernel;

/**
 * Differential fuzzing of the .config reader: mutated .config files ({@link DotConfigMutator}) for a small
 * fixture with symbols of every type (dotconfig_fuzz.Kconfig) through each reference kernel's conf
 * {@code --olddefconfig} (a quarter of the cases: as KCONFIG_ALLCONFIG of an all*config) and through
 * kforge in this JVM. Exit status, every byte of the written .config (and
 * every other file), stdout and stderr (conf's warnings, "FILE:LINE:warning: ...", with
 * KCONFIG_WARN_UNKNOWN_SYMBOLS set in a third of the cases, KCONFIG_WERROR in a sixth) must be the same;
 * nothing is normalised. The seeds are conf's own output for the fixture (alldefconfig, allyesconfig,
 * allmodconfig, allnoconfig and a few randconfigs), made at the start of the run.
 *
 * <p>CI runs the fixed seed and {@code kforge.fuzz.cases} cases per kernel (default 300: about 11 s a kernel
 * on an idle 2-core machine, 30-40 s on a busy one); scripts/fuzz runs long with other seeds and budgets.
 */
class DotConfigFuzzTest {
    private static final List<ConfMode> ALLCONFIG_MODES = List.of(ConfMode.ALLDEFCONFIG, ConfMode.ALLNOCONFIG,
            ConfMode.ALLYESCONFIG, ConfMode.ALLMODCONFIG);
    private static final Pattern CONFIG_LINE = Pattern.compile("(?m)^(?:menu)?config ([A-Z0-9_]+)$");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = ReferenceKernel.class, names = {"LINUX_6_1", "LINUX_6_12"})
    void kforgeReadsMutatedDotConfigAsTheKernelsConfDoes(ReferenceKernel kernel) {
        String kconfig = fixture(kernel);
        List<String> seeds = seeds(kernel, kconfig);
        List<String> symbols = symbols(kconfig);
        FuzzRun.named("dotconfig-" + kernel, 300).run((number, random) -> {
            String seed = seeds.get(random.nextInt(seeds.size()));
            String mutated = new DotConfigMutator(random, symbols).mutate(seed, 4);
            Path caseDir = dir.resolve("case" + number);
            ConfPair pair = ConfPair.kconfig(caseDir, kconfig).kernel(kernel).dotConfig(mutated);
            if (random.nextInt(3) == 0) {
                // Since 6.8 conf then also warns about each symbol that the Kconfig files lack.
                pair.env("KCONFIG_WARN_UNKNOWN_SYMBOLS", "1");
            }
            if (random.nextInt(6) == 0) {
                // A warning of the read then makes conf exit 1 before it writes.
                pair.env("KCONFIG_WERROR", "1");
            }
            ConfMode mode = ConfMode.OLDDEFCONFIG;
            if (random.nextInt(4) == 0) {
                // The same reader for KCONFIG_ALLCONFIG, as merge_config.sh hands its merge to make alldefconfig.
                mode = ALLCONFIG_MODES.get(random.nextInt(ALLCONFIG_MODES.size()));
                pair.workFile("all.config", mutated).env("KCONFIG_ALLCONFIG", "all.config");
            }
            String problem = DifferentialFuzzTest.compare(pair, mode);
            DifferentialFuzzTest.removeTree(caseDir);
            if (problem == null) {
                return FuzzRun.Outcome.AGREE;
            }
            String withInput = mode.option() + ": " + problem + "\n--- .config ---\n" + mutated;
            return problem.equals("crash") ? FuzzRun.Outcome.referenceCrashed(withInput)
                    : FuzzRun.Outcome.disagree(withInput);
        });
    }

    /**
     * A few cases on a whole tree: 6.12's arch/arm with multi_v5_defconfig's .config (conf's own, cached)
     * mutated, through the kernel's make olddefconfig and kforge's engine for that tree. Only the .config is
     * compared here (make's messages are not kept). A case costs a make run, whose Kconfig probes the
     * compiler: 3-6 s, so CI runs 3 (about 20 s with the engine's parse) and scripts/fuzz runs this set only
     * with a time budget.
     */
    @org.junit.jupiter.api.Test
    void kforgeReadsMutatedArmDotConfigAsTheKernelsMakeDoes() throws Exception {
        ReferenceKernel kernel = ReferenceKernel.LINUX_6_12;
        String cross = "arm-linux-gnueabi-";
        Path defconfig = Oracle.config(kernel, "arm", cross, "multi_v5_defconfig");
        String seed = java.nio.file.Files.readString(defconfig, java.nio.charset.StandardCharsets.ISO_8859_1);
        List<String> symbols = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^(?:# )?CONFIG_([A-Za-z0-9_]+)").matcher(seed);
        while (m.find()) {
            symbols.add(m.group(1));
        }
        ConfigEngine engine = ConfigEngine.open(kernel.tree(), "arm", cross,
                java.nio.file.Files.createDirectories(dir.resolve("kforge-objtree")), Oracle.makeEnvironment(),
                Reporter.silent());
        FuzzRun.named("dotconfig-arm-" + kernel, 3).run((number, random) -> {
            String mutated = new DotConfigMutator(random, symbols).mutate(seed, 6);
            Path caseDir = dir.resolve("arm-case" + number);
            // The cached O= directory of that defconfig has make's conf built: each case starts from a copy.
            String expected = Oracle.olddefconfigOf(kernel, "arm", cross, mutated, caseDir.resolve("make"),
                    defconfig.getParent());
            Path config = java.nio.file.Files.createDirectories(caseDir.resolve("kforge")).resolve(".config");
            java.nio.file.Files.writeString(config, mutated, java.nio.charset.StandardCharsets.ISO_8859_1);
            int status = engine.run(ConfMode.OLDDEFCONFIG, null, config, true,
                    new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), null, false);
            String actual = java.nio.file.Files.readString(config, java.nio.charset.StandardCharsets.ISO_8859_1);
            DifferentialFuzzTest.removeTree(caseDir);
            if (status == 0 && expected.equals(actual)) {
                return FuzzRun.Outcome.AGREE;
            }
            return FuzzRun.Outcome.disagree("exit " + status + ", .config " + firstDifference(expected, actual)
                    + "\n--- .config (mutated) ---\n" + mutated);
        });
    }

    private static String firstDifference(String expected, String actual) {
        List<String> e = List.of(expected.split("\n", -1));
        List<String> a = List.of(actual.split("\n", -1));
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String x = i < e.size() ? e.get(i) : "<end>";
            String y = i < a.size() ? a.get(i) : "<end>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": make: " + x + " | kforge: " + y;
            }
        }
        return "the same";
    }

    /** The fixture, with optional and tristate choices for kernels that still have them. */
    static String fixture(ReferenceKernel kernel) {
        String kconfig = ConfPair.resource("dotconfig_fuzz.Kconfig");
        return kernel.dialect().has(KconfigChange.CHOICE_OPTIONAL_REMOVED) ? kconfig
                : kconfig + ConfPair.resource("dotconfig_fuzz_tristate_choices.Kconfig");
    }

    /** conf's own .config for the fixture in the modes that need no input, and a few randconfigs. */
    private List<String> seeds(ReferenceKernel kernel, String kconfig) {
        List<String> seeds = new ArrayList<>();
        for (ConfMode mode : List.of(ConfMode.ALLDEFCONFIG, ConfMode.ALLYESCONFIG, ConfMode.ALLMODCONFIG,
                ConfMode.ALLNOCONFIG)) {
            seeds.add(ConfPair.kconfig(dir.resolve("seed-" + mode.option()), kconfig).kernel(kernel).runConf(mode)
                    .config());
        }
        for (int seed = 1; seed <= 4; seed++) {
            seeds.add(ConfPair.kconfig(dir.resolve("seed-rand" + seed), kconfig).kernel(kernel)
                    .env("KCONFIG_SEED", Integer.toString(seed)).runConf(ConfMode.RANDCONFIG).config());
        }
        return seeds;
    }

    private static List<String> symbols(String kconfig) {
        List<String> symbols = new ArrayList<>();
        Matcher m = CONFIG_LINE.matcher(kconfig);
        while (m.find()) {
            symbols.add(m.group(1));
        }
        return symbols;
    }
}
