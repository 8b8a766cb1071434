package kforge.kconfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import kforge.kconfig.cache.CacheEntry;
import kforge.kconfig.cache.ModelCodec;
import kforge.kconfig.cache.ParseCache;
import kforge.kconfig.diag.RecordingReporter;
import kforge.kconfig.diag.Trace;
import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.preprocess.PrefetchingShellRunner;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.lex.SourceResolver;
import kforge.kconfig.menu.ChoiceMembers;
import kforge.kconfig.menu.DependencyChecker;
import kforge.kconfig.menu.MenuBuilder;
import kforge.kconfig.menu.MenuFinalizer;
import kforge.kconfig.model.Kconfig;
import kforge.kconfig.model.Menu;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.PropertyType;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolTable;
import kforge.kconfig.parse.KconfigParsing;
import kforge.kconfig.parse.ShellScout;
import kforge.kconfig.preprocess.ProcessShellRunner;
import kforge.kconfig.preprocess.ShellRunner;

/**
 * Loads a Kconfig tree the way conf_parse does: scan and parse every file, build the menus, finalize them
 * and check for recursive dependencies. A fault stops loading with a {@link KconfigException}.
 */
public final class KconfigLoader {
    private String topFile = "Kconfig";
    private Path srctree;
    private Path workingDirectory;
    private Map<String, String> environment = Map.of();
    private ShellRunner shell;
    private Reporter reporter = Reporter.console();
    private ParseCache cache;
    private boolean confWording;
    private Dialect dialect = Dialect.BASELINE;

    public static KconfigLoader create() {
        return new KconfigLoader();
    }

    /** The top Kconfig file, relative to the working directory or srctree ("Kconfig" by default). */
    public KconfigLoader topFile(String name) {
        this.topFile = name;
        return this;
    }

    public KconfigLoader srctree(Path dir) {
        this.srctree = dir;
        return this;
    }

    /** Where names are looked up first and $(shell,...) runs: conf's working directory (the object tree). */
    public KconfigLoader workingDirectory(Path dir) {
        this.workingDirectory = dir;
        return this;
    }

    /** The environment conf would see (see KernelEnvironment). */
    public KconfigLoader environment(Map<String, String> env) {
        this.environment = env;
        return this;
    }

    public KconfigLoader shell(ShellRunner runner) {
        this.shell = runner;
        return this;
    }

    public KconfigLoader reporter(Reporter r) {
        this.reporter = r;
        return this;
    }

    /**
     * Word syntax errors exactly as conf does (bison's "syntax error" on the next line, then "invalid
     * statement"), for the conf-compatible mode; by default kforge names the unexpected token instead.
     */
    public KconfigLoader confWording(boolean enabled) {
        this.confWording = enabled;
        return this;
    }

    /** The release whose Kconfig language to parse and whose conf to imitate (the 6.1 baseline by default). */
    public KconfigLoader dialect(Dialect kernelDialect) {
        this.dialect = kernelDialect;
        return this;
    }

    /** Keep parsed trees between runs in this cache (validated on every use); null for none. */
    public KconfigLoader cache(ParseCache parseCache) {
        this.cache = parseCache;
        return this;
    }

