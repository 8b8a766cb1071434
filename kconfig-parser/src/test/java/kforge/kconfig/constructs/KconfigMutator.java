package kforge.kconfig.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small random edits of Kconfig text and of .config files, the kind a person makes by mistake or a patch
 * leaves behind: lines deleted, repeated, swapped or cut off, keywords and symbols exchanged, values
 * changed, options and block lines inserted. Each edit is deterministic for a given {@link Random}.
 */
final class KconfigMutator {
    private static final Pattern SYMBOL = Pattern.compile("\\b[A-Z][A-Z0-9_]*\\b");
    private static final Pattern TRISTATE_VALUE = Pattern.compile("(?<=[ =])[ymn]\\b");
    private static final List<String> KEYWORDS = List.of("bool", "tristate", "int", "hex", "string", "def_bool",
            "def_tristate", "default", "prompt", "depends on", "select", "imply", "range", "config", "menuconfig",
            "choice", "endchoice", "if", "endif", "menu", "endmenu", "comment", "help", "optional", "visible if",
            "modules", "source", "mainmenu", "option");
    private static final List<String> INSERTED = List.of("\tdepends on %s", "\tselect %s", "\timply %s",
            "\tdefault y", "\tdefault m", "\tdefault n", "\tdefault %s", "\tbool \"%s\"", "\ttristate \"%s\"",
            "\tint \"%s\"", "\tprompt \"p\"", "\toptional", "\trange 1 5", "\tdefault \"x\"", "\tdefault 0x10",
            "\tdepends on !%s", "\tdepends on %s && %s", "\tdepends on %s || m", "\tvisible if %s",
            "if %s", "endif", "choice", "endchoice", "menu \"m\"", "endmenu", "comment \"c\"",
            "config %s", "menuconfig %s", "\thelp", "\t  help text", "\tdepends on %s = y", "\tdepends on %s != n",
            "\tselect %s if %s", "\tdef_bool %s", "\tmodules", "\tdefault %s if %s");

    private final Random random;

    KconfigMutator(Random random) {
        this.random = random;
    }

    /** One to three random edits of a Kconfig file. */
    String mutate(String text) {
        String result = text;
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            result = mutateOnce(result);
        }
        return result;
    }

    private String mutateOnce(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        int at = random.nextInt(lines.size());
        switch (random.nextInt(10)) {
            case 0:
                lines.remove(at);
                break;
            case 1:
                lines.add(at, lines.get(at));
                break;
            case 2:
                if (at + 1 < lines.size()) {
                    String line = lines.get(at);
                    lines.set(at, lines.get(at + 1));
                    lines.set(at + 1, line);
                }
                break;
            case 3:
                lines.set(at, replaceKeyword(lines.get(at)));
                break;
            case 4:
                lines.set(at, replaceSymbol(lines.get(at), symbolsOf(text)));
                break;
            case 5:
                lines.set(at, replaceValue(lines.get(at)));
                break;
            case 6:
                lines.add(at, inserted(symbolsOf(text)));
                break;
            case 7:
                // Cut off: a file that ends in the middle of a block or a help text.
                return String.join("\n", lines.subList(0, at + 1)) + (random.nextBoolean() ? "\n" : "");
            case 8:
                lines.set(at, reindent(lines.get(at)));
                break;
            default:
                lines.set(at, editExpression(lines.get(at)));
                break;
        }
        return String.join("\n", lines) + "\n";
    }

    private String replaceKeyword(String line) {
        for (String keyword : KEYWORDS) {
            int i = line.indexOf(keyword);
            if (i >= 0 && line.substring(0, i).isBlank()) {
                return line.substring(0, i) + pick(KEYWORDS) + line.substring(i + keyword.length());
            }
        }
        return pick(KEYWORDS) + " " + line.strip();
    }

    private String replaceSymbol(String line, List<String> symbols) {
        Matcher m = SYMBOL.matcher(line);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty() || symbols.isEmpty()) {
            return line;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return line.substring(0, span[0]) + pick(symbols) + line.substring(span[1]);
    }

    private String replaceValue(String line) {
        Matcher m = TRISTATE_VALUE.matcher(line);
        if (!m.find()) {
            return line + (random.nextBoolean() ? " if y" : " if n");
        }
        return line.substring(0, m.start()) + pick(List.of("y", "m", "n")) + line.substring(m.end());
    }

    private String inserted(List<String> symbols) {
        String template = pick(INSERTED);
        List<String> names = symbols.isEmpty() ? List.of("FOO") : symbols;
        return String.format(template, pick(names), pick(names));
    }

    private String reindent(String line) {
        String body = line.stripLeading();
        return pick(List.of("", "\t", "  ", "\t\t", " \t", "        ")) + body;
    }

    private String editExpression(String line) {
        switch (random.nextInt(4)) {
            case 0:
                return line.replaceFirst("\\bon (\\S)", "on !$1");
            case 1:
                return line.replaceFirst("&&", "||");
            case 2:
                return line.replaceFirst("\\(", "");
            default:
                return line + pick(List.of(" && y", " || n", " && m", " = y", " if m", ")", " \\"));
        }
    }

    private static List<String> symbolsOf(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = SYMBOL.matcher(text);
        while (m.find()) {
            if (!names.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** A .config for the mutated Kconfig: values for some of its symbols, some of them odd. */
    String dotConfig(String kconfig) {
        List<String> symbols = symbolsOf(kconfig);
        StringBuilder config = new StringBuilder();
        int lines = random.nextInt(Math.max(1, symbols.size() + 2));
        for (int i = 0; i < lines && !symbols.isEmpty(); i++) {
            String name = pick(symbols);
            switch (random.nextInt(8)) {
                case 0: config.append("# CONFIG_").append(name).append(" is not set\n"); break;
                case 1: config.append("CONFIG_").append(name).append("=m\n"); break;
                case 2: config.append("CONFIG_").append(name).append("=\"text\"\n"); break;
                case 3: config.append("CONFIG_").append(name).append('=').append(random.nextInt(20)).append('\n'); break;
                case 4: config.append("CONFIG_").append(name).append("=0x1f\n"); break;
                case 5: config.append(pick(List.of("CONFIG_" + name, "garbage", "# CONFIG_" + name + " is not set x",
                        "CONFIG_" + name + "=y\r"))).append('\n'); break;
                default: config.append("CONFIG_").append(name).append("=y\n"); break;
            }
        }
        return config.toString();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
