package kforge.kconfig.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits of a .config that know its format, for the fuzzers of the .config reader (DotConfigFuzzTest) and of
 * the fragment merge (FragmentMergeFuzzTest):
 * tristate values flipped, "is not set" lines in their odd shapes, values that are invalid or at the edge
 * of their type (int, hex, string quoting and escapes), unknown symbols, repeated symbols, CRLF, no final
 * newline, very long lines; and, now and then, a format-blind {@link TextMutator} edit. Deterministic for a
 * given {@link Random}.
 */
public final class DotConfigMutator {
    private static final Pattern ASSIGNMENT = Pattern.compile("^CONFIG_([A-Za-z0-9_]+)=(.*)$");
    private static final Pattern NOT_SET = Pattern.compile("^# CONFIG_([A-Za-z0-9_]+) is not set$");
    private static final List<String> VALUES = List.of("y", "m", "n", "Y", "M", "", " y", "y ", "yes", "0", "1",
            "-1", "+5", "007", "5 ", " 5", "1e3", "2147483647", "2147483648", "-2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999",
            "0x", "0x0", "0X1F", "1f", "0x1g", "0xff", "0x100", "0xffffffffffffffff", "0x10000000000000000", "-0x1",
            "0x-1", "\"\"", "\"text\"", "\"unterminated", "unquoted", "\"a\"b\"", "\"tail\" junk", "\"\\\"\"",
            "\"\\\\\"", "\"back\\\\slash\\\"", "\"\\n\\t\"", "'single'", "\"caf\u00e9 \u00ff\"", "\"#\"", "\"=\"",
            "\"\\", "\\", "\"$(VAR)\"", "\"${VAR}\"", "y # comment", "m\t", "\"y\"", "0x20 ", "10 ", "0010",
            "-0", "+0x1");
    private static final List<String> NOT_SET_SHAPES = List.of("# CONFIG_%s is not set", "#CONFIG_%s is not set",
            "# CONFIG_%s is not set ", "#  CONFIG_%s is not set", "# CONFIG_%s  is not set", "# CONFIG_%s is not",
            "# CONFIG_%s is not set\r", "# CONFIG_%s is not set # again", "# CONFIG_%s=y", "# CONFIG_%s",
            " # CONFIG_%s is not set", "\t# CONFIG_%s is not set", "# CONFIG_%s is NOT set", "# CONFIG_%s is unset",
            "## CONFIG_%s is not set");
    private static final List<String> ASSIGNMENT_SHAPES = List.of("CONFIG_%s=%s", "CONFIG_%s =%s", "CONFIG_%s= %s",
            " CONFIG_%s=%s", "\tCONFIG_%s=%s", "config_%s=%s", "CONFIG_%s==%s", "CONFIG_%s:%s", "CONFIG_%s%s",
            "CONFIG_CONFIG_%s=%s", "CONFIG_%s_=%s", "CONFIG_%s=%s\r", "%s=%s");
    private static final List<String> UNKNOWN = List.of("NOSUCH", "B", "B11", "b1", "MODULE", "MODULES_", "_B1",
            "1B", "", "X".repeat(300));

    private final Random random;
    private final TextMutator textMutator;
    private final List<String> symbols;

    /** {@code symbols}: the fixture's symbol names (without CONFIG_), for lines about symbols that exist. */
    public DotConfigMutator(Random random, List<String> symbols) {
        this.random = random;
        this.symbols = List.copyOf(symbols);
        List<String> interesting = new ArrayList<>();
        for (String symbol : symbols) {
            interesting.add("CONFIG_" + symbol + "=y");
            interesting.add("# CONFIG_" + symbol + " is not set");
        }
        interesting.addAll(List.of("", "#", "# comment", "CONFIG_", "CONFIG_=y", "=", "garbage"));
        this.textMutator = new TextMutator(random, interesting);
    }

