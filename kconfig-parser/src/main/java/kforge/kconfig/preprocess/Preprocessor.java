package kforge.kconfig.preprocess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.diag.SourceLocation;

/**
 * The Kconfig preprocessor (scripts/kconfig/preprocess.c): macro variables, user-defined functions and the
 * built-in functions, expanded in $(...) references.
 *
 * <p>Strings are scanned the way the C code scans C strings: a NUL char ends the input wherever it appears.
 */
public final class Preprocessor {
    /** FUNCTION_MAX_ARGS: the name plus at most 15 arguments. */
    private static final int MAX_CLAUSE_PARTS = 16;
    /** Deeper nesting of one variable's expansion than this is taken as runaway recursion. */
    private static final int MAX_EXPANSION_DEPTH = 1000;

    private final Map<String, String> environment;
    private final Reporter reporter;
    private final Supplier<SourceLocation> location;
    private final ShellRunner shellRunner;
    private final BuiltinFunctions builtins;
    private final Map<String, Variable> variables = new HashMap<>();
    private final Map<String, String> environmentUsed = new LinkedHashMap<>();
    /** Every variable looked up in the environment, with null for those not set: what a parse depends on. */
    private final Map<String, String> environmentQueried = new LinkedHashMap<>();
    private Path workingDirectory = Path.of(System.getProperty("user.dir"));
    private Supplier<SourceLocation> callSite;

    /**
     * @param environment the process environment conf would see; also the environment of $(shell,...) commands
     * @param location the file:line being read, for $(filename), $(lineno) and messages
     */
    public Preprocessor(Map<String, String> environment, Reporter reporter, Supplier<SourceLocation> location) {
        this(environment, reporter, location, new ProcessShellRunner());
    }

    public Preprocessor(Map<String, String> environment, Reporter reporter, Supplier<SourceLocation> location,
                        ShellRunner shellRunner) {
        this.environment = Map.copyOf(environment);
        this.reporter = Objects.requireNonNull(reporter);
        Objects.requireNonNull(location);
        this.location = () -> Objects.requireNonNullElse(location.get(), SourceLocation.NONE);
        this.callSite = this.location;
        this.shellRunner = Objects.requireNonNull(shellRunner);
        this.builtins = new BuiltinFunctions(this.reporter, this.location, this::runShell);
    }

    /** Where $(shell,...) commands run; conf runs them in the objtree. */
    public void setWorkingDirectory(Path workingDirectory) {
        this.workingDirectory = Objects.requireNonNull(workingDirectory);
    }

