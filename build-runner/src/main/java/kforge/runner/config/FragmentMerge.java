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
    /** DOTALL: sed's "." takes any byte, a carriage return too ("CONFIG_X=y\r" names CONFIG_X). */
    private static final Pattern SET = Pattern.compile("^(CONFIG_[a-zA-Z0-9_]*)=.*", Pattern.DOTALL);
    private static final Pattern NOT_SET = Pattern.compile("^# (CONFIG_[a-zA-Z0-9_]*) is not set$");

    /**
     * A value a later fragment changed, as the script warns "Value of CONFIG_X is redefined by fragment F";
     * previous and now are every line of the merge so far and of the fragment that names the symbol.
     */
    public record Redefinition(String symbol, String fragment, String previous, String now) {
    }

    /**
     * A requested value the final .config does not have; actual is "" when the symbol is not written.
     *
     * @param origin the name of the file (or the base) whose line asked for it last
     */
    public record Unmet(String symbol, String requested, String actual, String origin) {
    }

    /** The merge so far, byte for byte the script's $TMP_FILE. */
    private final StringBuilder merged = new StringBuilder();
    /** For each symbol, the file that set it last: that file's line is the one that stays. */
    private final Map<String, String> origins = new LinkedHashMap<>();
    private final List<Redefinition> redefinitions = new ArrayList<>();

    /** @param baseName names the base in {@link Unmet#origin}, e.g. "s3c2410_defconfig" */
    public FragmentMerge(String baseName, String baseText) {
        addOrigins(baseName, baseText);
        merged.append(baseText);
    }

    /** Merges one fragment (its name is only for messages). */
    public FragmentMerge add(String fragmentName, String fragmentText) {
        for (String symbol : symbolsIn(fragmentText)) {
            String previous = linesNaming(linesOf(merged.toString()), symbol);
            if (previous == null) {
                continue;
            }
            String now = linesNaming(linesOf(fragmentText), symbol);
            if (!previous.equals(now)) {
                redefinitions.add(new Redefinition(symbol, fragmentName, previous, now));
            }
            deleteLinesNaming(symbol);
        }
        // The script echoes a newline first, in case the previous file lacks one: a blank line if it had one
        // (or if sed deleted its unterminated last line).
        merged.append('\n').append(fragmentText);
        addOrigins(fragmentName, fragmentText);
        return this;
    }

    /** The merged file, as the script hands it to make as KCONFIG_ALLCONFIG. */
    public String text() {
        return merged.toString();
    }

    /**
     * sed -i "/SYMBOL[ =]/d": every line that holds the symbol followed by a blank or "=" goes, with its
     * newline; a last line without one that stays keeps lacking it.
     */
    private void deleteLinesNaming(String symbol) {
        String text = merged.toString();
        StringBuilder kept = new StringBuilder(text.length());
        int pos = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl + 1;
            String line = text.substring(pos, nl < 0 ? end : nl);
            if (!line.contains(symbol + " ") && !line.contains(symbol + "=")) {
                kept.append(text, pos, end);
            }
            pos = end;
        }
        merged.setLength(0);
        merged.append(kept);
    }

    /** The lines grep reads: split at newlines, the last one whether or not it ends in one. */
    private static List<String> linesOf(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(body.split("\n", -1));
    }

    public List<Redefinition> redefinitions() {
        return List.copyOf(redefinitions);
    }

    /** Every symbol the merged file sets whose line is not in the final .config (the script's last check). */
    public List<Unmet> unmet(String finalConfig) {
        List<String> finalLines = List.of(finalConfig.split("\n", -1));
        List<String> lines = linesOf(text());
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

    private void addOrigins(String name, String text) {
        for (String symbol : symbolsIn(text)) {
            origins.put(symbol, name);
        }
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

    /**
     * $(grep -w SYMBOL FILE): every line naming the symbol as a whole word, joined by newlines, or null when
     * none does. The script compares these whole, so a second line naming the symbol makes a redefinition.
     */
    private static String linesNaming(List<String> lines, String symbol) {
        Pattern word = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(symbol) + "(?![A-Za-z0-9_])");
        List<String> found = lines.stream().filter(line -> word.matcher(line).find()).toList();
        return found.isEmpty() ? null : String.join("\n", found);
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