    public Kconfig load() {
        ShellRunner runner = shell != null ? shell : new ProcessShellRunner(StandardCharsets.ISO_8859_1);
        SourceResolver resolver = new SourceResolver(workingDirectory, srctree);
        String key = cache == null ? null : cache.key(srctree, topFile, environment);
        CacheEntry entry = key == null ? null : cache.read(key);
        Trace.mark(entry == null ? "loader: no cache entry" : "loader: cache entry read");
        if (entry != null && !entry.environmentUnchanged(environment)) {
            entry = null;
        }
        // The commands a previous parse ran start at once; even when the files have changed since,
        // the parse that follows will mostly need the same ones.
        List<String> expected = entry == null ? List.of() : entry.commands();
        try (PrefetchingShellRunner shells = new PrefetchingShellRunner(runner, expected, environment,
                workingDirectory)) {
            if (entry != null) {
                CacheEntry hit = entry;
                CompletableFuture<Kconfig> decoded = CompletableFuture.supplyAsync(
                        () -> ModelCodec.decode(hit.model().bytes()));
                boolean filesSame = entry.filesUnchanged(resolver);
                Trace.mark("loader: files checked");
                if (filesSame && shells.reproduces(entry.shellCalls())) {
                    Trace.mark("loader: shell results checked");
                    Kconfig cached = decodedOrNull(decoded);
                    Trace.mark("loader: model decoded");
                    if (cached != null && cached.dialect().release().equals(dialect.release())) {
                        RecordingReporter.replay(entry.messages(), reporter);
                        return cached;
                    }
                }
            }
            if (expected.isEmpty() && dialect.has(KconfigChange.PREPROCESSOR)) {
                // Nothing foreseen: a scout reads ahead and starts the probes while the parse scans.
                ShellScout.startAhead(topFile, resolver, environment, shells);
            }
            RecordingReporter recording = new RecordingReporter(reporter);
            SourceResolver fresh = new SourceResolver(workingDirectory, srctree);
            KconfigParsing.Result parsed = KconfigParsing.parse(topFile, fresh, environment, shells, recording,
                    confWording, dialect);
            Kconfig kconfig = build(parsed, recording);
            if (key != null && !parsed.usedGlob()) {
                cache.write(key, new CacheEntry(fresh.resolutions(), parsed.environmentQueried(), shells.calls(),
                        recording.messages(), CacheEntry.ModelSource.of(ModelCodec.encode(kconfig))));
            }
            return kconfig;
        }
    }

    /** A damaged model file only costs a parse. */
    private static Kconfig decodedOrNull(CompletableFuture<Kconfig> decoded) {
        try {
            return decoded.join();
        } catch (java.util.concurrent.CompletionException e) {
            return null;
        }
    }

    private Kconfig build(KconfigParsing.Result parsed, Reporter reporter) {
        SymbolTable symbols = new SymbolTable(dialect);
        MenuBuilder builder = new MenuBuilder(symbols, reporter, environment, dialect);
        builder.build(parsed.tree());
        builder.finish(reporter);
        Symbol modules = builder.modulesSymbol() != null ? builder.modulesSymbol()
                // Before 2.6.36 conf_parse gave the hidden modules symbol "default MODULES" when no symbol
                // had 'option modules'.
                : dialect.has(KconfigChange.NO_MODULES_FALLBACK) ? symbols.find("n") : symbols.lookup("MODULES", 0);
        Menu root = builder.rootMenu();
        if (root.prompt == null) {
            Property prompt = new Property(PropertyType.MENU, root.location, root, null, null);
            prompt.text = "Main menu";
            root.prompt = prompt;
        }
        MenuFinalizer finalizer = new MenuFinalizer(symbols, reporter, dialect);
        finalizer.setModulesSymbol(modules);
        finalizer.finalizeMenu(root);
        checkDependencies(symbols, root);
        return new Kconfig(symbols, root, modules, parsed.files(), parsed.environmentUsed(), dialect);
    }

    /**
     * Symbols in hash order, or since 6.9 the menu entries in the order they were parsed; since 6.10 each
     * choice's members are also checked for defaults and stray prompts there.
     */
    private void checkDependencies(SymbolTable symbols, Menu root) {
        DependencyChecker checker = new DependencyChecker(dialect);
        boolean failed = false;
        if (dialect.has(KconfigChange.RECURSIVE_DEP_PARSE_ORDER)) {
            boolean memberErrors = dialect.has(KconfigChange.CHOICE_MEMBER_ERRORS);
            for (Menu menu = root; menu != null; menu = menu.following(null)) {
                if (menu.sym != null && checker.check(menu.sym) != null) {
                    failed = true;
                }
                if (memberErrors && menu.sym != null && menu.sym.isChoice() && !ChoiceMembers.checkSanity(menu,
                        checker::note)) {
                    failed = true;
                }
            }
        } else {
            for (Symbol sym : symbols.inHashOrder()) {
                if (checker.check(sym) != null) {
                    failed = true;
                }
            }
        }
        if (failed) {
            String report = checker.report();
            throw new KconfigException(report.endsWith("\n") ? report.substring(0, report.length() - 1) : report);
        }
    }
}
