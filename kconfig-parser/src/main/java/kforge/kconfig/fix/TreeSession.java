package kforge.kconfig.fix;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import kforge.kconfig.ConfigEngine;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.io.ConfSettings;
import kforge.kconfig.model.Kconfig;

/**
 * The parsed tree a search works on: fresh evaluators over it (one at a time: the model holds the state),
 * settings for a given .config, and the architecture for messages. A kernel tree's {@link ConfigEngine}
 * gives one; so does a bare Kconfig with its environment, as in the construct tests.
 */
public record TreeSession(Kconfig kconfig, Map<String, String> environment, Path srctree, String arch) {

    public static TreeSession of(ConfigEngine engine) {
        return new TreeSession(engine.kconfig(), engine.environment().variables(), engine.environment().srctree(),
                engine.environment().arch());
    }

    Evaluator freshEvaluator() {
        kconfig.resetEvaluationState();
        return new Evaluator(kconfig, Reporter.silent());
    }

    ConfSettings settings(Path configFile) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("KCONFIG_CONFIG", configFile.toAbsolutePath().toString());
        return new ConfSettings(env, configFile.toAbsolutePath().getParent(), srctree, true);
    }
}
