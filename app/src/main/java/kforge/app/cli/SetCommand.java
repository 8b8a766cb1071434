package kforge.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import kforge.kconfig.ConfigEngine;
import kforge.kconfig.conf.SymbolAssignments;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.io.ConfSettings;
import kforge.kconfig.io.ConfigReader;
import kforge.kconfig.io.ConfigWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** kforge set FOO=y BAR=0x10 ...: change symbols in a .config, refusing values conf would not take. */
@Command(name = "set", description = "Set symbols in a .config (as menuconfig would), with a clear error for"
        + " values that cannot be taken.")
public final class SetCommand implements Callable<Integer> {
    @Mixin
    TreeOptions tree;

    @Option(names = "--config", paramLabel = "FILE", description = "The .config to change (default: $KCONFIG_CONFIG, else .config).")
    Path config;

    @Parameters(paramLabel = "SYMBOL=VALUE", arity = "1..*", description = "Assignments, applied in order.")
    List<String> assignments;

    private final Map<String, String> environment;

    /** kforge set as the command line runs it, in this process's environment. */
    public SetCommand() {
        this(System.getenv());
    }

    /** kforge set as if started in this environment (tests give KCONFIG_NOTIMESTAMP=1, as they do make). */
    public SetCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() {
        Path configFile = (config != null ? config : TreeOptions.defaultConfig()).toAbsolutePath();
        if (!Files.isRegularFile(configFile)) {
            throw new KconfigException(configFile + ": No such file; make one first (e.g. kforge defconfig)");
        }
        ConfigEngine engine = ConfigEngine.open(tree.tree, tree.arch, tree.crossCompile, configFile.getParent(),
                environment, Reporter.console());
        Evaluator evaluator = engine.freshEvaluator();
        ConfSettings settings = engine.settings(configFile, tree.quiet);
        new ConfigReader(evaluator, settings).read(null);
        new SymbolAssignments(evaluator, settings.configPrefix()).apply(assignments);
        new ConfigWriter(evaluator, settings).write(null);
        return 0;
    }
}
