package kforge.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceTree;

/**
 * Bad input, as a user meets it: kforge runs in a process of its own (the launcher's java command, with this
 * test's class path, so no nested Maven build), and each fault must come out as "file:line: what is wrong",
 * without a Java stack trace, with a non-zero exit when it is fatal, and with the .config that was there
 * before left byte for byte as it was.
 *
 * <p>The conf-compatible mode is compared with the kernel's own scripts/kconfig/conf on the same fixture:
 * where conf's message is right kforge prints the same one; where conf's is worse (a "syntax error" on the
 * line after the fault, "&lt;none&gt;" as the file) kforge names the statement's file:line instead.
 */
class BadInputTest {
    private static final String OLD_CONFIG = "# hand-written\nCONFIG_OLD=y\n";

    private static Path conf;

    @TempDir
    Path root;

    @BeforeAll
    static void buildConf() {
        conf = Oracle.confBinary("x86_64", null);
    }

    // ---- Kconfig faults, conf-compatible mode ----

    @Test
    void doctorChecksTheToolchainAndTheTreesDocumentedMinimums() {
        Result r = run(kforgeCommand("doctor", "--tree", ReferenceTree.get().toString(), "--cross-compile",
                "arm-linux-gnueabi-"), root, scrubbedEnvironment());
        assertNoStackTrace(r);
        assertEquals(0, r.exit, r.stdout + r.stderr);
        assertTrue(r.stdout.contains("CROSS_COMPILE=arm-linux-gnueabi-: arm-linux-gnueabi- -> arm-linux-gnueabi"), r.stdout);
        assertTrue(r.stdout.contains("GNU make (make) ") && r.stdout.contains("(needs 3.82): ok"), r.stdout);
    }

    @Test
    void doctorNamesAMissingToolchainAndFails() {
        Result r = run(kforgeCommand("doctor", "--cross-compile", "aarch64-linux-gnu-"),
                root, Map.of("PATH", "/nonexistent", "HOME", System.getProperty("user.home")));
        assertNoStackTrace(r);
        assertEquals(1, r.exit);
        assertTrue(r.stdout.contains("aarch64-linux-gnu-gcc: not found on PATH; install the Debian package"
                + " gcc-aarch64-linux-gnu"), r.stdout);
    }

    @Test
    void doctorNamesWhatAConfigAndItsTargetsNeedFromTheHost() throws IOException {
        Path config = Files.writeString(root.resolve(".config"), "CONFIG_ARM=y\nCONFIG_MODULE_SIG_FORMAT=y\n");
        Result r = run(kforgeCommand("doctor", "--config", config.toString(), "--targets", "zImage,uImage"),
                root, Map.of("PATH", "/usr/bin:/bin", "HOME", System.getProperty("user.home")));
        assertNoStackTrace(r);
        assertEquals(0, r.exit, r.stdout);
        assertTrue(r.stdout.contains("CONFIG_MODULE_SIG_FORMAT=y builds scripts/sign-file, which needs the header"
                + " <openssl/opensslv.h>: ok"), r.stdout);

        Result without = run(kforgeCommand("doctor", "--config", config.toString(), "--targets", "uImage"),
                root, Map.of("PATH", "/nonexistent", "HOME", System.getProperty("user.home")));
        assertEquals(1, without.exit);
        assertTrue(without.stdout.contains("FAIL: target uImage wraps the zImage for U-Boot, which needs mkimage:"
                + " missing (apt-get install u-boot-tools)"), without.stdout);
    }

    @Test
    void configWithAnUnmetRequestSaysWhichAndWhyAndFails() throws IOException {
        Path fragment = Files.writeString(root.resolve("unmet.config"), "CONFIG_EXT3_FS_POSIX_ACL=y\n"
                + "# CONFIG_EXT3_FS is not set\n");
        List<String> args = List.of("config", "--board", "s3c2410", "--tree", ReferenceTree.get().toString(),
                "--fragment", fragment.toString(), "--config", root.resolve("out/.config").toString(), "-q");
        Result r = run(kforgeCommand(args.toArray(String[]::new)), root, scrubbedEnvironment());
        assertNoStackTrace(r);
        assertEquals(1, r.exit, r.stderr);
        assertTrue(r.stderr.contains("Value requested for CONFIG_EXT3_FS_POSIX_ACL not in final .config\n"
                + "Requested value:  CONFIG_EXT3_FS_POSIX_ACL=y\n"), r.stderr);
        assertTrue(r.stderr.contains("it is not visible: BLOCK [=y] && EXT3_FS [=n]"), r.stderr);

        List<String> allowing = new ArrayList<>(args);
        allowing.add("--allow-unmet");
        Result allowed = run(kforgeCommand(allowing.toArray(String[]::new)), root, scrubbedEnvironment());
        assertEquals(0, allowed.exit, allowed.stderr);
    }

