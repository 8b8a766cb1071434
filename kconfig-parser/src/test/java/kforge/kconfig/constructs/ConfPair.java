package kforge.kconfig.constructs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kforge.kconfig.KconfigLoader;
import kforge.kconfig.conf.GlibcRandom;
import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.conf.ConfRunner;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.io.ConfSettings;
import kforge.kconfig.model.Kconfig;
import kforge.kconfig.testing.ExternalConf;
import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceKernel;

/**
 * Runs one small Kconfig fixture through both the kernel's own scripts/kconfig/conf (the oracle) and
 * kforge's engine in-process, each in a working directory of its own, so a test is just fixture text,
 * a mode and a comparison.
 *
 * <p>Layout under the given directory: {@code src/} is srctree and holds the Kconfig files,
 * {@code conf/} and {@code kforge/} are the two working directories (the object trees); files given with
 * {@link #workFile} (a starting .config, all.config, ...) are copied into both.
 * Both see the same small environment: PATH, LC_ALL=C, srctree and whatever the test adds.
 *
 * <p>The oracle is a {@link ReferenceKernel}'s conf, or a conf built from another release ({@link #oracle});
 * with {@code -Dkforge.release.conf} and {@code -Dkforge.release} given, that external conf is the default
 * oracle of every fixture that names no kernel, so the construct tests can be run against it.
 */
final class ConfPair {
    /** The kernels' conf for the host; each built once per cache and reused by every test and JVM. */
    private static final Map<ReferenceKernel, Path> CONF_BINARIES = new java.util.concurrent.ConcurrentHashMap<>();

    private final Path root;
    private final Path srctree;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, String> workFiles = new LinkedHashMap<>();
    private final Map<String, String> workSymlinks = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String stdin = "";
    /** Whose conf is the oracle, and whose dialect kforge speaks: Linux 6.1 unless a test says otherwise. */
    private ReferenceKernel kernel = ReferenceKernel.LINUX_6_1;
    private Dialect dialectOverride;
    /** A conf from outside the repository (another release's), instead of the kernel's; null for none. */
    private ExternalConf external;

    private ConfPair(Path root) {
        this.root = root;
        this.srctree = root.resolve("src");
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("LC_ALL", "C");
        environment.put("srctree", srctree.toString());
        ExternalConf.configured().ifPresent(this::oracle);
    }

    /** A fixture rooted in a test's temporary directory. */
    static ConfPair in(Path tempDir) {
        return new ConfPair(tempDir);
    }

    /** The common case: a single top-level Kconfig. */
    static ConfPair kconfig(Path tempDir, String text) {
        return in(tempDir).file("Kconfig", text);
    }

    /** Runs one Kconfig text in one mode through both and asserts they agree; returns conf's outcome. */
    static Outcome same(Path tempDir, String kconfig, ConfMode mode) {
        return kconfig(tempDir, kconfig).runSame(mode);
    }

