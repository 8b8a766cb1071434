package kforge.runner.make;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One kernel make, as the argument list it runs: always out of tree (O=), so the source tree is never
 * written, with ARCH, CROSS_COMPILE, -jN and KCONFIG_CONFIG given explicitly rather than inherited.
 *
 * @param variables further make variables (LOADADDR, INSTALL_MOD_PATH, CC for a wrapper), in order
 */
public record MakeInvocation(String make, Path tree, Path outDir, String arch, String crossCompile, int jobs,
                             Path kconfigConfig, Map<String, String> variables, List<String> targets) {

    public MakeInvocation {
        variables = Map.copyOf(variables);
        targets = List.copyOf(targets);
        crossCompile = crossCompile == null ? "" : crossCompile;
    }

    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(make);
        command.add("-C");
        command.add(tree.toString());
        command.add("O=" + outDir);
        command.add("ARCH=" + arch);
        if (!crossCompile.isEmpty()) {
            command.add("CROSS_COMPILE=" + crossCompile);
        }
        command.add("-j" + jobs);
        command.add("KCONFIG_CONFIG=" + kconfigConfig);
        new TreeMap<>(variables).forEach((name, value) -> command.add(name + "=" + value));
        command.addAll(targets);
        return command;
    }

    /** The same make for other targets, with extra variables. */
    public MakeInvocation forTargets(List<String> otherTargets, Map<String, String> extraVariables) {
        Map<String, String> all = new LinkedHashMap<>(variables);
        all.putAll(extraVariables);
        return new MakeInvocation(make, tree, outDir, arch, crossCompile, jobs, kconfigConfig, all, otherTargets);
    }
}
