package kforge.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import kforge.kconfig.ConfigEngine;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.fix.Change;
import kforge.kconfig.fix.Fix;
import kforge.kconfig.fix.FixOutcome;
import kforge.kconfig.fix.FixSearch;
import kforge.kconfig.io.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * kforge fix --want FOO=y: the fewest .config changes that make the wanted values hold, each verified by
 * the engine; --apply writes the first one (atomically, the old file kept as .config.old).
 */
@Command(name = "fix", description = "Find the fewest changes to a .config that give symbols the values wanted"
        + " (each fix verified by the engine); --apply writes the first. Exit 0: a fix was found (and applied);"
        + " 1: none exists; 2: bad input.")
public final class FixCommand implements Callable<Integer> {
    @Mixin
    TreeOptions tree;

    @Option(names = "--config", paramLabel = "FILE", description = "The .config (default: $KCONFIG_CONFIG, else .config).")
    Path config;

    @Option(names = "--want", paramLabel = "SYMBOL=VALUE", required = true,
            description = "A value wanted, as .config spells it (FOO=y, BAR=0x10, NAME=text). Repeatable.")
    List<String> wants;

    @Option(names = "--keep", paramLabel = "SYMBOL", split = ",",
            description = "A symbol no fix may change (its value stays). Repeatable, or comma-separated.")
    List<String> keeps = new ArrayList<>();

    @Option(names = "--apply", description = "Write the first fix into the .config.")
    boolean apply;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    boolean json;

    @Option(names = "--fixes", paramLabel = "N", description = "How many fixes to look for (default: ${DEFAULT-VALUE}).")
    int maxFixes = 3;

    @Option(names = "--max-changes", paramLabel = "N",
            description = "The largest fix to look for, in changed symbols (default: ${DEFAULT-VALUE}).")
    int maxChanges = 8;

    @Option(names = {"-v", "--verbose"}, description = "Also list every symbol that changes as a consequence.")
    boolean verbose;

    private final Map<String, String> environment;
    private final PrintStream out;

    public FixCommand() {
        this(System.getenv(), System.out);
    }

    /** As if started in this environment, printing to out (tests give KCONFIG_NOTIMESTAMP=1, as to make). */
    public FixCommand(Map<String, String> environment, PrintStream out) {
        this.environment = Map.copyOf(environment);
        this.out = out;
    }

    @Override
    public Integer call() {
        Path configFile = (config != null ? config : TreeOptions.defaultConfig()).toAbsolutePath();
        FixOutcome outcome;
        try {
            if (!Files.isRegularFile(configFile)) {
                throw new KconfigException(configFile + ": No such file; make one first (e.g. kforge defconfig)");
            }
            ConfigEngine engine = ConfigEngine.open(tree.tree, tree.arch, tree.crossCompile, configFile.getParent(),
                    environment, tree.quiet ? Reporter.silent() : Reporter.console());
            FixSearch search = FixSearch.on(engine).config(configFile).maxFixes(maxFixes).maxChanges(maxChanges);
            wants.forEach(search::want);
            keeps.forEach(search::keep);
            outcome = search.call();
        } catch (KconfigException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        boolean applied = apply && !outcome.fixes().isEmpty() && write(configFile, outcome.fixes().get(0));
        if (json) {
            printJson(outcome, applied, configFile);
        } else {
            printText(outcome, applied, configFile);
        }
        return outcome.found() ? 0 : 1;
    }

    private static boolean write(Path configFile, Fix fix) {
        try {
            AtomicFile.replace(configFile, fix.config(), true);
            return true;
        } catch (IOException e) {
            throw new KconfigException(configFile + ": " + e.getMessage() + " (the .config is unchanged)");
        }
    }

    private void printText(FixOutcome outcome, boolean applied, Path configFile) {
        String wanted = outcome.wants().isEmpty() ? String.join(" ", wants)
                : String.join(" ", outcome.wants().stream().map(Object::toString).toList());
        if (outcome.alreadyHolds()) {
            out.println(wanted + ": already holds; nothing to change");
            return;
        }
        if (outcome.fixes().isEmpty()) {
            out.println(wanted + ": no fix: " + outcome.reason());
            return;
        }
        int n = outcome.fixes().size();
        out.println(wanted + ": " + n + (n == 1 ? " fix" : " fixes") + ", each verified by the engine");
        for (int i = 0; i < n; i++) {
            Fix fix = outcome.fixes().get(i);
            out.println("fix " + (i + 1) + " (" + fix.size() + (fix.size() == 1 ? " change" : " changes") + "):");
            for (Change change : fix.changes()) {
                out.println("  " + describe(change));
            }
            for (Change change : fix.wanted()) {
                out.println("  " + describe(change) + "  (wanted)");
            }
            List<Change> consequences = fix.consequences();
            if (verbose) {
                for (Change change : consequences) {
                    out.println("    then " + change.symbol() + " " + shown(change.before()) + " -> " + shown(change.after()));
                }
            } else if (!consequences.isEmpty()) {
                out.println("  and " + consequences.size() + " other symbol" + (consequences.size() == 1 ? "" : "s")
                        + " change as a result (-v lists them)");
            }
        }
        if (applied) {
            out.println("applied fix 1 to " + configFile + " (the previous file kept as " + configFile.getFileName()
                    + ".old)");
        }
    }

    /**
     * A change whose value stays what it was pins it: without the line, the fix's other changes would
     * move it (a default that turns y once a dependency holds, such as ARCH_MULTI_V7 beside MMU=y).
     */
    private static String describe(Change change) {
        String values = java.util.Objects.equals(change.before(), change.after())
                ? "stays " + shown(change.after()) + " (set: the other changes would move it)"
                : shown(change.before()) + " -> " + shown(change.after());
        return change.symbol() + " " + values + "   [" + change.line() + "]";
    }

    private static String shown(String value) {
        return value == null ? "(none)" : value.isEmpty() ? "\"\"" : value;
    }

    private void printJson(FixOutcome outcome, boolean applied, Path configFile) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("config", configFile.toString());
        doc.put("wants", outcome.wants().stream().map(Object::toString).toList());
        doc.put("alreadyHolds", outcome.alreadyHolds());
        List<Map<String, Object>> fixes = new ArrayList<>();
        for (Fix fix : outcome.fixes()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("size", fix.size());
            f.put("changes", fix.changes());
            f.put("wanted", fix.wanted());
            f.put("consequences", fix.consequences());
            fixes.add(f);
        }
        doc.put("fixes", fixes);
        doc.put("reason", outcome.reason());
        doc.put("applied", applied);
        doc.put("stats", outcome.stats());
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } catch (IOException e) {
            throw new KconfigException("cannot print JSON: " + e.getMessage());
        }
    }
}
