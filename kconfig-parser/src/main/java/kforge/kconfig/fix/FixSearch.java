package kforge.kconfig.fix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import kforge.kconfig.ConfigEngine;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.io.ConfSettings;
import kforge.kconfig.io.ConfigReader;
import kforge.kconfig.model.Symbol;

/**
 * Finds the fewest user-value changes that give symbols the values wanted, as a command object:
 * {@code FixSearch.on(engine).config(file).want("FOO=y").keep("BAR").call()}. The tree's rules become
 * propositional logic ({@link KconfigEncoding}) for Sat4j; fixes are enumerated by size, each one
 * excluding every superset of those before it (so each is minimal), and every one the engine itself
 * verifies before it is returned.
 */
public final class FixSearch {
    private static final long STACK_BYTES = 512L * 1024 * 1024;
    /** Candidates the engine may refuse before the search gives up: the logic and the engine disagree. */
    private static final int MAX_REJECTED = 10;
    private static final int SUBSETS_CHECKED_UP_TO = 3;

    private final TreeSession tree;
    private Path configFile;
    private final List<String> wantWords = new ArrayList<>();
    private final List<String> keepNames = new ArrayList<>();
    private int maxFixes = 3;
    private int maxChanges = 8;
    private boolean checkMinimality = true;

    private FixSearch(TreeSession tree) {
        this.tree = tree;
    }

    public static FixSearch on(ConfigEngine engine) {
        return new FixSearch(TreeSession.of(engine));
    }

    public static FixSearch on(TreeSession tree) {
        return new FixSearch(tree);
    }

    public FixSearch config(Path file) {
        this.configFile = file;
        return this;
    }

    /** SYMBOL=VALUE, as .config spells the value. */
    public FixSearch want(String assignment) {
        wantWords.add(assignment);
        return this;
    }

    /** A symbol no fix may change. */
    public FixSearch keep(String symbol) {
        keepNames.add(symbol);
        return this;
    }

    public FixSearch maxFixes(int count) {
        this.maxFixes = count;
        return this;
    }

    public FixSearch maxChanges(int count) {
        this.maxChanges = count;
        return this;
    }

    /** Whether the engine also checks that no strict subset of a fix works (on by default). */
    public FixSearch checkMinimality(boolean check) {
        this.checkMinimality = check;
        return this;
    }

    public FixOutcome call() {
        String original = readConfig();
        ConfSettings settings = tree.settings(configFile);
        String prefix = settings.configPrefix();
        Evaluator evaluator = tree.freshEvaluator();
        new ConfigReader(evaluator, settings).readSimple(null, Symbol.S_DEF_USER);
        UserLines lines = UserLines.of(evaluator.kconfig());
        evaluator = tree.freshEvaluator();
        new ConfigReader(evaluator, settings).read(null);
        List<Want> wants = new ArrayList<>();
        for (String word : wantWords) {
            String elsewhere = definedForAnotherArchitecture(word, evaluator, prefix);
            if (elsewhere != null) {
                return new FixOutcome(List.of(), List.of(), elsewhere, false, 0, new FixOutcome.Stats(0, 0, 0, 0, 0, 0));
            }
            wants.add(Want.parse(word, evaluator.kconfig().symbols(), prefix));
        }
        List<Symbol> kept = keptSymbols(evaluator);
        Map<String, String> before = FixVerifier.values(evaluator);
        if (allHold(wants, before)) {
            return new FixOutcome(wants, List.of(), null, true, 0, new FixOutcome.Stats(0, 0, 0, 0, 0, 0));
        }
        Evaluator current = evaluator;
        return onLargeStack(() -> search(current, lines, wants, kept, before, original, prefix));
    }

