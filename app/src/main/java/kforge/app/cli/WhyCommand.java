package kforge.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import kforge.kconfig.ConfigEngine;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.explain.Explainer;
import kforge.kconfig.explain.Explanation;
import kforge.kconfig.explain.Verdict;
import kforge.kconfig.io.ConfSettings;
import kforge.kconfig.io.ConfigReader;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** kforge why FOO [--want y]: why a symbol has its value in a .config, or what stops the value wanted. */
@Command(name = "why", description = "Explain why a symbol has its value in a .config, or (with --want) whether"
        + " it can take another and what stops it. Exit status 0: it has or can take the value; 1: it cannot;"
        + " 2: bad input.")
public final class WhyCommand implements Callable<Integer> {
    /** A usage fault, as picocli reports its own. */
    static final int BAD_INPUT = 2;

    @Mixin
    TreeOptions tree;

    @Option(names = "--config", paramLabel = "FILE", description = "The .config to read (default: $KCONFIG_CONFIG, else .config).")
    Path config;

    @Option(names = "--want", paramLabel = "VALUE", description = "The value asked about: y, m or n, or an int's, hex's or string's text.")
    String want;

    @Parameters(index = "0", paramLabel = "SYMBOL", description = "The symbol, with or without its CONFIG_ prefix.")
    String symbol;

    @Override
    public Integer call() {
        try {
            Explanation explanation = explain();
            System.out.print(explanation.render());
            return exitStatus(explanation.verdict());
        } catch (KconfigException e) {
            // The tree, the .config or the name is wrong, not the configuration: that is bad input.
            System.err.println("kforge why: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private Explanation explain() {
        Path configFile = (config != null ? config : TreeOptions.defaultConfig()).toAbsolutePath();
        if (!Files.isRegularFile(configFile)) {
            throw new KconfigException(configFile + ": No such file; make one first (e.g. kforge defconfig)");
        }
        ConfigEngine engine = ConfigEngine.open(tree.tree, tree.arch, tree.crossCompile, configFile.getParent(),
                System.getenv(), Reporter.console());
        Evaluator evaluator = engine.freshEvaluator();
        ConfSettings settings = engine.settings(configFile, tree.quiet);
        new ConfigReader(evaluator, settings).read(null);
        return Explainer.explain(evaluator, find(evaluator, settings.configPrefix()), want);
    }

    private Symbol find(Evaluator evaluator, String prefix) {
        String name = symbol.startsWith(prefix) ? symbol.substring(prefix.length()) : symbol;
        Symbol sym = evaluator.kconfig().symbols().find(name);
        if (sym == null || sym.type == SymbolType.UNKNOWN) {
            throw new KconfigException(name + ": no such symbol in this tree");
        }
        return sym;
    }

    static int exitStatus(Verdict verdict) {
        if (verdict == Verdict.INVALID) {
            return BAD_INPUT;
        }
        return verdict.holds() ? 0 : 1;
    }
}
