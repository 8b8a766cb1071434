package kforge.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import kforge.app.gui.model.SampleTree;
import kforge.kconfig.KconfigLoader;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.model.Kconfig;
import kforge.kconfig.model.Menu;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.PropertyType;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;
import kforge.kconfig.testing.Oracle;

/**
 * The sample Kconfig tree the GUI opens when there is no kernel source: it must be clean Kconfig (the
 * kernel's own conf reads it without a single warning), kforge must configure it exactly as conf does, and
 * it must show off what the editor can do (choices, every symbol type, help on every question).
 *
 * <p>Nothing here is a hand-written .config: every expected file comes from the kernel's real
 * scripts/kconfig/conf, run on the sample tree as extracted by {@link SampleTree}; kforge runs as the
 * ./kforge launcher runs it ("kforge conf ..." in a process of its own, with this test's class path).
 */
class SampleTreeTest {
    private static final String SAMPLE = "/kforge/app/sample/";
    private static final String DEFCONFIG = "arch/arm/configs/sample_defconfig";

    private static Path conf;

    @TempDir
    Path root;

    private ToolRuns runs() {
        return new ToolRuns(root, conf);
    }

    @BeforeAll
    static void buildConf() {
        conf = Oracle.confBinary("arm", "arm-linux-gnueabi-");
    }

