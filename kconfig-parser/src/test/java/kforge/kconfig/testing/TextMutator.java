package kforge.kconfig.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Format-blind edits of a text file, for fuzzers of formats that have no mutator of their own (or as extra
 * edits for those that have): lines deleted, repeated, swapped, cut off, or taken from a list of lines the
 * format's reader cares about; bytes flipped or inserted; line ends changed. Deterministic for a given
 * {@link Random}. Format-aware mutators (KconfigMutator) keep their own edits and may call these.
 */
public final class TextMutator {
    private final Random random;
    private final List<String> interestingLines;

    /** {@code interestingLines}: whole lines to insert, such as the format's keywords in their usual shape. */
    public TextMutator(Random random, List<String> interestingLines) {
        this.random = random;
        this.interestingLines = interestingLines.isEmpty() ? List.of("") : List.copyOf(interestingLines);
    }

    /** One to {@code maxEdits} edits. */
    public String mutate(String text, int maxEdits) {
        String result = text;
        int edits = 1 + random.nextInt(Math.max(1, maxEdits));
        for (int i = 0; i < edits; i++) {
            result = mutateOnce(result);
        }
        return result;
    }

    public String mutateOnce(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        boolean endsInNewline = lines.size() > 1 && lines.get(lines.size() - 1).isEmpty();
        if (endsInNewline) {
            lines.remove(lines.size() - 1);
        }
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        switch (random.nextInt(10)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, line);
            case 2 -> {
                if (at + 1 < lines.size()) {
                    lines.set(at, lines.get(at + 1));
                    lines.set(at + 1, line);
                }
            }
            case 3 -> lines.add(at, pick(interestingLines));
            case 4 -> lines.set(at, pick(interestingLines));
            case 5 -> {
                // Cut off: the file ends in the middle of a line or a block.
                String kept = String.join("\n", lines.subList(0, at)) + (at > 0 ? "\n" : "");
                return kept + line.substring(0, random.nextInt(line.length() + 1));
            }
            case 6 -> lines.set(at, flipCharacter(line));
            case 7 -> lines.set(at, insertCharacter(line));
            case 8 -> lines.set(at, line + "\r");
            default -> lines.set(at, line.isEmpty() ? " " : line.substring(0, random.nextInt(line.length())));
        }
        String joined = String.join("\n", lines);
        return endsInNewline || random.nextInt(8) != 0 ? joined + "\n" : joined;
    }

    private String flipCharacter(String line) {
        if (line.isEmpty()) {
            return String.valueOf(oddCharacter());
        }
        int i = random.nextInt(line.length());
        return line.substring(0, i) + oddCharacter() + line.substring(i + 1);
    }

    private String insertCharacter(String line) {
        int i = random.nextInt(line.length() + 1);
        return line.substring(0, i) + oddCharacter() + line.substring(i);
    }

    /** Characters readers trip over: quotes, backslashes, separators, NUL, tab, space, high bytes. */
    private char oddCharacter() {
        String odd = "\"'\\ \t=#$()-+@:;,0\u0000\u00ff\u00e9xyzn";
        return odd.charAt(random.nextInt(odd.length()));
    }

    public <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
