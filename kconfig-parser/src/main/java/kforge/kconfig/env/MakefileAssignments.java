package kforge.kconfig.env;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kforge.kconfig.diag.KconfigException;

/**
 * The values GNU make gives a few variables of a Makefile, read the way make reads the file: logical lines
 * joined at backslash-newlines, comments cut at an unescaped '#', the value's leading blanks dropped and its
 * trailing ones kept, CR before LF ignored, "override" and "export" prefixes, =, :=, ::=, :::=, ?= and +=,
 * recipe lines after a rule skipped, the last assignment winning. What make would compute and this does
 * not (a conditional or define around one of them, a "!=" shell assignment) is refused, naming the line:
 * a version read wrong picks the wrong Kconfig dialect, so guessing is worse than stopping.
 */
final class MakefileAssignments {
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "((?:(?:override|export)\\s+)*)([^\\s:#=?+!]+)\\s*(=|:=|::=|:::=|\\?=|\\+=|!=)[ \\t]*(.*)", Pattern.DOTALL);
    private static final Pattern CONDITIONAL_START = Pattern.compile("(?:ifeq|ifneq|ifdef|ifndef)(?:[\\s(].*)?",
            Pattern.DOTALL);
    private static final Pattern DEFINE = Pattern.compile("(?:(?:override|export)\\s+)*define\\s+(\\S+).*",
            Pattern.DOTALL);

    /** A variable's value and the line that gave it. */
    record Value(String text, int line) {
    }

    private final String file;
    private final Set<String> wanted;
    private final Set<String> conditionalAllowed;
    private final Map<String, Value> values = new HashMap<>();
    private final Set<String> conditionalNames = new java.util.HashSet<>();
    private final Set<String> assigned = new java.util.HashSet<>();
    private final Set<String> overridden = new java.util.HashSet<>();

    private MakefileAssignments(String file, Set<String> wanted, Set<String> conditionalAllowed) {
        this.file = file;
        this.wanted = wanted;
        this.conditionalAllowed = conditionalAllowed;
    }

    /**
     * The wanted variables that the Makefile's text assigns, each with its final value; those in
     * {@code conditionalAllowed} may have their one assignment inside a conditional.
     */
    static Map<String, Value> read(String file, List<String> physicalLines, Set<String> wanted,
                                   Set<String> conditionalAllowed) {
        MakefileAssignments reader = new MakefileAssignments(file, wanted, conditionalAllowed);
        reader.readAll(physicalLines);
        return reader.values;
    }

    private void readAll(List<String> physicalLines) {
        int conditionalDepth = 0;
        String definedName = null;
        boolean inRule = false;
        int i = 0;
        while (i < physicalLines.size()) {
            int lineNumber = i + 1;
            StringBuilder logical = new StringBuilder(withoutCarriageReturn(physicalLines.get(i)));
            i++;
            while (endsInContinuation(logical) && i < physicalLines.size()) {
                joinContinuation(logical, withoutCarriageReturn(physicalLines.get(i)));
                i++;
            }
            String line = logical.toString();
            if (line.indexOf('\0') >= 0) {
                // make drops a line's rest after a NUL, and where a continuation then ends is make's own affair.
                throw new KconfigException(file + ":" + lineNumber + ": holds a NUL byte; a Makefile has none");
            }
            if (definedName != null) {
                if (line.strip().startsWith("endef")) {
                    definedName = null;
                }
                continue;
            }
            if (inRule && line.startsWith("\t")) {
                continue;
            }
            String text = withoutComment(line).strip();
            if (text.isEmpty()) {
                continue;
            }
            inRule = false;
            Matcher define = DEFINE.matcher(text);
            if (define.matches()) {
                refuseIfWanted(define.group(1), lineNumber, "is defined with define ... endef");
                definedName = define.group(1);
                continue;
            }
            if (CONDITIONAL_START.matcher(text).matches()) {
                conditionalDepth++;
                continue;
            }
            if (text.equals("endif") || text.startsWith("endif ") || text.startsWith("endif\t")) {
                conditionalDepth = Math.max(0, conditionalDepth - 1);
                continue;
            }
            if (text.equals("else") || text.startsWith("else ") || text.startsWith("else\t")) {
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(line.stripLeading());
            if (m.matches()) {
                String name = m.group(2);
                boolean override = m.group(1).contains("override");
                // Once set with "override", a variable keeps that value against plain assignments.
                if (wanted.contains(name) && (override || !overridden.contains(name))) {
                    assignOnce(name, m.group(3), valueOf(m.group(4)), lineNumber, conditionalDepth > 0);
                    if (override) {
                        overridden.add(name);
                    }
                }
                continue;
            }
            if (text.contains(":")) {
                inRule = true;
            }
        }
    }

    /**
     * The top Makefile defines KERNELVERSION inside conditionals (6.1: in the else branch of "ifdef
     * mixed-build", within "ifeq ($(need-sub-make),)"), the branches that the make which runs conf always takes;
     * so a variable allowed there is taken as assigned if that is its only assignment. Any other wanted variable
     * in a conditional, or a second assignment next to one, depends on conditions kforge does not evaluate.
     */
    private void assignOnce(String name, String operator, String value, int line, boolean conditional) {
        boolean assignedBefore = !assigned.add(name);
        if (conditional) {
            if (!conditionalAllowed.contains(name)) {
                refuseIfWanted(name, line, "is assigned inside a conditional (ifeq, ifdef, ...)");
            }
            conditionalNames.add(name);
        }
        if (assignedBefore && conditionalNames.contains(name)) {
            throw new KconfigException(file + ":" + line + ": " + name + " is assigned more than once, inside a"
                    + " conditional (ifeq, ifdef, ...) that kforge does not evaluate");
        }
        assign(name, operator, value, line);
    }

    private void assign(String name, String operator, String value, int line) {
        Value old = values.get(name);
        switch (operator) {
            case "!=" -> throw new KconfigException(file + ":" + line + ": " + name
                    + " is assigned a shell command's output (!=), which kforge does not run");
            case "?=" -> {
                if (old == null) {
                    values.put(name, new Value(value, line));
                }
            }
            case "+=" -> values.put(name, new Value(old == null || old.text().isEmpty() ? value
                    : value.isEmpty() ? old.text() + " " : old.text() + " " + value, line));
            default -> values.put(name, new Value(value, line));
        }
    }

    private void refuseIfWanted(String name, int line, String how) {
        if (wanted.contains(name)) {
            throw new KconfigException(file + ":" + line + ": " + name + " " + how
                    + ", which kforge does not evaluate");
        }
    }

    /** The value as make stores it: up to an unescaped '#', "\#" read as '#'. */
    private static String valueOf(String rest) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '\\' && i + 1 < rest.length() && rest.charAt(i + 1) == '#') {
                value.append('#');
                i++;
            } else if (c == '#') {
                break;
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    private static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String withoutCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** An odd number of backslashes at the end: the last one escapes the newline. */
    private static boolean endsInContinuation(CharSequence line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** Make's rule outside recipes: the blanks around a backslash-newline become one space. */
    private static void joinContinuation(StringBuilder logical, String next) {
        logical.setLength(logical.length() - 1);
        while (!logical.isEmpty() && isBlank(logical.charAt(logical.length() - 1))) {
            logical.setLength(logical.length() - 1);
        }
        logical.append(' ').append(next.stripLeading());
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