    @Test
    void buildWithoutTheCrossCompilerNamesItsPackageBeforeMakingAnything() {
        Path out = root.resolve("out");
        Result r = run(kforgeCommand("build", "--board", "s3c2410", "--tree", ReferenceTree.get().toString(),
                "--out", out.toString()), root, Map.of("PATH", "/nonexistent", "HOME", System.getProperty("user.home")));
        assertNoStackTrace(r);
        assertEquals(1, r.exit);
        assertTrue(r.stderr.contains("arm-linux-gnueabi-gcc: not found on PATH; install the Debian package"
                + " gcc-arm-linux-gnueabi"), r.stderr);
        assertFalse(Files.exists(out), "nothing was written");
    }

    @Test
    void buildWithAnUnmetRequestStopsBeforeMake() throws IOException {
        Path fragment = Files.writeString(root.resolve("unmet.config"), "CONFIG_EXT3_FS_POSIX_ACL=y\n"
                + "# CONFIG_EXT3_FS is not set\n");
        Path out = root.resolve("out");
        Result r = run(kforgeCommand("build", "--board", "s3c2410", "--tree", ReferenceTree.get().toString(),
                "--fragment", fragment.toString(), "--out", out.toString(), "-q"), root, scrubbedEnvironment());
        assertNoStackTrace(r);
        assertEquals(1, r.exit, r.stderr);
        assertTrue(r.stderr.contains("it is not visible: BLOCK [=y] && EXT3_FS [=n]"), r.stderr);
        assertTrue(Files.isRegularFile(out.resolve(".config")), "the .config is kept to look at");
        assertFalse(Files.exists(out.resolve("kforge-build.json")), "make never ran");
    }

    @Test
    void editorWithoutADisplaySaysSoInsteadOfCrashing() {
        Map<String, String> env = new HashMap<>(scrubbedEnvironment());
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        Result r = run(kforgeCommand("gui"), root, env);
        assertNoStackTrace(r);
        assertEquals(1, r.exit);
        assertTrue(r.stderr.contains("needs a display") && r.stderr.contains("DISPLAY"), r.stderr);
    }

    @Test
    void editorOnADirectoryThatIsNoKernelTreeNamesIt() {
        Map<String, String> env = new HashMap<>(scrubbedEnvironment());
        env.put("DISPLAY", ":99");  // never reached: the tree is checked before any window opens
        Result r = run(kforgeCommand("gui", "--tree", root.toString()), root, env);
        assertNoStackTrace(r);
        assertEquals(1, r.exit);
        assertTrue(r.stderr.contains(root + ": not a kernel tree"), r.stderr);
    }

    @Test
    void syntaxErrorNamesTheStatementLine() {
        Pair p = confPair(Map.of("Kconfig", "config A\n\tbool \"a\"\n\tdepends on (B\nconfig B\n\tbool\n"));
        assertFatal(p);
        // The conf-compatible mode words it as conf's bison parser does: "syntax error" on the line after
        // the statement, then the statement's own line. (The tree CLI names the unexpected token instead.)
        assertEquals("Kconfig:4: syntax error\nKconfig:3: invalid statement\n", p.kforge.stderr);
        assertEquals(p.conf.stderr, p.kforge.stderr);
    }

    @Test
    void unknownStatementInConfsWords() {
        Pair p = confPair(Map.of("Kconfig", "config A\n\tbool \"a\"\nfoo bar\n"));
        assertFatal(p);
        assertEquals("Kconfig:4: syntax error\nKconfig:3: unknown statement \"foo\"\n", p.kforge.stderr);
        assertEquals(p.conf.stderr, p.kforge.stderr);
    }

