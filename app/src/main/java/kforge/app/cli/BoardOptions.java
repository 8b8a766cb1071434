package kforge.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kforge.runner.board.BoardProfile;
import kforge.runner.board.BoardProfiles;
import kforge.runner.board.BoardSupport;
import kforge.runner.config.BoardConfig;
import kforge.runner.config.FragmentMerge;
import kforge.kconfig.ConfigEngine;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import picocli.CommandLine.Option;

/**
 * The options that make a board's .config, shared by kforge config and kforge build, and the report of
 * what merge_config.sh would have warned about.
 */
final class BoardOptions {
    @Option(names = "--board", required = true, paramLabel = "NAME", description = "Board profile: s3c2410, mini2440,"
            + " versatilepb, x86_64-pc, uml, or one in ~/.config/kforge/boards.")
    String board;

    @Option(names = "--tree", required = true, paramLabel = "DIR", description = "Kernel source tree.")
    Path tree;

    @Option(names = "--fragment", paramLabel = "FILE", description = "A config fragment, merged in order (repeatable).")
    List<Path> fragments = new ArrayList<>();

    @Option(names = "--set", paramLabel = "SYMBOL=VALUE", description = "A value merged after the fragments (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = {"-n", "--from-allnoconfig"}, description = "Merge the fragments over allnoconfig instead of the"
            + " board's defconfig (a small kernel).")
    boolean fromAllnoconfig;

    @Option(names = "--cross-compile", paramLabel = "PREFIX", description = "Override the profile's toolchain prefix.")
    String crossCompile;

    @Option(names = "--allow-unmet", description = "Report requested values that do not hold, but succeed.")
    boolean allowUnmet;

    BoardProfile profile() {
        return BoardProfiles.withUserProfiles(BoardProfiles.userDirectory(System.getenv())).get(board);
    }

    String crossCompile(BoardProfile profile) {
        return crossCompile != null ? crossCompile : profile.crossCompile();
    }

    BoardConfig recipe(BoardProfile profile) {
        return new BoardConfig(profile, fragments, sets, fromAllnoconfig);
    }

    ConfigEngine openEngine(BoardProfile profile, Path objtree) {
        try {
            Files.createDirectories(objtree);
        } catch (IOException e) {
            throw new KconfigException(objtree + ": cannot create: " + e.getMessage());
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        return ConfigEngine.open(tree, profile.arch(), crossCompile(profile), objtree, env, Reporter.console());
    }

    /**
     * What writing the board's .config came to.
     *
     * @param warnings the board's own lines this tree cannot give, for the build record
     */
    record ConfigResult(int status, List<String> warnings) {
    }

    /** Refuses a tree without the board before anything is written. */
    void requireBoardInTree(BoardProfile profile) {
        BoardSupport.require(profile, tree, !fromAllnoconfig);
    }

    /**
     * Writes configFile from the profile; prints the board's stale lines as warnings and the user's values
     * that did not hold as errors (warnings with --allow-unmet).
     */
    ConfigResult writeConfig(BoardProfile profile, ConfigEngine engine, Path configFile, boolean quiet,
                             PrintStream err) {
        BoardConfig recipe = recipe(profile);
        FragmentMerge merge = recipe.merge(tree);
        for (FragmentMerge.Redefinition r : merge.redefinitions()) {
            err.println("Value of " + r.symbol() + " is redefined by fragment " + r.fragment() + ":");
            err.println("Previous  value: " + r.previous());
            err.println("New value:       " + r.now());
            err.println();
        }
        BoardConfig.Outcome outcome = recipe.write(engine, merge, configFile, quiet, System.out);
        if (outcome.status() != 0) {
            return new ConfigResult(outcome.status(), List.of());
        }
        for (String warning : outcome.warnings()) {
            err.println("warning: " + warning);
        }
        List<BoardConfig.UnmetValue> demands = outcome.unmetDemands();
        for (BoardConfig.UnmetValue u : demands) {
            err.println("Value requested for " + u.symbol() + " not in final .config");
            err.println("Requested value:  " + u.requested());
            err.println("Actual value:     " + u.actual());
            err.println("Why: " + u.why());
            err.println();
        }
        if (demands.isEmpty() || allowUnmet) {
            return new ConfigResult(0, outcome.warnings());
        }
        err.println(demands.size() + " requested value(s) did not hold; the .config was written anyway"
                + " (--allow-unmet makes this a warning)");
        return new ConfigResult(1, outcome.warnings());
    }
}
