package kforge.runner.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kforge.runner.board.BoardProfile;
import kforge.kconfig.ConfigEngine;
import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.conf.SymbolAssignments;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.io.ConfSettings;
import kforge.kconfig.io.ConfigReader;

/**
 * A board's .config as scripts/kconfig/merge_config.sh makes it: the profile's defconfig (or nothing, over
 * allnoconfig, like the script's -n), its fragments, the user's fragments and SYMBOL=VALUE settings merged
 * in order, then given to conf's alldefconfig (allnoconfig) as KCONFIG_ALLCONFIG. Every requested value
 * the result lacks is reported with the reason conf would give for refusing it.
 *
 * @param fromAllnoconfig start from allnoconfig and leave the profile's defconfig out
 */
public record BoardConfig(BoardProfile profile, List<Path> fragments, List<String> settings, boolean fromAllnoconfig) {

    /** A requested value the final .config does not have, and why. */
    public record UnmetValue(String symbol, String requested, String actual, String why) {
    }

    /** conf's exit status and the values that did not hold. */
    public record Outcome(int status, List<UnmetValue> unmet) {
    }

    public BoardConfig {
        fragments = List.copyOf(fragments);
        settings = List.copyOf(settings);
    }

    /** The merged file KCONFIG_ALLCONFIG gets, with the redefinitions the script would warn about. */
    public FragmentMerge merge(Path tree) {
        FragmentMerge merge = new FragmentMerge(
                fromAllnoconfig ? "" : ConfigFiles.read(tree.resolve(profile.defconfigPath())));
        for (String f : profile.fragments()) {
            merge.add(f, ConfigFiles.read(tree.resolve(f)));
        }
        for (Path f : fragments) {
            merge.add(f.toString(), ConfigFiles.read(f));
        }
        if (!settings.isEmpty()) {
            merge.add("--set", settingLines());
        }
        return merge;
    }

    /** Writes configFile from the merge with the engine, which must be open on the profile's ARCH. */
    public Outcome write(ConfigEngine engine, FragmentMerge merge, Path configFile, boolean quiet, PrintStream out) {
        Path target = configFile.toAbsolutePath();
        Path merged = null;
        try {
            Path dir = Files.createDirectories(target.getParent());
            merged = Files.createTempFile(dir, ".kforge-merged", ".config");
            Files.writeString(merged, merge.text(), StandardCharsets.ISO_8859_1);
            ConfSettings conf = engine.settings(target, quiet).withVariable("KCONFIG_ALLCONFIG", merged.toString());
            int status = engine.run(fromAllnoconfig ? ConfMode.ALLNOCONFIG : ConfMode.ALLDEFCONFIG, null, conf, out,
                    new BufferedReader(new StringReader("")), false);
            if (status != 0) {
                return new Outcome(status, List.of());
            }
            return new Outcome(0, unmet(engine, merge, target));
        } catch (IOException e) {
            throw new KconfigException(target + ": cannot write: " + e.getMessage());
        } finally {
            ConfigFiles.deleteQuietly(merged);
        }
    }

    private static List<UnmetValue> unmet(ConfigEngine engine, FragmentMerge merge, Path configFile) {
        List<FragmentMerge.Unmet> unmet = merge.unmet(ConfigFiles.read(configFile));
        List<UnmetValue> values = new ArrayList<>();
        if (unmet.isEmpty()) {
            return values;
        }
        Evaluator evaluator = engine.freshEvaluator();
        ConfSettings settings = engine.settings(configFile, true);
        new ConfigReader(evaluator, settings).read(null);
        SymbolAssignments assignments = new SymbolAssignments(evaluator, settings.configPrefix());
        for (FragmentMerge.Unmet u : unmet) {
            values.add(new UnmetValue(u.symbol(), u.requested(), u.actual(), reason(assignments, u)));
        }
        return values;
    }

    /** Why conf would not take the requested value now: what setting it as "kforge set" does is refused for. */
    private static String reason(SymbolAssignments assignments, FragmentMerge.Unmet u) {
        String requested = u.requested().startsWith("# ") ? u.symbol() + "=n" : u.requested();
        String fault = assignments.applyOne(requested);
        return fault != null ? fault : "conf's alldefconfig did not keep it (a choice or default overrode it)";
    }

    private String settingLines() {
        StringBuilder sb = new StringBuilder();
        for (String s : settings) {
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
}