    @Test
    void unknownWordInsideAConfigBlock() {
        Pair p = confPair(Map.of("Kconfig", "config A\n\tbool \"a\"\n\tfoo\nconfig B\n\tbool \"b\"\n"));
        assertFatal(p);
        assertTrue(p.kforge.stderr.contains("Kconfig:3: unknown statement \"foo\"\n"), p.kforge.stderr);
        assertEquals(p.conf.stderr, p.kforge.stderr);
    }

    static Stream<Arguments> unterminatedBlocks() {
        return Stream.of(
                Arguments.of("choice", "choice\n\tprompt \"c\"\nconfig A\n\tbool \"a\"\n", 1),
                Arguments.of("menu", "menu \"m\"\nconfig A\n\tbool \"a\"\n", 1),
                Arguments.of("if", "config A\n\tbool \"a\"\nif A\nconfig B\n\tbool \"b\"\n", 3));
    }

    @ParameterizedTest(name = "unterminated {0}")
    @MethodSource("unterminatedBlocks")
    void unterminatedBlock(String block, String kconfig, int line) {
        Pair p = confPair(Map.of("Kconfig", kconfig));
        assertFatal(p);
        String missingEnd = "Kconfig:" + line + ": missing end statement for this entry\n";
        // As conf: bison's "<none>:N: syntax error" past the end of the input, then the open block.
        assertTrue(p.kforge.stderr.endsWith(missingEnd), p.kforge.stderr);
        assertEquals(p.conf.stderr, p.kforge.stderr);
    }

    @Test
    void unterminatedIfInASourcedFileNamesThatFile() {
        Pair p = confPair(Map.of("Kconfig", "source \"sub/Kconfig\"\nconfig A\n\tbool \"a\"\n",
                "sub/Kconfig", "config B\n\tbool \"b\"\nif B\n"));
        assertFatal(p);
        assertTrue(p.conf.stderr.contains("sub/Kconfig:3: missing end statement for this entry\n"), p.conf.stderr);
        assertEquals(p.conf.stderr, p.kforge.stderr);
    }

    @Test
    void recursiveDependencyReportedLikeConf() {
        Pair p = confPair(Map.of("Kconfig",
                "config A\n\tbool \"a\"\n\tdepends on B\nconfig B\n\tbool \"b\"\n\tdepends on A\n"));
        assertFatal(p);
        assertTrue(p.kforge.stderr.startsWith("Kconfig:4:error: recursive dependency detected!\n"
                + "Kconfig:4:\tsymbol B depends on A\n"
                + "Kconfig:1:\tsymbol A depends on B\n"), p.kforge.stderr);
        assertEquals(p.conf.stderr, p.kforge.stderr);
    }

    @Test
    void missingSourceFile() {
        Pair p = confPair(Map.of("Kconfig", "config A\n\tbool \"a\"\nsource \"nothere/Kconfig\"\n"));
        assertFatal(p);
        assertEquals("Kconfig:3: can't open file \"nothere/Kconfig\"\n", p.kforge.stderr);
        assertEquals(p.conf.stderr, p.kforge.stderr);
    }

    @Test
    void failingErrorIf() {
        Pair p = confPair(Map.of("Kconfig", "config A\n\tbool \"a\"\n$(error-if,y,the toolchain is too old)\n"));
        assertFatal(p);
        assertEquals("Kconfig:3: the toolchain is too old\n", p.kforge.stderr);
        assertEquals(p.conf.stderr, p.kforge.stderr);
    }

    @Test
    void unterminatedReference() {
        Pair p = confPair(Map.of("Kconfig", "X := $(shell,true\nconfig A\n\tbool \"a\"\n"));
        assertFatal(p);
        // conf names the line after the one that opened the reference, as kforge does.
        assertEquals("Kconfig:2: unterminated reference to 'shell,true': missing ')'\n", p.kforge.stderr);
        assertEquals(p.conf.stderr, p.kforge.stderr);
    }

    /** conf only warns about a string that runs to the end of its line, takes it as it is and goes on. */
    @Test
    void unterminatedQuotedStringIsAWarning() {
        Pair p = confPair(Map.of("Kconfig", "config A\n\tbool \"a\n\tdefault y\nconfig B\n\tbool \"b\"\n"));
        assertEquals(0, p.conf.exit, p.conf.stderr);
        assertEquals(0, p.kforge.exit, p.kforge.stderr);
        assertEquals("Kconfig:2:warning: multi-line strings not supported\n", p.kforge.stderr);
        assertEquals(p.conf.stderr, p.kforge.stderr);
        assertWrittenLikeConf(p);
    }

