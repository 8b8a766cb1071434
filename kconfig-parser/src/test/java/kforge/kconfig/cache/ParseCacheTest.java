package kforge.kconfig.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.KconfigLoader;
import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.conf.ConfRunner;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.io.ConfSettings;
import kforge.kconfig.model.Kconfig;
import kforge.kconfig.preprocess.ShellRunner;

/**
 * A cached parse is used only while everything it depended on is unchanged, and then behaves exactly like
 * a fresh parse; any change (a file, an environment variable, a $(shell,...) result) makes kforge parse again.
 */
class ParseCacheTest {
    @TempDir
    Path tree;
    @TempDir
    Path cacheDir;
    @TempDir
    Path work;

    private final List<String> shellRuns = new ArrayList<>();
    private String compilerAnswer = "y";
    private final Map<String, String> env = new HashMap<>(Map.of("srctree", "", "FEATURE_PROMPT", "Feature"));

    @BeforeEach
    void writeTree() throws IOException {
        env.put("srctree", tree.toString());
        Files.writeString(tree.resolve("Kconfig"), """
                mainmenu "Cache test"
                HAS_FLAG := $(shell,probe-compiler)
                source "sub/Kconfig"
                config MODULES
                	bool "modules"
                	modules
                	default y
                config FLAG
                	def_bool $(HAS_FLAG)
                config NUM
                	int "number"
                	range 1 10
                	default 20
                choice
                	prompt "pick"
                config A
                	bool "a"
                config B
                	tristate "b"
                	depends on FLAG
                endchoice
                """);
        Files.createDirectories(tree.resolve("sub"));
        Files.writeString(tree.resolve("sub/Kconfig"), """
                config FEATURE
                	tristate "$(FEATURE_PROMPT)"
                	select HELPER if FLAG
                	help
                	  A feature.
                config HELPER
                	bool
                $(info,parsed sub)
                """);
    }

    private Kconfig load(Reporter reporter) {
        ShellRunner fake = (command, environment, cwd) -> {
            synchronized (shellRuns) {
                shellRuns.add(command);
            }
            return compilerAnswer;
        };
        return KconfigLoader.create().srctree(tree).workingDirectory(work).environment(env).shell(fake)
                .reporter(reporter).cache(new ParseCache(cacheDir)).load();
    }

    private String allyesconfig(Kconfig kconfig) throws IOException {
        Path config = work.resolve(".config");
        Files.deleteIfExists(config);
        Reporter silent = Reporter.silent();
        new ConfRunner(kconfig, new Evaluator(kconfig, silent), new ConfSettings(env, work, tree, true),
                new PrintStream(new ByteArrayOutputStream()), null, false).run(ConfMode.ALLYESCONFIG, null);
        return Files.readString(config, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aCachedParseBehavesLikeAFreshOneAndRepeatsItsMessages() throws IOException {
        Reporter.Collecting first = new Reporter.Collecting();
        Kconfig fresh = load(first);
        Reporter.Collecting second = new Reporter.Collecting();
        Kconfig cached = load(second);

        assertNotSame(fresh, cached);
        assertEquals(allyesconfig(fresh), allyesconfig(cached));
        assertEquals(List.of("parsed sub"), second.outLines());
        assertEquals(first.outLines(), second.outLines());
        assertEquals(symbolNames(fresh), symbolNames(cached));
    }

    @Test
    void shellCommandsRunAgainEveryTimeAndADifferentResultForcesAReparse() throws IOException {
        load(Reporter.silent());
        assertEquals(List.of("probe-compiler"), shellRuns);
        String withFlag = allyesconfig(load(Reporter.silent()));
        assertEquals(2, shellRuns.size(), "a cache hit still runs the command to check its result");

        compilerAnswer = "n";
        String withoutFlag = allyesconfig(load(Reporter.silent()));
        assertEquals(true, withFlag.contains("CONFIG_FLAG=y"));
        assertEquals(true, withoutFlag.contains("# CONFIG_HELPER is not set") || !withoutFlag.contains("CONFIG_HELPER=y"));
        assertEquals(false, withoutFlag.contains("CONFIG_FLAG=y"));
    }

    @Test
    void aChangedFileForcesAReparse() throws IOException {
        load(Reporter.silent());
        Path sub = tree.resolve("sub/Kconfig");
        Files.writeString(sub, Files.readString(sub).replace("A feature.", "A feature.\n\t  More."));
        Reporter.Collecting again = new Reporter.Collecting();
        Kconfig kconfig = load(again);
        assertEquals(true, kconfig.symbols().find("FEATURE").properties.stream()
                .anyMatch(p -> p.menu.help != null && p.menu.help.contains("More.")));
    }

    @Test
    void aChangedEnvironmentVariableForcesAReparse() throws IOException {
        load(Reporter.silent());
        env.put("FEATURE_PROMPT", "Renamed feature");
        Kconfig kconfig = load(Reporter.silent());
        assertEquals("Renamed feature", kconfig.symbols().find("FEATURE").properties.stream()
                .filter(p -> p.text != null).findFirst().orElseThrow().text);
    }

    @Test
    void aFileAppearingEarlierOnTheSearchPathForcesAReparse() throws IOException {
        load(Reporter.silent());
        Files.createDirectories(work.resolve("sub"));
        Files.writeString(work.resolve("sub/Kconfig"), "config SHADOW\n\tbool \"shadow\"\n");
        Kconfig kconfig = load(Reporter.silent());
        assertEquals(true, kconfig.symbols().find("SHADOW") != null);
    }

    private static List<String> symbolNames(Kconfig kconfig) {
        List<String> names = new ArrayList<>();
        kconfig.symbols().inHashOrder().forEach(s -> names.add(s.name() + ":" + s.type + ":" + s.flags));
        return names;
    }
}
