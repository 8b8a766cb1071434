package kforge.runner.host;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dotted version number such as 3.82 or 12.2.0, compared numerically component by component; missing
 * components count as 0, so 1.0 equals 1.0.0. Components are kept as digit strings, so no number is too long.
 */
public final class VersionNumber implements Comparable<VersionNumber> {
    private static final Pattern LEADING = Pattern.compile("\\d+(?:\\.\\d+)*");
    private static final Pattern DOTTED = Pattern.compile("\\d+(?:\\.\\d+)+");
    private static final Pattern AFTER_VERSION_WORD = Pattern.compile("(?i)\\bversion\\s+v?(\\d+)\\b");

    private final String text;
    private final List<String> components;

    private VersionNumber(String text) {
        this.text = text;
        List<String> parts = new ArrayList<>();
        for (String part : text.split("\\.")) {
            String stripped = part.replaceFirst("^0+(?=\\d)", "");
            parts.add(stripped);
        }
        this.components = List.copyOf(parts);
    }

    /**
     * The version a text starts with: "2.10o" gives 2.10, "004" gives 4 (shown as 004).
     *
     * @throws IllegalArgumentException when the text does not start with a digit
     */
    public static VersionNumber parse(String text) {
        VersionNumber version = tryParse(text);
        if (version == null) {
            throw new IllegalArgumentException("not a version number: " + text);
        }
        return version;
    }

    /** Like {@link #parse} but null when the text does not start with a digit (e.g. "any"). */
    public static VersionNumber tryParse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = LEADING.matcher(text.strip());
        return m.lookingAt() ? new VersionNumber(m.group()) : null;
    }

    /**
     * The version a program printed: the first dotted number that is not part of a word or of a longer
     * token ("x86_64", "a8314ef7d" are skipped; "v1.2" is taken). When there is no dotted number, a plain
     * number right after the word "version" ("kmod version 30"). Null when there is neither.
     */
    public static VersionNumber findIn(String output) {
        if (output == null) {
            return null;
        }
        Matcher m = DOTTED.matcher(output);
        while (m.find()) {
            if (standsAlone(output, m.start())) {
                return new VersionNumber(m.group());
            }
        }
        Matcher word = AFTER_VERSION_WORD.matcher(output);
        return word.find() ? new VersionNumber(word.group(1)) : null;
    }

    private static boolean standsAlone(String text, int start) {
        if (start == 0) {
            return true;
        }
        char before = text.charAt(start - 1);
        if (before == 'v' || before == 'V') {
            return start == 1 || !Character.isLetterOrDigit(text.charAt(start - 2));
        }
        return !(Character.isLetterOrDigit(before) || before == '.' || before == '_' || before == '-');
    }

    /** The components as numbers without leading zeros, e.g. [12, 2, 0]. */
    public List<String> components() {
        return components;
    }

    @Override
    public int compareTo(VersionNumber other) {
        int n = Math.max(components.size(), other.components.size());
        for (int i = 0; i < n; i++) {
            String a = i < components.size() ? components.get(i) : "0";
            String b = i < other.components.size() ? other.components.get(i) : "0";
            int c = a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    public boolean isAtLeast(VersionNumber minimum) {
        return compareTo(minimum) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionNumber v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int end = components.size();
        while (end > 0 && components.get(end - 1).equals("0")) {
            end--;
        }
        return components.subList(0, end).hashCode();
    }

    /** As written, e.g. "2.40" or "004". */
    @Override
    public String toString() {
        return text;
    }
}
