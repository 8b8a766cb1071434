package kforge.app.gui.model;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kforge.kconfig.ConfigEngine;
import kforge.kconfig.KconfigLoader;
import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.conf.ConfRunner;
import kforge.kconfig.conf.SymbolAssignments;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.env.KernelVersion;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.fix.FixOutcome;
import kforge.kconfig.fix.FixSearch;
import kforge.kconfig.fix.TreeSession;
import kforge.kconfig.io.ConfSettings;
import kforge.kconfig.io.ConfigReader;
import kforge.kconfig.io.ConfigWriter;
import kforge.kconfig.model.Kconfig;
import kforge.kconfig.model.Symbol;

/**
 * One opened tree and the configuration being edited, on the engine side: the parsed Kconfig, its
 * evaluator and the .config file. Only the engine thread touches it. Reading and writing go through the
 * same classes as conf and "kforge set", so what the editor saves is what those would write.
 */
public final class ConfigSession {
    private final OpenRequest request;
    private final Kconfig kconfig;
    private Evaluator evaluator;
    private final Reporter.Collecting messages;
    private final Map<String, String> environment;
    private final Path srctree;
    private final String kernelVersion;
    private Path configFile;

    private ConfigSession(OpenRequest request, Kconfig kconfig, Evaluator evaluator, Reporter.Collecting messages,
                          Map<String, String> environment, Path srctree, String kernelVersion) {
        this.request = request;
        this.kconfig = kconfig;
        this.evaluator = evaluator;
        this.messages = messages;
        this.environment = environment;
        this.srctree = srctree;
        this.kernelVersion = kernelVersion;
        this.configFile = request.configFile().toAbsolutePath();
    }

    /** {@link #open(OpenRequest, Map)} in this process's environment, as make would be started from it. */
    public static ConfigSession open(OpenRequest request) {
        return open(request, System.getenv());
    }

    /**
     * Parses the tree (or the bundled sample) and reads the .config as menuconfig does on start.
     * {@code baseEnvironment} is the one make would be started with (KCONFIG_NOTIMESTAMP, CC, ...).
     */
    public static ConfigSession open(OpenRequest request, Map<String, String> baseEnvironment) {
        Reporter.Collecting messages = new Reporter.Collecting();
        Path configFile = request.configFile().toAbsolutePath();
        ConfigSession session;
        if (request.isSample()) {
            Path dir = SampleTree.extract();
            Kconfig kconfig = KconfigLoader.create().topFile("Kconfig").srctree(dir).workingDirectory(dir)
                    .environment(Map.of()).reporter(messages).load();
            session = new ConfigSession(request, kconfig, new Evaluator(kconfig, messages), messages,
                    Map.of(), dir, null);
            if (!Files.exists(configFile)) {
                session.makeDefconfig(SampleTree.DEFCONFIG, configFile);
            }
        } else {
            requireKernelTree(request.tree());
            ConfigEngine engine = ConfigEngine.open(request.tree(), request.arch(), request.crossCompile(),
                    configFile.getParent(), baseEnvironment, messages);
            session = new ConfigSession(request, engine.kconfig(), engine.freshEvaluator(), messages,
                    engine.environment().variables(), engine.environment().srctree(),
                    engine.environment().kernelVersion());
        }
        session.read(configFile);
        return session;
    }

    /**
     * Refuses a directory that is not a kernel tree before anything is parsed or a window opens. A kernel tree
     * has a top Makefile that gives its version; since 2.6.37 a top-level Kconfig too, before that the Kconfig
     * starts in arch/$SRCARCH (FriendlyARM's 2.6.32 BSP, say), so one of those must be there.
     */
    public static void requireKernelTree(Path tree) {
        if (!Files.isDirectory(tree)) {
            throw new KconfigException(tree + ": no such directory");
        }
        Path makefile = tree.resolve("Makefile");
        if (!Files.isRegularFile(makefile)) {
            throw new KconfigException(tree + ": not a kernel tree (no Makefile there)");
        }
        KernelVersion version;
        try {
            version = KernelVersion.read(makefile);
        } catch (KconfigException e) {
            throw new KconfigException(tree + ": not a kernel tree (" + e.getMessage() + ")");
        }
        if (Dialect.of(version.release()).has(KconfigChange.TOP_LEVEL_KCONFIG)) {
            if (!Files.isRegularFile(tree.resolve("Kconfig"))) {
                throw new KconfigException(tree + ": not a kernel tree (no Kconfig file there, and its Makefile"
                        + " says Linux " + version.kernelVersion() + ")");
            }
        } else if (!hasArchKconfig(tree)) {
            throw new KconfigException(tree + ": not a kernel tree (its Makefile says Linux " + version.kernelVersion()
                    + ", which starts at arch/$SRCARCH/Kconfig, but no arch/*/Kconfig is there)");
        }
    }

