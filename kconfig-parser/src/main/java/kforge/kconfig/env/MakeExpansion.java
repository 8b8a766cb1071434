package kforge.kconfig.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kforge.kconfig.diag.KconfigException;

/**
 * Expands the small part of make's language that the top Makefile's KERNELVERSION line uses: variable
 * references ($(NAME), ${NAME}), $(if COND,THEN[,ELSE]) and $$. Each kernel generation spells that line its own
 * way (2.6.32 joins all three numbers with dots, later ones leave out an empty level), so kforge expands the
 * tree's own line rather than keeping a formula per release. Anything else is refused with where it is.
 */
final class MakeExpansion {
    private final Map<String, String> variables;
    private final String where;

    private MakeExpansion(Map<String, String> variables, String where) {
        this.variables = variables;
        this.where = where;
    }

    /** {@code text} expanded; a variable not in {@code variables} is refused. */
    static String expand(String text, Map<String, String> variables, String where) {
        return new MakeExpansion(variables, where).expand(text);
    }

    private String expand(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                i++;
                continue;
            }
            char open = text.charAt(i + 1);
            if (open == '$') {
                out.append('$');
                i += 2;
                continue;
            }
            if (open != '(' && open != '{') {
                throw refusal("$" + open);
            }
            int close = closingOf(text, i + 1);
            out.append(reference(text.substring(i + 2, close)));
            i = close + 1;
        }
        return out.toString();
    }

    private String reference(String inside) {
        if (inside.startsWith("if ") || inside.startsWith("if\t")) {
            List<String> arguments = arguments(inside.substring(3).stripLeading());
            if (arguments.size() < 2 || arguments.size() > 3) {
                throw refusal("$(" + inside + ")");
            }
            if (!expand(arguments.get(0)).strip().isEmpty()) {
                return expand(arguments.get(1));
            }
            return arguments.size() == 3 ? expand(arguments.get(2)) : "";
        }
        String name = expand(inside);
        if (name.isEmpty() || name.chars().anyMatch(ch -> ch == ' ' || ch == '\t' || ch == ',' || ch == ':')) {
            throw refusal("$(" + inside + ")");
        }
        if (!variables.containsKey(name)) {
            throw new KconfigException(where + ": $(" + inside + ") refers to a variable kforge does not read");
        }
        return variables.get(name);
    }

    /** The function's arguments, split at the commas outside nested parentheses. */
    private static List<String> arguments(String text) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '{') {
                depth++;
            } else if (c == ')' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                arguments.add(text.substring(start, i));
                start = i + 1;
            }
        }
        arguments.add(text.substring(start));
        return arguments;
    }

    private int closingOf(String text, int open) {
        char opening = text.charAt(open);
        char closing = opening == '(' ? ')' : '}';
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i;
            }
        }
        throw new KconfigException(where + ": unterminated variable reference in '" + text + "'");
    }

    private KconfigException refusal(String what) {
        return new KconfigException(where + ": " + what + " is make that kforge does not evaluate");
    }
}