    // ---- .config faults, conf-compatible mode ----

    private static final Map<String, String> TWO_BOOLS_AND_AN_INT = Map.of("Kconfig",
            "config A\n\tbool \"a\"\nconfig B\n\tbool \"b\"\nconfig N\n\tint \"n\"\n\trange 1 10\n\tdefault 5\n");

    @Test
    void malformedConfigLineIsAWarning() {
        Pair p = confPair(TWO_BOOLS_AND_AN_INT, "CONFIG_A=y\nthis is garbage\nCONFIG_B=y\n", Map.of());
        assertEquals(0, p.conf.exit, p.conf.stderr);
        assertEquals(0, p.kforge.exit, p.kforge.stderr);
        assertEquals(".config:2:warning: unexpected data: this is garbage\n", p.kforge.stderr);
        assertEquals(p.conf.stderr, p.kforge.stderr);
        assertWrittenLikeConf(p);
        assertTrue(p.kforge.config.contains("CONFIG_A=y\nCONFIG_B=y\n"), p.kforge.config);
    }

    @Test
    void malformedConfigLineIsFatalWithKconfigWerror() {
        Pair p = confPair(TWO_BOOLS_AND_AN_INT, "CONFIG_A=y\nthis is garbage\nCONFIG_B=y\n",
                Map.of("KCONFIG_WERROR", "1"));
        assertFatal(p);
        assertEquals(".config:2:warning: unexpected data: this is garbage\n", p.kforge.stderr);
        assertEquals(p.conf.stderr, p.kforge.stderr);
    }

    @Test
    void invalidValuesInConfigAreWarnings() {
        Pair p = confPair(TWO_BOOLS_AND_AN_INT, "CONFIG_N=abc\nCONFIG_A=q\n", Map.of());
        assertEquals(0, p.kforge.exit, p.kforge.stderr);
        assertEquals(".config:1:warning: symbol value 'abc' invalid for N\n"
                + ".config:2:warning: symbol value 'q' invalid for A\n", p.kforge.stderr);
        assertEquals(p.conf.stderr, p.kforge.stderr);
        assertWrittenLikeConf(p);
    }

    /** conf drops an int outside its range without a word and falls back to the default. */
    @Test
    void outOfRangeValueInConfigFallsBackToTheDefault() {
        Pair p = confPair(TWO_BOOLS_AND_AN_INT, "CONFIG_N=999\n", Map.of());
        assertEquals(0, p.kforge.exit, p.kforge.stderr);
        assertEquals(p.conf.stderr, p.kforge.stderr);
        assertWrittenLikeConf(p);
        assertTrue(p.kforge.config.contains("\nCONFIG_N=5\n"), p.kforge.config);
    }

    // ---- the tree CLI ----

    @Test
    void setOutOfRangeFailsNamingTheRangeAndLeavesConfigAlone() throws IOException {
        Path tree = tree(Map.of());
        Path work = Files.createDirectories(root.resolve("tree-work"));
        Result made = kforge(work, Map.of(), "olddefconfig", "--tree", tree.toString(), "--arch", "x86_64");
        assertEquals(0, made.exit, made.stderr);
        byte[] before = Files.readAllBytes(work.resolve(".config"));
        Files.deleteIfExists(work.resolve(".config.old"));

        Result set = kforge(work, Map.of(), "set", "--tree", tree.toString(), "--arch", "x86_64", "N=999");
        assertNotEquals(0, set.exit);
        assertNoStackTrace(set);
        assertEquals("N=999: out of range [1..10] (the range at Kconfig:3)\n", set.stderr);
        assertArrayEquals(before, Files.readAllBytes(work.resolve(".config")));
        assertFalse(Files.exists(work.resolve(".config.old")), ".config.old written by a failed set");
        assertNoTemporaryFiles(work);
    }

