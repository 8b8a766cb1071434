package kforge.runner.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
 * the result lacks is reported with the reason conf would give for refusing it. What the board itself asks
 * for (its defconfig and the profile's fragments) is a warning, as make's NAME_defconfig drops a stale line
 * silently; what the user adds is a demand.
 *
 * @param fromAllnoconfig start from allnoconfig and leave the profile's defconfig out
 */
public record BoardConfig(BoardProfile profile, List<Path> fragments, List<String> settings, boolean fromAllnoconfig) {

    /**
     * A requested value the final .config does not have, and why.
     *
     * @param origin the file whose line asked for it: the defconfig's name, a fragment, or "--set"
     * @param demanded false when the board asked for it, true when the user did
     */
    public record UnmetValue(String symbol, String requested, String actual, String why, String origin,
                             boolean demanded) {

        /** "s3c2410_defconfig asks for CONFIG_S3C_ADC=y; this tree cannot: it is not visible: …" */
        public String warning() {
            return origin + " asks for " + requested + "; this tree cannot: " + reasonAlone();
        }

        /** The reason without the "SYMBOL=VALUE: " that kforge set puts before it. */
        private String reasonAlone() {
            String bare = symbol.startsWith("CONFIG_") ? symbol.substring("CONFIG_".length()) : symbol;
            int colon = why.indexOf(": ");
            return colon > 0 && why.startsWith(bare) && why.substring(0, colon).matches("[A-Za-z0-9_]+(=.*)?")
                    ? why.substring(colon + 2) : why;
        }
    }

    /** conf's exit status and the values that did not hold. */
    public record Outcome(int status, List<UnmetValue> unmet) {

        /** The user's values that did not hold: each one fails the command unless allowed. */
        public List<UnmetValue> unmetDemands() {
            return unmet.stream().filter(UnmetValue::demanded).toList();
        }

        /** The board's own lines this tree cannot give, as warnings. */
        public List<String> warnings() {
            return unmet.stream().filter(u -> !u.demanded()).map(UnmetValue::warning).toList();
        }
    }

    public BoardConfig {
        fragments = List.copyOf(fragments);
        settings = List.copyOf(settings);
    }

    /** The merged file KCONFIG_ALLCONFIG gets, with the redefinitions the script would warn about. */
    public FragmentMerge merge(Path tree) {
        FragmentMerge merge = fromAllnoconfig ? new FragmentMerge("allnoconfig", "")
                : new FragmentMerge(profile.defconfig(), ConfigFiles.read(tree.resolve(profile.defconfigPath())));
        for (String f : profile.fragments()) {
            merge.add(f, profileFragment(tree, f));
        }
        if (profile.boot() != null && !profile.boot().config().isEmpty()) {
            merge.add(bootFragmentName(), String.join("\n", profile.boot().config()) + "\n");
        }
        for (Path f : fragments) {
            merge.add(f.toString(), ConfigFiles.read(f));
        }
        if (!settings.isEmpty()) {
            merge.add("--set", settingLines());
        }
        return merge;
    }

    private String profileFragment(Path tree, String fragment) {
        try {
            return ConfigFiles.read(tree.resolve(fragment));
        } catch (KconfigException e) {
            throw new KconfigException("board " + profile.name() + ": its fragment " + fragment + ": " + e.getMessage());
        }
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
            return new Outcome(0, unmet(engine, merge, target, boardsOwn()));
        } catch (IOException e) {
            throw new KconfigException(target + ": cannot write: " + e.getMessage());
        } finally {
            ConfigFiles.deleteQuietly(merged);
        }
    }

    /** What the profile's boot lines are called in messages. */
    private String bootFragmentName() {
        return profile.name() + " boot fragment";
    }

    /** The names in the merge that are the board's: its defconfig and the profile's fragments. */
    private Set<String> boardsOwn() {
        Set<String> own = new HashSet<>(profile.fragments());
        own.add(profile.defconfig());
        own.add(bootFragmentName());
        return own;
    }

    private static List<UnmetValue> unmet(ConfigEngine engine, FragmentMerge merge, Path configFile,
                                          Set<String> boardsOwn) {
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
            boolean demanded = !boardsOwn.contains(u.origin());
            String fault = fault(assignments, u);
            if (!demanded && fault == null && u.requested().startsWith("# ") && u.actual().isEmpty()) {
                // The board asked for n and got it; conf only leaves out the line of a symbol nobody can see.
                // Older defconfigs are whole .config files, full of such lines.
                continue;
            }
            values.add(new UnmetValue(u.symbol(), u.requested(), u.actual(),
                    fault != null ? fault : "conf's alldefconfig did not keep it (a choice or default overrode it)",
                    u.origin(), demanded));
        }
        return values;
    }

    /** Why conf would not take the requested value now (what "kforge set" refuses it for), or null. */
    private static String fault(SymbolAssignments assignments, FragmentMerge.Unmet u) {
        String requested = u.requested().startsWith("# ") ? u.symbol() + "=n" : u.requested();
        return assignments.applyOne(requested);
    }

    /** Where a --set setting's '=' is; a setting without SYMBOL= is refused, naming it. */
    public static int requireSetting(String setting) {
        int eq = setting.indexOf('=');
        if (eq <= 0) {
            throw new KconfigException("--set '" + setting + "': expected SYMBOL=VALUE");
        }
        return eq;
    }

    private String settingLines() {
        StringBuilder sb = new StringBuilder();
        for (String s : settings) {
            int eq = requireSetting(s);
            String name = s.startsWith("CONFIG_") ? s.substring(0, eq) : "CONFIG_" + s.substring(0, eq);
            String value = s.substring(eq + 1);
            sb.append(value.equals("n") ? "# " + name + " is not set" : name + "=" + value).append('\n');
        }
        return sb.toString();
    }
}