    /** A fixture file from src/test/resources/constructs. */
    static String resource(String name) {
        try (java.io.InputStream in = ConfPair.class.getResourceAsStream("/constructs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource /constructs/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A file of the kernel's own Kconfig tests, {@code scripts/kconfig/tests/<relativePath>}, read from the
     * reference tree at test time: those fixtures are the kernel's (GPL) files and are never copied here.
     */
    static String kernelTest(String relativePath) {
        return kernelTest(ReferenceKernel.LINUX_6_1, relativePath);
    }

    /** A file of one reference kernel's own Kconfig tests. */
    static String kernelTest(ReferenceKernel kernel, String relativePath) {
        Path file = kernel.tree().resolve("scripts/kconfig/tests").resolve(relativePath);
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kernel's Kconfig test file " + file, e);
        }
    }

    /** A fixture whose top-level Kconfig is the kernel's {@code scripts/kconfig/tests/<testCase>/Kconfig}. */
    static ConfPair kernelKconfig(Path tempDir, String testCase) {
        return in(tempDir).kernelFile("Kconfig", testCase + "/Kconfig");
    }

    /** The same for another kernel's test case, compared with that kernel's conf. */
    static ConfPair kernelKconfig(Path tempDir, ReferenceKernel kernel, String testCase) {
        return in(tempDir).kernel(kernel).file("Kconfig", kernelTest(kernel, testCase + "/Kconfig"));
    }

    static Path confBinary() {
        return confBinary(ReferenceKernel.LINUX_6_1);
    }

    static Path confBinary(ReferenceKernel kernel) {
        return CONF_BINARIES.computeIfAbsent(kernel, k -> Oracle.confBinary(k, "x86_64", null));
    }

    /** Run kforge in this dialect instead of the kernel's (for releases without a reference tree). */
    ConfPair dialect(Dialect kforgeDialect) {
        this.dialectOverride = kforgeDialect;
        return this;
    }

    /**
     * Compare with this kernel's conf, and run kforge in that kernel's dialect. A conf that still dates
     * .config (before 3.2) runs with KCONFIG_NOTIMESTAMP=1, so the two files compare byte for byte.
     */
    ConfPair kernel(ReferenceKernel reference) {
        if (external != null) {
            dialectOverride = null;
            environment.remove("KCONFIG_NOTIMESTAMP");
            external = null;
        }
        this.kernel = reference;
        timestampsOff(reference.dialect());
        return this;
    }

    /** Compare with a conf built from another release, and run kforge in that release's dialect. */
    ConfPair oracle(ExternalConf conf) {
        this.external = conf;
        this.dialectOverride = conf.dialect();
        timestampsOff(conf.dialect());
        return this;
    }

    /** A conf that still dates .config (before 3.2) runs with KCONFIG_NOTIMESTAMP=1. */
    private void timestampsOff(Dialect dialect) {
        if (!dialect.has(KconfigChange.CONFIG_HEADER_DO_NOT_EDIT)) {
            environment.put("KCONFIG_NOTIMESTAMP", "1");
        }
    }

    /** Runs without KCONFIG_NOTIMESTAMP (conf before 3.2 then writes the date into .config). */
    ConfPair withTimestamp() {
        environment.remove("KCONFIG_NOTIMESTAMP");
        return this;
    }

    /** A Kconfig (or other) file under srctree. */
    ConfPair file(String relativePath, String text) {
        files.put(relativePath, text);
        return this;
    }

    /** A file under srctree taken from the kernel's Kconfig tests (see {@link #kernelTest}). */
    ConfPair kernelFile(String relativePath, String kernelTestPath) {
        return file(relativePath, kernelTest(kernelTestPath));
    }

    /** A file in both working directories, e.g. a starting ".config" or "all.config". */
    ConfPair workFile(String relativePath, String text) {
        workFiles.put(relativePath, text);
        return this;
    }

    /** A symbolic link in both working directories, e.g. a .config that points elsewhere. */
    ConfPair workSymlink(String relativePath, String target) {
        workSymlinks.put(relativePath, target);
        return this;
    }

    /** The starting .config for modes that read one (olddefconfig, savedefconfig, listnewconfig). */
    ConfPair dotConfig(String text) {
        return workFile(".config", text);
    }

    ConfPair env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** What both read on stdin (answers for oldconfig); empty by default, like /dev/null. */
    ConfPair stdin(String text) {
        this.stdin = text;
        return this;
    }

    /** Runs a mode that needs no file argument. */
    Both run(ConfMode mode) {
        return run(mode, mode == ConfMode.SAVEDEFCONFIG ? "defconfig" : null);
    }

    /** Runs the mode on both, each in a fresh working directory; {@code file} is defconfig's argument. */
    Both run(ConfMode mode, String file) {
        writeAll(srctree, files);
        Path confDir = freshWorkDirectory("conf");
        Path kforgeDir = freshWorkDirectory("kforge");
        return dumped(new Both(runConf(mode, file, confDir), runKforge(mode, file, kforgeDir)));
    }

    /** Runs only the oracle on this fixture. */
    Outcome runConf(ConfMode mode) {
        writeAll(srctree, files);
        String file = mode == ConfMode.SAVEDEFCONFIG ? "defconfig" : null;
        return runConf(mode, file, freshWorkDirectory("conf"));
    }

    /** Runs only kforge on this fixture. */
    Outcome runKforge(ConfMode mode) {
        writeAll(srctree, files);
        String file = mode == ConfMode.SAVEDEFCONFIG ? "defconfig" : null;
        return runKforge(mode, file, freshWorkDirectory("kforge"));
    }

    /**
     * kforge's engine after reading this .config (e.g. the one conf wrote), as "kforge set" and "kforge why"
     * are before they act; in a working directory of its own.
     */
    Evaluator kforgeAfterReading(String dotConfig) {
        writeAll(srctree, files);
        Path cwd = freshWorkDirectory("kforge-reading");
        writeAll(cwd, Map.of(".config", dotConfig));
        Map<String, String> env = Map.copyOf(environment);
        Dialect dialect = dialectOverride != null ? dialectOverride : kernel.dialect();
        Kconfig kconfig = KconfigLoader.create().topFile("Kconfig").srctree(srctree).workingDirectory(cwd)
                .environment(env).dialect(dialect).reporter(Reporter.silent()).confWording(true).load();
        Evaluator evaluator = new Evaluator(kconfig, Reporter.silent());
        new kforge.kconfig.io.ConfigReader(evaluator, new ConfSettings(env, cwd, srctree, true)).read(null);
        return evaluator;
    }

    /**
     * For kforge's extensions, which conf does not know: kforge runs this fixture, conf runs an
     * equivalent one written with plain kernel syntax (which must live under a different directory).
     */
    Both runAgainst(ConfPair equivalentForConf, ConfMode mode) {
        // The trees differ in their file names, so auto.conf.cmd's list of Kconfig files must too.
        return dumped(new Both(equivalentForConf.runConf(mode).withoutDependencyList(),
                runKforge(mode).withoutDependencyList()));
    }

    /** With -Dkforge.constructs.dump=true, every pair of outcomes is printed, to inspect what a test compares. */
    private static Both dumped(Both both) {
        if (Boolean.getBoolean("kforge.constructs.dump")) {
            System.out.println("---- conf:   " + both.conf() + "\n---- kforge: " + both.kforge());
        }
        return both;
    }

    /** Runs the mode and asserts that conf and kforge agree on everything observable. */
    Outcome runSame(ConfMode mode) {
        Both both = run(mode);
        both.assertSame();
        return both.conf();
    }

    private Path freshWorkDirectory(String name) {
        Path dir = root.resolve(name);
        try {
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeAll(dir, workFiles);
        try {
            for (Map.Entry<String, String> link : workSymlinks.entrySet()) {
                Files.createSymbolicLink(dir.resolve(link.getKey()), Path.of(link.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static void writeAll(Path base, Map<String, String> contents) {
        try {
            Files.createDirectories(base);
            for (Map.Entry<String, String> e : contents.entrySet()) {
                Path p = base.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Outcome runConf(ConfMode mode, String file, Path cwd) {
        Path binary = external != null ? external.conf() : confBinary(kernel);
        boolean shortOnly = external != null ? external.hasOnlyShortConfOptions() : kernel.hasOnlyShortConfOptions();
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        if (!shortOnly) {
            command.add("--" + mode.option());
            if (file != null) {
                command.add(file);
            }
        } else {
            command.addAll(shortOptions(mode, file));
        }
        command.add("Kconfig");
        Path outFile = root.resolve("conf.stdout");
        Path errFile = root.resolve("conf.stderr");
        Path inFile = root.resolve("conf.stdin");
        try {
            Files.writeString(inFile, stdin, StandardCharsets.ISO_8859_1);
            ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile())
                    .redirectInput(inFile.toFile())
                    .redirectOutput(outFile.toFile())
                    .redirectError(errFile.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("conf did not finish: " + command);
            }
            return Outcome.collect(process.exitValue(), read(outFile), read(errFile), cwd, mode, file,
                    environment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** conf's command line before 2.6.36, as that scripts/kconfig/Makefile writes it for each target. */
    private static List<String> shortOptions(ConfMode mode, String file) {
        switch (mode) {
            case OLDASKCONFIG: return List.of();
            case OLDCONFIG: return List.of("-o");
            case SYNCCONFIG: return List.of("-s");
            case ALLNOCONFIG: return List.of("-n");
            case ALLYESCONFIG: return List.of("-y");
            case ALLMODCONFIG: return List.of("-m");
            case RANDCONFIG: return List.of("-r");
            case DEFCONFIG: return file == null ? List.of("-d") : List.of("-D", file);
            default: throw new IllegalArgumentException("conf before 2.6.36 has no " + mode.option());
        }
    }

    /**
     * kforge's parse of this fixture for a search over it (kforge fix), working in a directory of its own
     * with the fixture's work files; its .config is {@code kforge-session/.config}.
     */
    kforge.kconfig.fix.TreeSession kforgeSession() {
        writeAll(srctree, files);
        Path cwd = freshWorkDirectory("kforge-session");
        Dialect dialect = dialectOverride != null ? dialectOverride : kernel.dialect();
        Map<String, String> env = Map.copyOf(environment);
        Kconfig kconfig = KconfigLoader.create().topFile("Kconfig").srctree(srctree).workingDirectory(cwd)
                .environment(env).dialect(dialect).reporter(Reporter.silent()).confWording(true).load();
        return new kforge.kconfig.fix.TreeSession(kconfig, env, srctree, "fixture");
    }

    /** What "kforge conf" does (app's ConfCompat), minus option parsing. */
    private Outcome runKforge(ConfMode mode, String file, Path cwd) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.ISO_8859_1);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.ISO_8859_1);
        Reporter reporter = Reporter.to(out, err);
        Map<String, String> env = Map.copyOf(environment);
        int exit;
        try {
            ConfSettings settings = new ConfSettings(env, cwd, srctree, false);
            // As ConfCompat does (and conf): the seed is drawn and printed before parsing.
            Dialect dialect = dialectOverride != null ? dialectOverride : kernel.dialect();
            GlibcRandom random = mode == ConfMode.RANDCONFIG ? ConfRunner.seededRandom(settings, out, err, dialect)
                    : null;
            Kconfig kconfig = KconfigLoader.create().topFile("Kconfig").srctree(srctree).workingDirectory(cwd)
                    .environment(env).dialect(dialect).reporter(reporter).confWording(true).load();
            Evaluator evaluator = new Evaluator(kconfig, reporter);
            BufferedReader in = new BufferedReader(new EndlessEofGuard(stdin));
            ConfRunner runner = new ConfRunner(kconfig, evaluator, settings, out, in, false);
            if (random != null) {
                runner.useRandom(random);
            }
            runner.writeAutoconf(true);
            exit = runner.run(mode, file);
        } catch (KconfigException e) {
            // ConfCompat prints a user's fault as its message alone and exits 1, as conf does.
            err.println(e.getMessage());
            exit = 1;
        }
        out.flush();
        err.flush();
        return Outcome.collect(exit, outBytes.toString(StandardCharsets.ISO_8859_1),
                errBytes.toString(StandardCharsets.ISO_8859_1), cwd, mode, file, environment);
    }

    /**
     * stdin for kforge. conf asks again forever when input has ended and the default answer is invalid
     * (an int without a valid default); this stops such a loop in kforge instead of hanging the build.
     */
    private static final class EndlessEofGuard extends java.io.Reader {
        private final StringReader text;
        private int readsAtEof;

        EndlessEofGuard(String text) {
            this.text = new StringReader(text);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = text.read(buffer, offset, length);
            if (n < 0 && ++readsAtEof > 10_000) {
                throw new IllegalStateException("kforge keeps asking after the end of input (conf would too)");
            }
            return n;
        }

        @Override
        public void close() {
            text.close();
        }
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : null;
    }

    /**
     * What one tool left behind: exit status, stdout, stderr, the .config it wrote (null when none), for
     * savedefconfig the defconfig, and every file in its working directory (.config.old, KCONFIG_CONFIG
     * targets, include/config/auto.conf and the other files Kbuild reads, ...; a symbolic link as
     * "symbolic link to TARGET"); {@code include} repeats those under include/.
     */
    record Outcome(int exit, String stdout, String stderr, String config, String defconfig,
                   Map<String, String> files, Map<String, String> include) {
        static Outcome collect(int exit, String stdout, String stderr, Path cwd, ConfMode mode, String file,
                               Map<String, String> environment) {
            Map<String, String> files = new java.util.TreeMap<>();
            Map<String, String> include = new java.util.TreeMap<>();
            try (var walk = Files.walk(cwd)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    String name = cwd.relativize(p).toString();
                    if (Files.isSymbolicLink(p)) {
                        files.put(name, "symbolic link to " + Files.readSymbolicLink(p));
                    } else if (Files.isRegularFile(p)) {
                        String text = Files.readString(p, StandardCharsets.ISO_8859_1);
                        files.put(name, text);
                        if (name.startsWith("include/")) {
                            include.put(name, text);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String configName = environment.getOrDefault("KCONFIG_CONFIG", ".config");
            String defconfig = mode == ConfMode.SAVEDEFCONFIG && file != null ? files.get(file) : null;
            return new Outcome(exit, stdout, stderr, files.get(configName), defconfig, files, include);
        }

        /** The same outcome without include/config/auto.conf.cmd, which names the Kconfig files read. */
        Outcome withoutDependencyList() {
            Map<String, String> f = new java.util.TreeMap<>(files);
            Map<String, String> i = new java.util.TreeMap<>(include);
            f.remove("include/config/auto.conf.cmd");
            i.remove("include/config/auto.conf.cmd");
            return new Outcome(exit, stdout, stderr, config, defconfig, f, i);
        }

        /** Whether the .config holds this exact line. */
        boolean has(String line) {
            return config != null && config.lines().anyMatch(line::equals);
        }
    }

    /** The oracle's and kforge's outcomes side by side. */
    record Both(Outcome conf, Outcome kforge) {
        /** Same exit status, same bytes in .config (and defconfig), same stdout and stderr. */
        Both assertSame() {
            assertSameConfig();
            assertEquals(conf.stdout(), kforge.stdout(), "stdout");
            assertEquals(conf.stderr(), kforge.stderr(), "stderr");
            return this;
        }

        /** Same exit status and same written files; messages not compared. */
        Both assertSameConfig() {
            assertEquals(conf.exit(), kforge.exit(), () -> "exit status; conf stderr: " + conf.stderr()
                    + "\nkforge stderr: " + kforge.stderr());
            assertEquals(conf.config(), kforge.config(), ".config");
            assertEquals(conf.defconfig(), kforge.defconfig(), "defconfig");
            assertEquals(conf.files(), kforge.files(), "files in the working directory");
            return this;
        }

        /** The oracle wrote a .config (guards against a fixture that both tools reject alike). */
        Both assertConfWrote() {
            assertEquals(0, conf.exit(), () -> "conf failed: " + conf.stderr());
            assertTrue(conf.config() != null, "conf wrote no .config");
            return this;
        }
    }
}
