package kforge.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import kforge.build.board.BoardProfile;
import kforge.build.board.BoardProfiles;
import kforge.build.config.FragmentMerge;
import kforge.kconfig.ConfigEngine;
import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.conf.SymbolAssignments;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.io.ConfSettings;
import kforge.kconfig.io.ConfigReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * kforge config --board NAME: the board's defconfig with fragments merged over it, as
 * scripts/kconfig/merge_config.sh does, and every requested value that did not make it, with the reason.
 */
@Command(name = "config", description = "Make a .config from a board profile, merging fragments over its defconfig"
        + " as merge_config.sh does; requested values that do not hold are errors.")
public final class ConfigCommand implements Callable<Integer> {
    @Option(names = "--board", required = true, paramLabel = "NAME", description = "Board profile (kforge boards lists them).")
    String board;

    @Option(names = "--tree", required = true, paramLabel = "DIR", description = "Kernel source tree.")
    Path tree;

    @Option(names = "--fragment", paramLabel = "FILE", description = "A config fragment, merged in order (repeatable).")
    List<Path> fragments = new ArrayList<>();

    @Option(names = "--set", paramLabel = "SYMBOL=VALUE", description = "A value merged after the fragments (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "The .config to write (default: .config).")
    Path config = Path.of(".config");

    @Option(names = "--cross-compile", paramLabel = "PREFIX", description = "Override the profile's toolchain prefix.")
    String crossCompile;

    @Option(names = "--allow-unmet", description = "Report requested values that do not hold, but succeed.")
    boolean allowUnmet;

    @Option(names = {"-q", "--quiet"}, description = "Do not print conf's messages.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        BoardProfile profile = BoardProfiles.withUserProfiles(BoardProfiles.userDirectory(System.getenv())).get(board);
        FragmentMerge merge = new FragmentMerge(read(tree.resolve(profile.defconfigPath())));
        for (String f : profile.fragments()) {
            merge.add(f, read(tree.resolve(f)));
        }
        for (Path f : fragments) {
            merge.add(f.toString(), read(f));
        }
        if (!sets.isEmpty()) {
            merge.add("--set", setLines());
        }
        for (FragmentMerge.Redefinition r : merge.redefinitions()) {
            System.err.println("Value of " + r.symbol() + " is redefined by fragment " + r.fragment() + ":");
            System.err.println("Previous  value: " + r.previous());
            System.err.println("New value:       " + r.now());
            System.err.println();
        }
        Path configFile = config.toAbsolutePath();
        Path objtree = Files.createDirectories(configFile.getParent());
        Path merged = Files.createTempFile(objtree, ".kforge-merged", ".config");
        try {
            Files.writeString(merged, merge.text(), StandardCharsets.ISO_8859_1);
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("KCONFIG_ALLCONFIG", merged.toString());
            ConfigEngine engine = ConfigEngine.open(tree, profile.arch(),
                    crossCompile != null ? crossCompile : profile.crossCompile(), objtree, env, Reporter.console());
            int status = engine.run(ConfMode.ALLDEFCONFIG, null, configFile, quiet, System.out,
                    new BufferedReader(new StringReader("")), false);
            if (status != 0) {
                return status;
            }
            return reportUnmet(engine, merge, configFile);
        } finally {
            Files.deleteIfExists(merged);
        }
    }

    private int reportUnmet(ConfigEngine engine, FragmentMerge merge, Path configFile) throws IOException {
        List<FragmentMerge.Unmet> unmet = merge.unmet(read(configFile));
        if (unmet.isEmpty()) {
            return 0;
        }
        Evaluator evaluator = engine.freshEvaluator();
        ConfSettings settings = engine.settings(configFile, true);
        new ConfigReader(evaluator, settings).read(null);
        SymbolAssignments assignments = new SymbolAssignments(evaluator, settings.configPrefix());
        for (FragmentMerge.Unmet u : unmet) {
            System.err.println("Value requested for " + u.symbol() + " not in final .config");
            System.err.println("Requested value:  " + u.requested());
            System.err.println("Actual value:     " + u.actual());
            System.err.println("Why: " + reason(assignments, u));
            System.err.println();
        }
        if (allowUnmet) {
            return 0;
        }
        System.err.println(unmet.size() + " requested value(s) did not hold; the .config was written anyway"
                + " (--allow-unmet makes this a warning)");
        return 1;
    }

    /** Why conf would not take the requested value now: what setting it as "kforge set" does is refused for. */
    private static String reason(SymbolAssignments assignments, FragmentMerge.Unmet u) {
        String requested = u.requested().startsWith("# ") ? u.symbol() + "=n" : u.requested();
        String fault = assignments.applyOne(requested);
        return fault != null ? fault : "conf's alldefconfig did not keep it (a choice or default overrode it)";
    }

    private String setLines() {
        StringBuilder sb = new StringBuilder();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new KconfigException("--set '" + s + "': expected SYMBOL=VALUE");
            }
            String name = s.startsWith("CONFIG_") ? s.substring(0, eq) : "CONFIG_" + s.substring(0, eq);
            String value = s.substring(eq + 1);
            sb.append(value.equals("n") ? "# " + name + " is not set" : name + "=" + value).append('\n');
        }
        return sb.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new KconfigException(file + ": cannot read: " + e.getMessage());
        }
    }
}