    // ---- against the oracle ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--alldefconfig", "--allyesconfig", "--allmodconfig", "--allnoconfig",
            "--defconfig=" + DEFCONFIG})
    void kforgeWritesWhatConfWrites(String mode) {
        Path srctree = extract();
        ToolRuns.Run c = runs().conf(srctree, "conf", mode, "Kconfig");
        ToolRuns.Run k = runs().kforge(srctree, "kforge", mode, "Kconfig");
        assertClean(c, "conf " + mode);
        assertClean(k, "kforge conf " + mode);
        assertNotNull(c.files().get(".config"), "conf wrote no .config");
        assertEquals(c.files().get(".config"), k.files().get(".config"), ".config");
        // include/config/auto.conf, include/generated/autoconf.h, ... as well.
        assertEquals(c.files(), k.files(), "files in the working directory");
        assertEquals(c.stdout(), k.stdout(), "stdout");
    }

    /** The bundled defconfig is exactly what savedefconfig writes for it: minimal and in Kconfig order. */
    @Test
    void defconfigIsWhatSavedefconfigWrites() throws IOException {
        Path srctree = extract();
        byte[] defconfig = Files.readAllBytes(srctree.resolve(DEFCONFIG));
        for (boolean kforge : new boolean[] {false, true}) {
            String tool = kforge ? "kforge" : "conf";
            String[] first = {"--defconfig=" + DEFCONFIG, "Kconfig"};
            String[] second = {"--savedefconfig=saved_defconfig", "Kconfig"};
            ToolRuns.Run a = kforge ? runs().kforge(srctree, tool, first) : runs().conf(srctree, tool, first);
            assertClean(a, tool + " --defconfig");
            ToolRuns.Run b = kforge ? runs().kforge(srctree, tool, second) : runs().conf(srctree, tool, second);
            assertClean(b, tool + " --savedefconfig");
            assertArrayEquals(defconfig, Files.readAllBytes(root.resolve(tool).resolve("saved_defconfig")),
                    tool + ": savedefconfig of " + DEFCONFIG);
        }
    }

    /**
     * What the GUI tests rely on: the S3C NAND driver is hidden until raw NAND support is enabled. conf
     * writes a bool or tristate that is n only when it is visible, so the .config shows it.
     */
    @Test
    void nandDriverAppearsOnlyWithRawNand() throws IOException {
        Path srctree = extract();
        String without = configFrom(srctree, "without", "CONFIG_MTD=y\n");
        assertFalse(without.contains("CONFIG_MTD_NAND_S3C2410"), without);
        assertTrue(without.contains("# CONFIG_MTD_RAW_NAND is not set\n"), without);

        String with = configFrom(srctree, "with", "CONFIG_MTD=y\nCONFIG_MTD_RAW_NAND=y\n");
        assertTrue(with.contains("# CONFIG_MTD_NAND_S3C2410 is not set\n"), with);
    }

    /** Runs conf and kforge on one defconfig, asserts they agree and returns conf's .config. */
    private String configFrom(Path srctree, String name, String defconfig) throws IOException {
        Path file = Files.writeString(root.resolve(name + "_defconfig"), defconfig);
        ToolRuns.Run c = runs().conf(srctree, "conf-" + name, "--defconfig=" + file, "Kconfig");
        ToolRuns.Run k = runs().kforge(srctree, "kforge-" + name, "--defconfig=" + file, "Kconfig");
        assertClean(c, "conf with " + name);
        assertClean(k, "kforge with " + name);
        assertEquals(c.files(), k.files(), "files in the working directory, " + name);
        return c.files().get(".config");
    }

    // ---- what the tree holds, through the engine ----

    @Test
    void everyQuestionHasHelpAndEveryKindIsThere() {
        Path srctree = extract();
        Reporter.Collecting reporter = new Reporter.Collecting();
        Kconfig kconfig = KconfigLoader.create().topFile("Kconfig").srctree(srctree).workingDirectory(srctree)
                .environment(Map.of()).reporter(reporter).load();
        assertEquals(List.of(), reporter.errLines(), "messages while parsing");
        assertEquals("kforge sample: Linux/arm S3C2410 board", kconfig.title());
        assertEquals(Map.of(), kconfig.environmentUsed(), "the sample must not depend on the environment");
        assertEquals("MODULES", kconfig.modulesSymbol().name());

        List<Menu> menus = new ArrayList<>();
        collect(kconfig.rootMenu().list, menus);
        List<String> withoutHelp = menus.stream()
                .filter(m -> m.sym != null && m.prompt != null && m.prompt.type == PropertyType.PROMPT)
                .filter(m -> m.help == null || m.help.isBlank())
                .map(Menu::toString).toList();
        assertEquals(List.of(), withoutHelp, "entries with a prompt but no help");

        List<Symbol> symbols = kconfig.symbols().inCreationOrder().stream()
                .filter(s -> s.name() != null && !s.isConst() && s.type != SymbolType.UNKNOWN).toList();
        assertTrue(symbols.size() >= 60 && symbols.size() <= 100, "symbols: " + symbols.size());

        assertTrue(menus.stream().anyMatch(m -> m.sym != null && m.sym.isChoice()), "a choice");
        assertTrue(menus.stream().anyMatch(m -> m.sym != null && m.sym.isChoice() && m.sym.isOptional()),
                "an optional choice");
        assertTrue(menus.stream().anyMatch(Menu::isMenu), "a menu");
        assertTrue(menus.stream().anyMatch(m -> m.prompt != null && m.prompt.type == PropertyType.COMMENT),
                "a comment");
        assertTrue(menus.stream().anyMatch(m -> m.isMenu() && m.visibility != null), "a menu with visible if");
        assertTrue(any(symbols, s -> s.type == SymbolType.TRISTATE && hasProperty(s, PropertyType.PROMPT)),
                "a tristate question");
        assertTrue(any(symbols, s -> s.type == SymbolType.BOOLEAN && !s.isChoiceValue()
                && hasProperty(s, PropertyType.PROMPT)), "a bool question");
        assertTrue(any(symbols, s -> s.type == SymbolType.STRING && hasProperty(s, PropertyType.PROMPT)),
                "a string");
        assertTrue(any(symbols, s -> s.type == SymbolType.INT && hasProperty(s, PropertyType.RANGE)),
                "an int with a range");
        assertTrue(any(symbols, s -> s.type == SymbolType.HEX && hasProperty(s, PropertyType.PROMPT)), "a hex");
        assertTrue(any(symbols, s -> hasProperty(s, PropertyType.SELECT)), "a select");
        assertTrue(any(symbols, s -> hasProperty(s, PropertyType.IMPLY)), "an imply");
        assertTrue(any(symbols, s -> !hasProperty(s, PropertyType.PROMPT) && !hasProperty(s, PropertyType.DEFAULT)
                && s.revDep != null), "a promptless symbol only reachable by select");
    }

    private static void collect(Menu first, List<Menu> into) {
        for (Menu m = first; m != null; m = m.next) {
            into.add(m);
            collect(m.list, into);
        }
    }

    private static boolean hasProperty(Symbol s, PropertyType type) {
        for (Property p : s.properties) {
            if (p.type == type) {
                return true;
            }
        }
        return false;
    }

    private static boolean any(List<Symbol> symbols, Predicate<Symbol> test) {
        return symbols.stream().anyMatch(test);
    }

    // ---- the resource directory ----

    /** index.txt is how the app finds the files in its jar, so it must list exactly the files there are. */
    @Test
    void indexListsEveryFileOfTheTree() throws IOException, URISyntaxException {
        URL index = SampleTreeTest.class.getResource(SAMPLE + "index.txt");
        assertNotNull(index, "no " + SAMPLE + "index.txt on the class path");
        Assumptions.assumeTrue("file".equals(index.getProtocol()), "resources are not in a directory: " + index);
        Path dir = Path.of(index.toURI()).getParent();
        List<String> present;
        try (Stream<Path> walk = Files.walk(dir)) {
            present = walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.equals("index.txt")).sorted().toList();
        }
        List<String> listed = new String(readResource("index.txt"), StandardCharsets.UTF_8).lines().toList();
        assertEquals(present, listed.stream().sorted().toList(), "files listed in index.txt");
        assertEquals(listed.stream().distinct().toList(), listed, "index.txt lists a file twice");
    }

    // ---- runs ----

    /** The sample tree as the app extracts it from its jar. */
    private Path extract() {
        Path srctree = SampleTree.extractTo(root.resolve("src"));
        try {
            for (String name : new String(readResource("index.txt"), StandardCharsets.UTF_8).lines().toList()) {
                assertArrayEquals(readResource(name), Files.readAllBytes(srctree.resolve(name)), name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return srctree;
    }

    private static byte[] readResource(String name) throws IOException {
        try (InputStream in = SampleTreeTest.class.getResourceAsStream(SAMPLE + name)) {
            assertNotNull(in, "no resource " + SAMPLE + name);
            return in.readAllBytes();
        }
    }

    private static void assertClean(ToolRuns.Run r, String what) {
        assertEquals(0, r.exit(), () -> what + " failed: " + r.stderr());
        assertEquals("", r.stderr(), what + " printed warnings");
    }

}
