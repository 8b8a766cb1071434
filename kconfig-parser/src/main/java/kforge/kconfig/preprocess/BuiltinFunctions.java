package kforge.kconfig.preprocess;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.diag.SourceLocation;

/** The functions preprocess.c builds in: error-if, filename, info, lineno, shell, warning-if. */
final class BuiltinFunctions {
    private record Builtin(int minArgs, int maxArgs, Function<List<String>, String> body) {
    }

    private final Reporter reporter;
    private final Supplier<SourceLocation> location;
    private final UnaryOperator<String> shell;
    private final Map<String, Builtin> table;

    /**
     * @param location never returns null
     * @param shell runs a command and returns its $(shell,...) expansion
     */
    BuiltinFunctions(Reporter reporter, Supplier<SourceLocation> location, UnaryOperator<String> shell) {
        this.reporter = reporter;
        this.location = location;
        this.shell = shell;
        this.table = Map.of(
                "error-if", new Builtin(2, 2, this::errorIf),
                "filename", new Builtin(0, 0, args -> location.get().file()),
                "info", new Builtin(1, 1, this::info),
                "lineno", new Builtin(0, 0, args -> Integer.toString(location.get().line())),
                "shell", new Builtin(1, 1, args -> shell.apply(args.get(0))),
                "warning-if", new Builtin(2, 2, this::warningIf));
    }

    /** The function's result, or null when {@code name} is not a built-in function. */
    String call(String name, List<String> args) {
        Builtin builtin = table.get(name);
        if (builtin == null) {
            return null;
        }
        if (args.size() < builtin.minArgs()) {
            throw fatal("too few function arguments passed to '" + name + "'");
        }
        if (args.size() > builtin.maxArgs()) {
            throw fatal("too many function arguments passed to '" + name + "'");
        }
        return builtin.body().apply(args);
    }

    private String errorIf(List<String> args) {
        if (args.get(0).equals("y")) {
            throw fatal(args.get(1));
        }
        return "";
    }

    private String info(List<String> args) {
        reporter.out(args.get(0));
        return "";
    }

    private String warningIf(List<String> args) {
        if (args.get(0).equals("y")) {
            reporter.err(location.get() + ": " + args.get(1));
        }
        return "";
    }

    private KconfigException fatal(String message) {
        return new KconfigException(location.get(), message);
    }
}