    /** A tree where FEATURE needs A, OLD needs BROKEN (which nothing can set), on top of the usual N and A. */
    private Path fixTree() {
        return tree(Map.of("Kconfig", "config N\n\tint \"n\"\n\trange 1 10\n\tdefault 5\n\nconfig A\n\tbool \"a\"\n\n"
                + "config FEATURE\n\tbool \"feature\"\n\tdepends on A\n\n"
                + "config BROKEN\n\tbool\n\nconfig OLD\n\tbool \"old\"\n\tdepends on BROKEN\n\n"
                + "config PIN\n\tbool \"pin\"\n\tdepends on A\n\tdefault y\n\n"
                + "config UNPINNED\n\tbool \"unpinned\"\n\tdepends on A && !PIN\n\n"
                + "source \"arch/x86/Kconfig\"\n"));
    }

    @Test
    void aFixLineThatKeepsAValueSaysSo() throws IOException {
        Path tree = fixTree();
        Path work = Files.createDirectories(root.resolve("tree-work"));
        Result made = kforge(work, Map.of(), "olddefconfig", "--tree", tree.toString(), "--arch", "x86_64");
        assertEquals(0, made.exit, made.stderr);

        Result fix = kforge(work, Map.of(), "fix", "--tree", tree.toString(), "--arch", "x86_64", "--want",
                "UNPINNED=y");
        assertEquals(0, fix.exit, fix.stdout + fix.stderr);
        assertTrue(fix.stdout.contains("A n -> y   [CONFIG_A=y]"), fix.stdout);
        // PIN is n only because A is: with A=y its default would make it y, and UNPINNED invisible.
        assertTrue(fix.stdout.contains("PIN stays n (set: the other changes would move it)   [# CONFIG_PIN is not set]"),
                fix.stdout);
    }

    @Test
    void fixApplyWritesTheFixAndKeepsThePreviousConfigAsConfigOld() throws IOException {
        Path tree = fixTree();
        Path work = Files.createDirectories(root.resolve("tree-work"));
        Result made = kforge(work, Map.of(), "olddefconfig", "--tree", tree.toString(), "--arch", "x86_64");
        assertEquals(0, made.exit, made.stderr);
        byte[] before = Files.readAllBytes(work.resolve(".config"));

        Result fix = kforge(work, Map.of(), "fix", "--tree", tree.toString(), "--arch", "x86_64", "--want",
                "FEATURE=y", "--apply");
        assertEquals(0, fix.exit, fix.stdout + fix.stderr);
        assertTrue(fix.stdout.contains("A n -> y"), fix.stdout);
        String after = Files.readString(work.resolve(".config"));
        assertTrue(after.contains("\nCONFIG_A=y\n") && after.contains("\nCONFIG_FEATURE=y\n"), after);
        assertArrayEquals(before, Files.readAllBytes(work.resolve(".config.old")));
        assertNoTemporaryFiles(work);
    }

    @Test
    void fixOfAnImpossibleValueExitsOneWithTheReasonAndLeavesConfigAlone() throws IOException {
        Path tree = fixTree();
        Path work = Files.createDirectories(root.resolve("tree-work"));
        Result made = kforge(work, Map.of(), "olddefconfig", "--tree", tree.toString(), "--arch", "x86_64");
        assertEquals(0, made.exit, made.stderr);
        byte[] before = Files.readAllBytes(work.resolve(".config"));
        Files.deleteIfExists(work.resolve(".config.old"));

        Result fix = kforge(work, Map.of(), "fix", "--tree", tree.toString(), "--arch", "x86_64", "--want", "OLD=y",
                "--apply");
        assertEquals(1, fix.exit, fix.stdout + fix.stderr);
        assertNoStackTrace(fix);
        assertTrue(fix.stdout.contains("OLD=y: no fix: OLD=y is impossible: it depends on BROKEN [=n]")
                && fix.stdout.contains("BROKEN has no prompt"), fix.stdout);
        assertArrayEquals(before, Files.readAllBytes(work.resolve(".config")));
        assertFalse(Files.exists(work.resolve(".config.old")), ".config.old written by a fix that found nothing");
        assertNoTemporaryFiles(work);
    }