    /** One to {@code maxEdits} edits. */
    public String mutate(String text, int maxEdits) {
        String result = text;
        int edits = 1 + random.nextInt(Math.max(1, maxEdits));
        for (int i = 0; i < edits; i++) {
            result = random.nextInt(5) == 0 ? textMutator.mutateOnce(result) : mutateOnce(result);
        }
        return result;
    }

    public String mutateOnce(String text) {
        boolean endsInNewline = text.endsWith("\n");
        List<String> lines = new ArrayList<>(List.of((endsInNewline ? text.substring(0, text.length() - 1) : text)
                .split("\n", -1)));
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        Matcher assignment = ASSIGNMENT.matcher(line);
        Matcher notSet = NOT_SET.matcher(line);
        String symbol = assignment.matches() ? assignment.group(1) : notSet.matches() ? notSet.group(1)
                : pick(symbols);
        switch (random.nextInt(16)) {
            case 0, 1 -> lines.set(at, "CONFIG_" + symbol + "=" + pick(List.of("y", "m", "n")));
            case 2 -> lines.set(at, String.format(pick(NOT_SET_SHAPES), symbol));
            case 3, 4 -> lines.set(at, "CONFIG_" + symbol + "=" + pick(VALUES));
            case 5 -> lines.set(at, String.format(pick(ASSIGNMENT_SHAPES), symbol, pick(VALUES)));
            case 6 -> lines.add(at, random.nextBoolean() ? "CONFIG_" + pick(UNKNOWN) + "=" + pick(VALUES)
                    : String.format(pick(NOT_SET_SHAPES), pick(UNKNOWN)));
            case 7 -> {
                // The same symbol again, later, with another value (conf: "override: reassigning").
                String again = random.nextBoolean() ? "CONFIG_" + symbol + "=" + pick(VALUES)
                        : "# CONFIG_" + symbol + " is not set";
                lines.add(at + random.nextInt(lines.size() - at + 1), again);
            }
            case 8 -> lines.remove(at);
            case 9 -> {
                // Every line in CRLF, or just this one.
                if (random.nextBoolean()) {
                    lines.replaceAll(l -> l + "\r");
                } else {
                    lines.set(at, line + "\r");
                }
            }
            case 10 -> {
                return String.join("\n", lines);  // no final newline
            }
            case 11 -> {
                int length = pick(List.of(100, 1000, 4095, 4096, 10_000, 70_000));
                lines.set(at, random.nextBoolean()
                        ? "CONFIG_" + symbol + "=\"" + "x".repeat(length) + "\""
                        : "# " + "c".repeat(length));
            }
            case 12 -> {
                // String escapes around the value of a line that has one.
                String value = assignment.matches() ? assignment.group(2) : "\"x\"";
                lines.set(at, "CONFIG_" + symbol + "=" + pick(List.of(value + "\\", "\\" + value,
                        value.replace("\"", "\\\""), value.replace("\"", ""), "\"" + value, value + "\"",
                        value + " \"", value.replace("\\", "\\\\"))));
            }
            case 13 -> {
                // All members of a choice, or a choice member and its siblings, set together.
                List<String> members = symbols.stream().filter(s -> s.startsWith("C")).toList();
                if (!members.isEmpty()) {
                    lines.add(at, "CONFIG_" + pick(members) + "=" + pick(List.of("y", "m")));
                }
            }
            case 14 -> lines.add(at, pick(List.of("", "#", "# comment", "   ", "\t", "CONFIG_", "CONFIG_=y", "=y",
                    "CONFIG_" + symbol, "\u0000", "# CONFIG_" + symbol + " is not set" + "\u0000")));
            default -> {
                if (at + 1 < lines.size()) {
                    lines.set(at, lines.get(at + 1));
                    lines.set(at + 1, line);
                }
            }
        }
        return String.join("\n", lines) + (endsInNewline || random.nextInt(10) == 0 ? "\n" : "");
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