    /** Why a wanted symbol this architecture's Kconfig lacks is impossible, when another arch/* defines it. */
    private String definedForAnotherArchitecture(String word, Evaluator evaluator, String prefix) {
        int eq = word.indexOf('=');
        String name = eq > 0 ? word.substring(0, eq) : word;
        if (name.startsWith(prefix)) {
            name = name.substring(prefix.length());
        }
        Symbol sym = evaluator.kconfig().symbols().find(name);
        if (sym != null && sym.type != kforge.kconfig.model.SymbolType.UNKNOWN) {
            return null;
        }
        String symbol = name;
        return OtherArchitectures.definitionOf(tree.srctree(), name)
                .map(at -> word + " is impossible: " + symbol + " is defined at " + at
                        + ", which ARCH=" + tree.arch() + " never reads")
                .orElse(null);
    }

    private String readConfig() {
        try {
            return new String(Files.readAllBytes(configFile), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new KconfigException(configFile + ": No such file");
        } catch (IOException e) {
            throw new KconfigException(configFile + ": " + e.getMessage());
        }
    }

    private List<Symbol> keptSymbols(Evaluator evaluator) {
        List<Symbol> kept = new ArrayList<>();
        for (String name : keepNames) {
            Symbol sym = evaluator.kconfig().symbols().find(name);
            if (sym == null || sym.type == kforge.kconfig.model.SymbolType.UNKNOWN) {
                throw new KconfigException(name + ": no such symbol in this tree (--keep)");
            }
            kept.add(sym);
        }
        return kept;
    }

    private static boolean allHold(List<Want> wants, Map<String, String> values) {
        for (Want w : wants) {
            if (!w.value().equals(values.get(w.symbol().name()))) {
                return false;
            }
        }
        return true;
    }

    private FixOutcome search(Evaluator evaluator, UserLines lines, List<Want> wants, List<Symbol> kept,
                              Map<String, String> before, String original, String prefix) {
        long start = System.nanoTime();
        Circuit c = new Circuit();
        Map<Symbol, String> wantedUserValues = new LinkedHashMap<>();
        for (Want w : wants) {
            wantedUserValues.put(w.symbol(), w.value());
        }
        KconfigEncoding encoding = new KconfigEncoding(c, evaluator, lines, wantedUserValues, Set.copyOf(kept));
        List<Integer> goals = new ArrayList<>();
        for (Want w : wants) {
            goals.add(encoding.hasValue(w.symbol(), w.value()));
        }
        for (Symbol sym : kept) {
            c.require(encoding.keepsValue(sym));
        }
        int goal = Circuit.TRUE;
        for (int g : goals) {
            goal = c.and(goal, g);
        }
        List<KconfigEncoding.ChangeVariable> changes = encoding.changes();
        long encoded = System.nanoTime();
        if (!c.solve(goal)) {
            String reason = new Impossibility(c, encoding, evaluator, tree.arch()).explain(wants);
            return outcome(wants, List.of(), reason, 0, encoding, c, start, encoded, System.nanoTime(), 0);
        }
        List<Integer> literals = new ArrayList<>();
        for (KconfigEncoding.ChangeVariable change : changes) {
            literals.add(change.literal());
        }
        ChangeCounter counter = new ChangeCounter(c, literals, maxChanges);
        Path scratch = scratchFile();
        try {
            FixVerifier verifier = new FixVerifier(tree, original, prefix, before, wants, kept, scratch);
            List<Fix> fixes = new ArrayList<>();
            int candidates = 0;
            int rejected = 0;
            long solving = 0;
            long verifying = 0;
            int size = 0;
            while (size <= maxChanges && fixes.size() < maxFixes && rejected < MAX_REJECTED) {
                long t0 = System.nanoTime();
                boolean sat = c.solve(goal, counter.atMost(size));
                solving += System.nanoTime() - t0;
                if (!sat) {
                    size++;
                    continue;
                }
                Candidate found = candidateIn(c, encoding, changes);
                c.clause(found.blockingClause());
                candidates++;
                long t1 = System.nanoTime();
                Fix fix = verifier.verify(found.edits());
                if (fix != null && (!checkMinimality || isMinimal(verifier, found.edits()))) {
                    fixes.add(fix);
                } else {
                    rejected++;
                }
                verifying += System.nanoTime() - t1;
            }
            String reason = fixes.isEmpty() ? noVerifiedFix(candidates, rejected) : null;
            return outcome(wants, fixes, reason, rejected, encoding, c, start, encoded, encoded + solving,
                    encoded + solving + verifying);
        } finally {
            deleteScratch(scratch);
        }
    }

    private String noVerifiedFix(int candidates, int rejected) {
        if (candidates == 0) {
            return "no fix of at most " + maxChanges + " changes exists";
        }
        return "the " + candidates + " candidate fixes of at most " + maxChanges
                + " changes did not hold when the engine checked them (" + rejected + " rejected)";
    }

    private FixOutcome outcome(List<Want> wants, List<Fix> fixes, String reason, int rejected,
                               KconfigEncoding encoding, Circuit c, long start, long encoded, long solved,
                               long verified) {
        FixOutcome.Stats stats = new FixOutcome.Stats(encoding.symbolsEncoded(), c.variables(), c.clauses(),
                (encoded - start) / 1_000_000, (solved - encoded) / 1_000_000,
                verified == 0 ? 0 : (verified - solved) / 1_000_000);
        return new FixOutcome(wants, fixes, reason, false, rejected, stats);
    }

    /**
     * No strict subset of the edits also gives the wanted values, as the engine computes them: every subset
     * for fixes of up to {@value #SUBSETS_CHECKED_UP_TO} changes, and each one-change-less subset of larger
     * ones (2^n engine runs would cost seconds there; the search's order already makes them minimal in logic).
     */
    private static boolean isMinimal(FixVerifier verifier, Map<Symbol, String> edits) {
        List<Map.Entry<Symbol, String>> entries = new ArrayList<>(edits.entrySet());
        int n = entries.size();
        for (int mask = 0; mask < (1 << n) - 1; mask++) {
            if (n > SUBSETS_CHECKED_UP_TO && Integer.bitCount(mask) != n - 1) {
                continue;
            }
            Map<Symbol, String> subset = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    subset.put(entries.get(i).getKey(), entries.get(i).getValue());
                }
            }
            if (verifier.holds(subset)) {
                return false;
            }
        }
        return true;
    }

    /** The change literals the model sets, and the values it gives. */
    private record Candidate(Map<Symbol, String> edits, int[] blockingClause) {
    }

    private static Candidate candidateIn(Circuit c, KconfigEncoding encoding,
                                         List<KconfigEncoding.ChangeVariable> changes) {
        Map<Symbol, String> edits = new LinkedHashMap<>();
        List<Integer> block = new ArrayList<>();
        Set<Symbol> seen = new HashSet<>();
        for (KconfigEncoding.ChangeVariable change : changes) {
            if (c.valueOf(change.literal()) && seen.add(change.symbol())) {
                edits.put(change.symbol(), encoding.newValueIn(change));
                block.add(Circuit.not(change.literal()));
            }
        }
        return new Candidate(edits, block.stream().mapToInt(Integer::intValue).toArray());
    }

    private Path scratchFile() {
        try {
            return Files.createTempFile(configFile.toAbsolutePath().getParent(), ".kforge-fix", ".config");
        } catch (IOException e) {
            try {
                return Files.createTempFile("kforge-fix", ".config");
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        }
    }

    private static void deleteScratch(Path scratch) {
        try {
            Files.deleteIfExists(scratch);
        } catch (IOException ignored) {
            // A leftover scratch file in the temporary directory harms nothing.
        }
    }

    /** Kconfig trees nest deeply (a driver's dependencies reach the architecture), so recursion needs room. */
    private static <T> T onLargeStack(java.util.function.Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "kforge-fix", STACK_BYTES);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new KconfigException("interrupted");
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return result.get();
    }
}