    @Test
    void fixOfAnUnknownSymbolOrABadValueExitsTwoNamingIt() throws IOException {
        Path tree = fixTree();
        Path work = Files.createDirectories(root.resolve("tree-work"));
        assertEquals(0, kforge(work, Map.of(), "olddefconfig", "--tree", tree.toString(), "--arch", "x86_64").exit);

        Result unknown = kforge(work, Map.of(), "fix", "--tree", tree.toString(), "--arch", "x86_64", "--want",
                "NO_SUCH=y");
        assertEquals(2, unknown.exit, unknown.stdout + unknown.stderr);
        assertNoStackTrace(unknown);
        assertEquals("NO_SUCH: no such symbol in this tree\n", unknown.stderr);

        Result badValue = kforge(work, Map.of(), "fix", "--tree", tree.toString(), "--arch", "x86_64", "--want",
                "N=ten");
        assertEquals(2, badValue.exit, badValue.stdout + badValue.stderr);
        assertEquals("N=ten: not a valid integer value\n", badValue.stderr);
        assertNoTemporaryFiles(work);
    }

    @Test
    void setKeepsThePreviousConfigAsConfigOld() throws IOException {
        Path tree = tree(Map.of());
        Path work = Files.createDirectories(root.resolve("tree-work"));
        Result made = kforge(work, Map.of(), "olddefconfig", "--tree", tree.toString(), "--arch", "x86_64");
        assertEquals(0, made.exit, made.stderr);
        byte[] before = Files.readAllBytes(work.resolve(".config"));

        Result set = kforge(work, Map.of(), "set", "--tree", tree.toString(), "--arch", "x86_64", "N=7", "A=y");
        assertEquals(0, set.exit, set.stderr);
        String after = Files.readString(work.resolve(".config"));
        assertTrue(after.contains("\nCONFIG_N=7\n") && after.contains("\nCONFIG_A=y\n"), after);
        assertArrayEquals(before, Files.readAllBytes(work.resolve(".config.old")));
        assertNoTemporaryFiles(work);
    }

    @Test
    void whyExplainsAndExitsZeroWhenTheValueHoldsOneWhenItCannotTwoOnBadInput() throws IOException {
        Path tree = tree(Map.of("Kconfig", "config N\n\tint \"n\"\n\trange 1 10\n\tdefault 5\n\n"
                + "config A\n\tbool \"a\"\n\nconfig DRIVER\n\tbool \"driver\"\n\tdepends on A\n\n"
                + "source \"arch/x86/Kconfig\"\n"));
        Path work = Files.createDirectories(root.resolve("tree-work"));
        Result made = kforge(work, Map.of(), "olddefconfig", "--tree", tree.toString(), "--arch", "x86_64");
        assertEquals(0, made.exit, made.stderr);
        byte[] before = Files.readAllBytes(work.resolve(".config"));
        String[] where = {"--tree", tree.toString(), "--arch", "x86_64"};

        Result cannot = kforge(work, Map.of(), why(where, "DRIVER", "--want", "y"));
        assertEquals(1, cannot.exit, cannot.stdout + cannot.stderr);
        assertTrue(cannot.stdout.startsWith("Can't be y: A is false (A=n, set to n in .config)\n"
                + "  prompt \"driver\" at Kconfig:10 is visible if A:\n    FAILS A [=n]  is false\n      A=n: set to n in .config\n"), cannot.stdout);

        Result value = kforge(work, Map.of(), why(where, "CONFIG_N"));
        assertEquals(0, value.exit, value.stderr);
        assertTrue(value.stdout.startsWith("N=5: set to \"5\" in .config\n"), value.stdout);

        Result can = kforge(work, Map.of(), why(where, "A", "--want", "y"));
        assertEquals(0, can.exit, can.stderr);
        assertTrue(can.stdout.startsWith("Can be y (now n: set to n in .config)"), can.stdout);

        Result range = kforge(work, Map.of(), why(where, "N", "--want", "999"));
        assertEquals(1, range.exit, range.stderr);
        assertTrue(range.stdout.startsWith("Can't be 999: out of range [1..10] (the range at Kconfig:3)\n"),
                range.stdout);

        Result noSuch = kforge(work, Map.of(), why(where, "NOPE"));
        assertEquals(2, noSuch.exit);
        assertNoStackTrace(noSuch);
        assertEquals("kforge why: NOPE: no such symbol in this tree\n", noSuch.stderr);

        Result notAValue = kforge(work, Map.of(), why(where, "A", "--want", "q"));
        assertEquals(2, notAValue.exit);
        assertTrue(notAValue.stdout.startsWith("Can't be q: a bool takes y, m or n"), notAValue.stdout);
        assertArrayEquals(before, Files.readAllBytes(work.resolve(".config")), "why changes nothing");
    }

