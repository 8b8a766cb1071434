package kforge.runner.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * scripts/kconfig/merge_config.sh's merging, without its make: the base file, then each fragment, a later
 * value for a symbol replacing every earlier line that names it. The result goes to conf as
 * KCONFIG_ALLCONFIG for alldefconfig, as the script does; {@link #unmet} then compares it with the .config.
 */
public final class FragmentMerge {
    private static final Pattern SET = Pattern.compile("^(CONFIG_[a-zA-Z0-9_]*)=.*");
    private static final Pattern NOT_SET = Pattern.compile("^# (CONFIG_[a-zA-Z0-9_]*) is not set$");

    /** A value a later fragment changed, as the script warns "Value of CONFIG_X is redefined by fragment F". */
    public record Redefinition(String symbol, String fragment, String previous, String now) {
    }

    /**
     * A requested value the final .config does not have; actual is "" when the symbol is not written.
     *
     * @param origin the name of the file (or the base) whose line asked for it last
     */
    public record Unmet(String symbol, String requested, String actual, String origin) {
    }

    private final List<String> lines = new ArrayList<>();
    /** For each symbol, the file that set it last: that file's line is the one that stays. */
    private final Map<String, String> origins = new LinkedHashMap<>();
    private final List<Redefinition> redefinitions = new ArrayList<>();
    /** The script concatenates files, so the result ends as the last file does. */
    private boolean endsWithNewline;

    /** @param baseName names the base in {@link Unmet#origin}, e.g. "s3c2410_defconfig" */
    public FragmentMerge(String baseName, String baseText) {
        addLines(baseName, baseText);
    }

    /** Merges one fragment (its name is only for messages). */
    public FragmentMerge add(String fragmentName, String fragmentText) {
        for (String symbol : symbolsIn(fragmentText)) {
            String previous = lineNaming(lines, symbol);
            if (previous == null) {
                continue;
            }
            String now = lineNaming(List.of(fragmentText.split("\n", -1)), symbol);
            if (!previous.equals(now)) {
                redefinitions.add(new Redefinition(symbol, fragmentName, previous, now));
            }
            lines.removeIf(line -> line.contains(symbol + " ") || line.contains(symbol + "="));
        }
        // The script echoes a newline first, in case the previous file lacks one: a blank line if it had one.
        if (endsWithNewline) {
            lines.add("");
        }
        addLines(fragmentName, fragmentText);
        return this;
    }

    /** The merged file, as the script hands it to make as KCONFIG_ALLCONFIG. */
    public String text() {
        return String.join("\n", lines) + (endsWithNewline ? "\n" : "");
    }

    public List<Redefinition> redefinitions() {
        return List.copyOf(redefinitions);
    }

    /** Every symbol the merged file sets whose line is not in the final .config (the script's last check). */
    public List<Unmet> unmet(String finalConfig) {
        List<String> finalLines = List.of(finalConfig.split("\n", -1));
        Map<String, Unmet> found = new LinkedHashMap<>();
        for (String symbol : symbolsIn(text())) {
            String requested = lineNaming(lines, symbol);
            String actual = lineNaming(finalLines, symbol);
            if (!requested.equals(actual == null ? "" : actual)) {
                found.putIfAbsent(symbol, new Unmet(symbol, requested, actual == null ? "" : actual,
                        origins.get(symbol)));
            }
        }
        return List.copyOf(found.values());
    }

    private void addLines(String name, String text) {
        for (String symbol : symbolsIn(text)) {
            origins.put(symbol, name);
        }
        endsWithNewline = text.endsWith("\n");
        String body = endsWithNewline ? text.substring(0, text.length() - 1) : text;
        lines.addAll(List.of(body.split("\n", -1)));
    }

    /** The symbols a file sets or unsets, in file order (the script's two sed expressions). */
    static List<String> symbolsIn(String text) {
        List<String> symbols = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            Matcher m = SET.matcher(line);
            Matcher n = NOT_SET.matcher(line);
            if (m.matches()) {
                symbols.add(m.group(1));
            } else if (n.matches()) {
                symbols.add(n.group(1));
            }
        }
        return symbols;
    }

    /** grep -w SYMBOL: the first line naming the symbol as a whole word, or null. */
    private static String lineNaming(List<String> lines, String symbol) {
        Pattern word = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(symbol) + "(?![A-Za-z0-9_])");
        for (String line : lines) {
            if (word.matcher(line).find()) {
                return line;
            }
        }
        return null;
    }
}