    /**
     * Where a $(shell,...) call is said to come from, for runners that list commands: by default the
     * location $(lineno) gives, which for an assignment is already the line after it.
     */
    public void setCallSite(Supplier<SourceLocation> site) {
        Objects.requireNonNull(site);
        this.callSite = () -> Objects.requireNonNullElse(site.get(), SourceLocation.NONE);
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** variable_add(): defines or extends a macro, as "name = value", "name := value" or "name += value". */
    public void assign(String name, String rawValue, AssignFlavor flavor) {
        guardStack(() -> {
            Variable existing = variables.get(name);
            if (existing != null && flavor == AssignFlavor.APPEND) {
                existing.append(existing.flavor() == AssignFlavor.SIMPLE ? expandString(rawValue, List.of())
                        : rawValue);
            } else {
                define(name, existing, rawValue, flavor == AssignFlavor.APPEND ? AssignFlavor.RECURSIVE : flavor);
            }
            return null;
        });
    }

    /**
     * The value of a ":=" definition is expanded before the variable changes, so "X := $(X) more" sees the old
     * X (or, for a new X, the environment). The C code reads freed or uninitialised memory there.
     */
    private void define(String name, Variable existing, String rawValue, AssignFlavor flavor) {
        String value = flavor == AssignFlavor.SIMPLE ? expandString(rawValue, List.of()) : rawValue;
        if (existing == null) {
            variables.put(name, new Variable(value, flavor));
        } else {
            existing.redefine(value, flavor);
        }
    }

    /** variable_all_del(): conf forgets all macros once parsing is done. */
    public void clearVariables() {
        variables.clear();
    }

    /** The stored value of a macro: raw for recursive ones, expanded for simple ones. */
    public Optional<String> variableValue(String name) {
        Variable variable = variables.get(name);
        return variable == null ? Optional.empty() : Optional.of(variable.value());
    }

    /** Environment variables referenced so far, in first-use order, for include/config/auto.conf.cmd. */
    /** Every environment variable the expansion looked up, in order, mapped to its value or null when unset. */
    public Map<String, String> environmentQueried() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(environmentQueried));
    }

    public Map<String, String> environmentUsed() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(environmentUsed));
    }

    /** expand_string(): expands every $(...) in {@code in}. */
    public String expandString(String in) {
        return guardStack(() -> expandString(in, List.of()));
    }

    /**
     * expand_one_token(): expands from the start of {@code in} to the end of the token, i.e. the first char
     * outside $(...) that is not alphanumeric, '_' or '-'.
     */
    public Expansion expandOneToken(String in) {
        return guardStack(() -> expandUntil(in, 0, Preprocessor::isEndOfToken, List.of()));
    }

    /** expand_dollar(): {@code in} starts right after a '$'; expands the one $(...) reference there. */
    public Expansion expandDollar(String in) {
        return guardStack(() -> expandDollar(in, 0, List.of()));
    }

    private interface EndTest {
        boolean isEnd(char c);
    }

    private static boolean isEndOfString(char c) {
        return c == 0;
    }

    /** is_end_of_token() in the C locale: only ASCII letters and digits are alphanumeric. */
    private static boolean isEndOfToken(char c) {
        boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        return !(alnum || c == '_' || c == '-');
    }

    private String expandString(String in, List<String> args) {
        if (in.indexOf('$') < 0 && in.indexOf('\0') < 0) {
            return in;
        }
        return expandUntil(in, 0, Preprocessor::isEndOfString, args).value();
    }

    /** __expand_string(): copies text, expanding references, up to the first char {@code end} accepts. */
    private Expansion expandUntil(String in, int start, EndTest end, List<String> args) {
        StringBuilder out = new StringBuilder();
        int copied = start;
        int p = start;
        while (true) {
            char c = charAt(in, p);
            if (c == '$') {
                out.append(in, copied, p);
                Expansion reference = expandDollar(in, p + 1, args);
                out.append(reference.value());
                p += 1 + reference.consumed();
                copied = p;
            } else if (end.isEnd(c)) {
                break;
            } else {
                p++;
            }
        }
        out.append(in, copied, p);
        return new Expansion(out.toString(), p - start);
    }

    /**
     * expand_dollar_with_args(): {@code start} is just after a '$'. Only "$(" starts a reference; any other
     * '$' stands for itself.
     */
    private Expansion expandDollar(String in, int start, List<String> args) {
        if (charAt(in, start) != '(') {
            return new Expansion("$", 0);
        }
        int clauseStart = start + 1;
        int clauseEnd = matchingParen(in, clauseStart);
        return new Expansion(evalClause(in.substring(clauseStart, clauseEnd), args), clauseEnd + 1 - start);
    }

    private int matchingParen(String in, int from) {
        int nest = 0;
        for (int q = from; ; q++) {
            char c = charAt(in, q);
            if (c == 0) {
                throw fatal("unterminated reference to '" + in.substring(from, cStringEnd(in, from))
                        + "': missing ')'");
            }
            if (c == '(') {
                nest++;
            } else if (c == ')' && nest-- == 0) {
                return q;
            }
        }
    }

    /**
     * eval_clause(): the text between "$(" and ")". An argument of the calling user function, else a variable
     * or user function, else a built-in function, else (without arguments) an environment variable, else "".
     */
    private String evalClause(String clause, List<String> args) {
        int argument = ArgumentReference.index(clause, args.size());
        if (argument > 0) {
            return args.get(argument - 1);
        }
        List<String> parts = splitAtTopLevelCommas(clause);
        // Name first, then arguments left to right: the order matters when they call $(info) or $(shell).
        String name = expandString(parts.get(0), args);
        List<String> callArgs = new ArrayList<>(parts.size() - 1);
        for (String part : parts.subList(1, parts.size())) {
            callArgs.add(expandString(part, args));
        }
        String result = expandVariable(name, callArgs);
        if (result == null) {
            result = builtins.call(name, callArgs);
        }
        if (result == null && callArgs.isEmpty()) {
            result = expandEnvironment(name);
        }
        return result == null ? "" : result;
    }

    /** "foo,$(x),$(y)" gives foo, $(x), $(y): commas inside parentheses do not split. */
    private List<String> splitAtTopLevelCommas(String clause) {
        List<String> parts = new ArrayList<>(2);
        int nest = 0;
        int partStart = 0;
        for (int p = 0; p < clause.length(); p++) {
            char c = clause.charAt(p);
            if (nest == 0 && c == ',') {
                addPart(parts, clause.substring(partStart, p));
                partStart = p + 1;
            } else if (c == '(') {
                nest++;
            } else if (c == ')') {
                nest--;
            }
        }
        addPart(parts, clause.substring(partStart));
        return parts;
    }

    private void addPart(List<String> parts, String part) {
        if (parts.size() >= MAX_CLAUSE_PARTS) {
            throw fatal("too many function arguments");
        }
        parts.add(part);
    }

    /** variable_expand(): null when no such variable. */
    private String expandVariable(String name, List<String> args) {
        Variable variable = variables.get(name);
        if (variable == null) {
            return null;
        }
        // A function may call itself with arguments (that is how it can terminate); a plain variable may not.
        if (args.isEmpty() && variable.expansionDepth() > 0) {
            throw fatal("Recursive variable '" + name + "' references itself (eventually)");
        }
        if (variable.expansionDepth() > MAX_EXPANSION_DEPTH) {
            throw fatal("Too deep recursive expansion");
        }
        variable.enterExpansion();
        try {
            return variable.flavor() == AssignFlavor.RECURSIVE ? expandString(variable.value(), args)
                    : variable.value();
        } finally {
            variable.leaveExpansion();
        }
    }

    /** env_expand(): null when not set. Remembers what it read, for auto.conf.cmd. */
    private String expandEnvironment(String name) {
        if (name.isEmpty()) {
            return null;
        }
        String remembered = environmentUsed.get(name);
        if (remembered != null) {
            return remembered;
        }
        String value = getenv(name);
        environmentQueried.putIfAbsent(name, value);
        if (value != null) {
            environmentUsed.put(name, value);
        }
        return value;
    }

    /**
     * getenv(3) matches "name=" at the start of an environ entry, so a name that itself contains '=' finds
     * the variable named by the part before its first '=' when that variable's value starts with the rest.
     */
    private String getenv(String name) {
        return getenv(environment, name);
    }

    /** getenv(3) over the given environment, with the '=' rule above. */
    public static String getenv(Map<String, String> environment, String name) {
        int equals = name.indexOf('=');
        if (equals < 0) {
            return environment.get(name);
        }
        String value = environment.get(name.substring(0, equals));
        String valuePrefix = name.substring(equals + 1) + "=";
        return value != null && value.startsWith(valuePrefix) ? value.substring(valuePrefix.length()) : null;
    }

    private String runShell(String command) {
        return shellRunner.run(command, environment, workingDirectory, callSite.get());
    }

    /**
     * The C code recurses on the native stack and so does this; a pathological nesting that exhausts the
     * Java stack is reported like other runaway expansion rather than escaping as an Error.
     */
    private <T> T guardStack(Supplier<T> expansion) {
        try {
            return expansion.get();
        } catch (StackOverflowError e) {
            throw fatal("Too deep recursive expansion");
        }
    }

    /** pperror(): conf prints "file:line: message" and exits. */
    private KconfigException fatal(String message) {
        return new KconfigException(location.get(), message);
    }

    /** The char at {@code index}, or NUL past the end, mirroring a C string's terminator. */
    private static char charAt(String s, int index) {
        return index < s.length() ? s.charAt(index) : 0;
    }

    private static int cStringEnd(String s, int from) {
        int nul = s.indexOf('\0', from);
        return nul < 0 ? s.length() : nul;
    }
}