    private static String[] why(String[] where, String... args) {
        List<String> all = new ArrayList<>(List.of("why"));
        all.addAll(List.of(where));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    @Test
    void treeCommandSyntaxErrorLeavesConfigAlone() throws IOException {
        Path tree = tree(Map.of("arch/x86/Kconfig", "config X86\n\tdef_bool y\n\tselect\n"));
        Path work = Files.createDirectories(root.resolve("tree-work"));
        Files.writeString(work.resolve(".config"), OLD_CONFIG);

        Result r = kforge(work, Map.of(), "olddefconfig", "--tree", tree.toString(), "--arch", "x86_64");
        assertNotEquals(0, r.exit);
        assertNoStackTrace(r);
        assertEquals("arch/x86/Kconfig:3: syntax error, unexpected end of line\n", r.stderr);
        assertUntouched(work, OLD_CONFIG);
    }

    @Test
    void treeCommandRecursiveDependencyLeavesConfigAlone() throws IOException {
        Path tree = tree(Map.of("arch/x86/Kconfig",
                "config X86\n\tdef_bool y\n\tdepends on Y\nconfig Y\n\tdef_bool y\n\tdepends on X86\n"));
        Path work = Files.createDirectories(root.resolve("tree-work"));
        Files.writeString(work.resolve(".config"), OLD_CONFIG);

        Result r = kforge(work, Map.of(), "olddefconfig", "--tree", tree.toString(), "--arch", "x86_64");
        assertNotEquals(0, r.exit);
        assertNoStackTrace(r);
        // What conf prints for the same two symbols.
        assertEquals("arch/x86/Kconfig:1:error: recursive dependency detected!\n"
                + "arch/x86/Kconfig:1:\tsymbol X86 depends on Y\n"
                + "arch/x86/Kconfig:4:\tsymbol Y depends on X86\n"
                + "For a resolution refer to Documentation/kbuild/kconfig-language.rst\n"
                + "subsection \"Kconfig recursive dependency limitations\"\n\n", r.stderr);
        assertUntouched(work, OLD_CONFIG);
    }

    @Test
    void treeCommandMalformedConfigWithKconfigWerror() throws IOException {
        Path tree = tree(Map.of());
        Path work = Files.createDirectories(root.resolve("tree-work"));
        Files.writeString(work.resolve(".config"), "CONFIG_A=y\ngarbage\n");
        byte[] before = Files.readAllBytes(work.resolve(".config"));

        Result r = kforge(work, Map.of("KCONFIG_WERROR", "1"), "olddefconfig", "--tree", tree.toString(),
                "--arch", "x86_64");
        assertNotEquals(0, r.exit);
        assertNoStackTrace(r);
        assertEquals(work.resolve(".config").toAbsolutePath() + ":2:warning: unexpected data: garbage\n", r.stderr);
        assertArrayEquals(before, Files.readAllBytes(work.resolve(".config")));
        assertFalse(Files.exists(work.resolve(".config.old")));
    }

    // ---- fixtures and runs ----

    /** One fixture run by conf and by "kforge conf --olddefconfig Kconfig", each in a copy of the same objtree. */
    private record Pair(Outcome conf, Outcome kforge, String before) {
    }

    private record Outcome(int exit, String stdout, String stderr, Path objtree, String config) {
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private Pair confPair(Map<String, String> kconfig) {
        return confPair(kconfig, OLD_CONFIG, Map.of());
    }

    private Pair confPair(Map<String, String> kconfig, String dotConfig, Map<String, String> extraEnv) {
        Path srctree = root.resolve("src");
        write(srctree, kconfig);
        Map<String, String> env = new HashMap<>(scrubbedEnvironment());
        env.put("srctree", srctree.toString());
        env.putAll(extraEnv);

        Path confWork = root.resolve("conf-obj");
        write(confWork, Map.of(".config", dotConfig));
        Result c = run(List.of(conf.toString(), "--olddefconfig", "Kconfig"), confWork, env);

        Path kforgeWork = root.resolve("kforge-obj");
        write(kforgeWork, Map.of(".config", dotConfig));
        Result k = run(kforgeCommand("conf", "--olddefconfig", "Kconfig"), kforgeWork, env);
        assertNoStackTrace(k);
        return new Pair(outcome(c, confWork), outcome(k, kforgeWork), dotConfig);
    }

    private static Outcome outcome(Result r, Path objtree) {
        try {
            return new Outcome(r.exit, r.stdout, r.stderr, objtree,
                    Files.readString(objtree.resolve(".config"), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fatal fault: both fail, print their message, and leave the .config and everything else as it was. */
    private static void assertFatal(Pair p) {
        assertNotEquals(0, p.conf.exit, "conf accepted the fixture: " + p.conf.stderr);
        assertEquals(p.conf.exit, p.kforge.exit, "kforge's exit status; stderr:\n" + p.kforge.stderr);
        assertFalse(p.kforge.stderr.isBlank(), "kforge said nothing");
        assertTrue(p.kforge.stderr.lines().allMatch(line -> line.isEmpty() || line.matches("^[^ :]+:\\d+:.*")
                        || line.startsWith("For a resolution") || line.startsWith("subsection")),
                "every message names file:line:\n" + p.kforge.stderr);
        assertUntouched(p.conf.objtree, p.before);
        assertUntouched(p.kforge.objtree, p.before);
    }

    /** Not fatal: .config rewritten exactly as conf writes it, and the previous one kept as .config.old. */
    private static void assertWrittenLikeConf(Pair p) {
        assertEquals(p.conf.config, p.kforge.config);
        try {
            assertArrayEquals(Files.readAllBytes(p.conf.objtree.resolve(".config.old")),
                    Files.readAllBytes(p.kforge.objtree.resolve(".config.old")), ".config.old");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertNoTemporaryFiles(p.kforge.objtree);
    }

    private static void assertUntouched(Path objtree, String before) {
        try {
            assertEquals(before, Files.readString(objtree.resolve(".config"), StandardCharsets.ISO_8859_1),
                    "the .config in " + objtree);
            try (Stream<Path> files = Files.list(objtree)) {
                assertEquals(List.of(".config"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                        "files left in " + objtree);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertNoTemporaryFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> tmp = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            assertEquals(List.of(), tmp, "temporary files left in " + dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertNoStackTrace(Pair p) {
        assertNoStackTrace(new Result(p.kforge.exit, p.kforge.stdout, p.kforge.stderr));
    }

    private static void assertNoStackTrace(Result r) {
        String all = r.stdout + r.stderr;
        assertFalse(all.contains("\tat ") || all.contains("Exception") || all.contains("internal error"),
                "a stack trace:\n" + all);
    }

    /** A tree the tree CLI accepts: a top Makefile with the version, Kconfig and arch/x86/Kconfig. */
    private Path tree(Map<String, String> overrides) {
        Path tree = root.resolve("tree");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Makefile", "VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 0\nEXTRAVERSION =\n");
        files.put("Kconfig", "config N\n\tint \"n\"\n\trange 1 10\n\tdefault 5\n\nconfig A\n\tbool \"a\"\n\n"
                + "source \"arch/x86/Kconfig\"\n");
        files.put("arch/x86/Kconfig", "config X86\n\tdef_bool y\n");
        files.putAll(overrides);
        write(tree, files);
        return tree;
    }

    private Result kforge(Path cwd, Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(scrubbedEnvironment());
        env.putAll(extraEnv);
        return run(kforgeCommand(args), cwd, env);
    }

    private static List<String> kforgeCommand(String... args) {
        return CliRun.processCommand(args);
    }

    /** The caller's environment without the variables that would change what conf or kforge do. */
    private static Map<String, String> scrubbedEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(name -> name.startsWith("KCONFIG_") || name.startsWith("KBUILD_")
                || List.of("ARCH", "SRCARCH", "CROSS_COMPILE", "SUBARCH", "LLVM", "srctree", "objtree",
                        "CONFIG_", "MAKEFLAGS", "MAKELEVEL").contains(name));
        return env;
    }

    private Result run(List<String> command, Path cwd, Map<String, String> env) {
        Path out = root.resolve("run.stdout");
        Path err = root.resolve("run.stderr");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("did not finish: " + command);
            }
            Result r = new Result(process.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path base, Map<String, String> contents) {
        try {
            for (Map.Entry<String, String> e : contents.entrySet()) {
                Path p = base.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