    private static boolean hasArchKconfig(Path tree) {
        try (var archs = Files.list(tree.resolve("arch"))) {
            return archs.anyMatch(arch -> Files.isRegularFile(arch.resolve("Kconfig")));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** What "make NAME" does for a defconfig: a complete .config from it, written to file. */
    void makeDefconfig(String defconfig, Path file) {
        new ConfRunner(kconfig, evaluator, settings(file), new PrintStream(OutputStream.nullOutputStream()), null,
                false).run(ConfMode.DEFCONFIG, defconfig);
    }

    public OpenRequest request() {
        return request;
    }

    public Kconfig kconfig() {
        return kconfig;
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    public Path configFile() {
        return configFile;
    }

    public Path srctree() {
        return srctree;
    }

    /** As 'make kernelversion' prints it (6.12.117, 2.6.32.2); null for the sample tree. */
    public String kernelVersion() {
        return kernelVersion;
    }

    /** The Kconfig dialect the tree is read in; null for the sample tree, which is no kernel release. */
    public Dialect dialect() {
        return request.isSample() ? null : kconfig.dialect();
    }

    /** Warnings and messages the engine printed (conf's stderr and stdout lines). */
    public List<String> messages() {
        List<String> all = new java.util.ArrayList<>(messages.errLines());
        all.addAll(messages.outLines());
        return all;
    }

    public ConfSettings settings(Path file) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("KCONFIG_CONFIG", file.toAbsolutePath().toString());
        return new ConfSettings(env, file.toAbsolutePath().getParent(), srctree, true);
    }

    /**
     * conf_read on a fresh state: the file's values (or, when it does not exist, the defaults conf would
     * start from) become the configuration being edited.
     */
    public void read(Path file) {
        kconfig.resetEvaluationState();
        evaluator = new Evaluator(kconfig, messages);
        new ConfigReader(evaluator, settings(file)).read(null);
        configFile = file.toAbsolutePath();
    }

    /** conf_write to file (atomically, keeping file.old); the edited file becomes file. */
    public void write(Path file) {
        new ConfigWriter(evaluator, settings(file)).write(null);
        configFile = file.toAbsolutePath();
    }

    /** savedefconfig: only what differs from the defaults. */
    public void writeMinimal(Path file) {
        new ConfigWriter(evaluator, settings(file)).writeDefconfig(file.toAbsolutePath().toString());
    }

    /** The .config text the current state would be saved as. */
    public String render() {
        return new ConfigWriter(evaluator, settings(configFile)).render();
    }

    /**
     * "Make it so": fixes that give sym the value, found and verified on a copy of the state being edited;
     * the search uses the parsed tree's evaluation state, so the edits are read back in after it.
     */
    public FixOutcome findFixes(Symbol sym, String value) {
        String current = render();
        Path scratch = scratchFile();
        try {
            Files.writeString(scratch, current, StandardCharsets.ISO_8859_1);
            TreeSession tree = new TreeSession(kconfig, environment, srctree, request.arch());
            return FixSearch.on(tree).config(scratch).want(sym.name() + "=" + value).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(scratch);
            replaceWith(current);
        }
    }

    /** The state becomes what this .config text says, as if it were loaded; the file being edited stays. */
    public void replaceWith(String configText) {
        Path scratch = scratchFile();
        try {
            Files.writeString(scratch, configText, StandardCharsets.ISO_8859_1);
            kconfig.resetEvaluationState();
            evaluator = new Evaluator(kconfig, messages);
            new ConfigReader(evaluator, settings(scratch)).read(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(scratch);
        }
    }

    private Path scratchFile() {
        try {
            return Files.createTempFile(configFile.getParent(), ".kforge-fix", ".config");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path scratch) {
        try {
            Files.deleteIfExists(scratch);
        } catch (IOException ignored) {
            // A leftover scratch file beside the .config is harmless; the next search makes another.
        }
    }

    /** Sets a symbol as "kforge set" does; returns why it cannot be taken, or null. */
    public String assign(Symbol sym, String value) {
        return new SymbolAssignments(evaluator, settings(configFile).configPrefix()).assign(sym, value);
    }
}
