package kforge.kconfig.fix;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import kforge.kconfig.ConfigEngine;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.io.ConfigReader;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.Tristate;

/**
 * scripts/bench-fix's in-process half: picks the seeded reachable targets (not y, refused y, y in
 * allyesconfig), runs the search on each in one JVM (the parse done once, as a warm cache would), and
 * writes one TSV row per target plus the first fix's .config for the script to hand to the tree's conf.
 * Usage: FixBenchmark TREE ARCH CROSS|- START_CONFIG ALLYES_CONFIG COUNT SEED OUT_DIR
 */
public final class FixBenchmark {
    private FixBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path tree = Path.of(args[0]);
        String arch = args[1];
        String cross = args[2].equals("-") ? null : args[2];
        Path start = Path.of(args[3]);
        Set<String> allYes = yesLines(Path.of(args[4]));
        int count = Integer.parseInt(args[5]);
        long seed = Long.parseLong(args[6]);
        Path out = Files.createDirectories(Path.of(args[7]));
        Path config = out.resolve(".config");
        Files.copy(start, config, StandardCopyOption.REPLACE_EXISTING);
        ConfigEngine engine = ConfigEngine.open(tree, arch, cross, out, Map.of("KCONFIG_NOTIMESTAMP", "1",
                "PATH", System.getenv("PATH")), Reporter.silent());
        List<String> targets = targets(engine, config, allYes, count, seed);
        try (PrintStream tsv = new PrintStream(Files.newOutputStream(out.resolve("results.tsv")), true,
                StandardCharsets.UTF_8)) {
            tsv.println("target\tfixes\tsize\tsolve_ms\tsearch_ms\trejected\treason");
            for (String target : targets) {
                Files.copy(start, config, StandardCopyOption.REPLACE_EXISTING);
                long t0 = System.nanoTime();
                FixOutcome outcome = FixSearch.on(engine).config(config).want(target + "=y").call();
                long searchMs = (System.nanoTime() - t0) / 1_000_000;
                int size = outcome.fixes().isEmpty() ? 0 : outcome.fixes().get(0).size();
                FixOutcome.Stats s = outcome.stats();
                tsv.printf("%s\t%d\t%d\t%d\t%d\t%d\t%s%n", target, outcome.fixes().size(), size,
                        s.encodeMillis() + s.solveMillis(), searchMs, outcome.rejected(),
                        outcome.reason() == null ? "" : outcome.reason().replace('\t', ' '));
                if (!outcome.fixes().isEmpty()) {
                    Files.writeString(out.resolve(target + ".config"), outcome.fixes().get(0).config(),
                            StandardCharsets.ISO_8859_1);
                }
            }
        }
    }

    /** The seeded sample of symbols not y now, refused y (as kforge set would), and y in allyesconfig. */
    static List<String> targets(ConfigEngine engine, Path config, Set<String> allYes, int count, long seed) {
        Evaluator evaluator = engine.freshEvaluator(Reporter.silent());
        new ConfigReader(evaluator, engine.settings(config, true)).read(null);
        List<String> candidates = new ArrayList<>();
        for (Symbol sym : evaluator.kconfig().symbols().inCreationOrder()) {
            if (sym.name() == null || !sym.type.isLogic() || sym.isConst() || !allYes.contains(sym.name())) {
                continue;
            }
            evaluator.calcValue(sym);
            if (sym.currTri != Tristate.YES && !evaluator.tristateWithinRange(sym, Tristate.YES)) {
                candidates.add(sym.name());
            }
        }
        Collections.sort(candidates);
        Collections.shuffle(candidates, new Random(seed));
        return candidates.subList(0, Math.min(count, candidates.size()));
    }

    static Set<String> yesLines(Path config) throws IOException {
        return Files.readAllLines(config, StandardCharsets.ISO_8859_1).stream()
                .filter(l -> l.startsWith("CONFIG_") && l.endsWith("=y"))
                .map(l -> l.substring("CONFIG_".length(), l.length() - 2))
                .collect(Collectors.toSet());
    }
}
