package kforge.kconfig.parse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kforge.kconfig.diag.Reporter;
import kforge.kconfig.diag.SourceLocation;
import kforge.kconfig.lex.KconfigLexer;
import kforge.kconfig.lex.SourceResolver;
import kforge.kconfig.preprocess.AssignFlavor;
import kforge.kconfig.preprocess.PrefetchingShellRunner;
import kforge.kconfig.preprocess.Preprocessor;

/**
 * Reads a Kconfig tree ahead of its parse, on a thread of its own, to start the $(shell,...) commands the
 * parse will run (the compiler probes that are most of conf's own time) while the parse is still busy
 * scanning. It follows source statements and macro assignments line by line, without the scanner or the
 * parser: whatever it gets wrong only costs a command run in vain or one the parse then runs itself, because
 * the parse takes no result that was not computed for exactly its command in this run.
 *
 * <p>Assignments and source paths need the commands' results to go on; everywhere else the scout only starts
 * the commands and does not wait, unless one command is built from another's result.
 */
public final class ShellScout implements Runnable {
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z0-9_-]+)[ \\t]*(:=|\\+=|=)[ \\t]*(.*)");
    private static final Pattern SOURCE = Pattern.compile("(o?r?source)[ \\t]+\"([^\"]*)\".*");
    private static final Pattern HELP = Pattern.compile("(help|---help---)[ \\t]*");
    /**
     * Stands for the result of a command not awaited: Kconfig text is ISO-8859-1, so these private-use
     * characters cannot occur in it, and the preprocessor only ever copies them.
     */
    private static final String PENDING_OPEN = "\uE000";
    private static final String PENDING_CLOSE = "\uE001";
    private static final Pattern PENDING = Pattern.compile("\uE000(\\d+)\uE001");
    /** Deeper than any real tree, and a guard against a file that sources itself. */
    private static final int MAX_DEPTH = 64;

    private final String topFile;
    private final SourceResolver resolver;
    private final PrefetchingShellRunner shells;
    private final Preprocessor preprocessor;
    private String file = "";
    private int line;
    private boolean waitForResults;
    private final List<CompletableFuture<String>> notAwaited = new ArrayList<>();

    public ShellScout(String topFile, SourceResolver resolver, Map<String, String> environment,
                      PrefetchingShellRunner shells) {
        this.topFile = topFile;
        this.resolver = new SourceResolver(resolver.workingDirectory(), resolver.srctree());
        this.shells = shells;
        this.preprocessor = new Preprocessor(environment, Reporter.silent(),
                () -> new SourceLocation(file, line), this::start);
        if (resolver.workingDirectory() != null) {
            preprocessor.setWorkingDirectory(resolver.workingDirectory());
        }
    }

    /** Starts a scout on a daemon thread; it ends by itself when the tree is read or the parse is over. */
    public static void startAhead(String topFile, SourceResolver resolver, Map<String, String> environment,
                                  PrefetchingShellRunner shells) {
        Thread thread = new Thread(new ShellScout(topFile, resolver, environment, shells), "shell-scout");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            read(topFile, 0);
        } catch (RuntimeException e) {
            // The parse finds and reports whatever is wrong with the tree; the scout just stops.
        }
    }

    private String start(String command, Map<String, String> env, Path cwd) {
        CompletableFuture<String> result = shells.start(withResults(command));
        if (waitForResults) {
            return result.join();
        }
        notAwaited.add(result);
        return PENDING_OPEN + (notAwaited.size() - 1) + PENDING_CLOSE;
    }

    /** A command built from results not awaited yet needs them now. */
    private String withResults(String command) {
        Matcher pending = PENDING.matcher(command);
        if (!pending.find()) {
            return command;
        }
        StringBuilder resolved = new StringBuilder();
        do {
            String result = notAwaited.get(Integer.parseInt(pending.group(1))).join();
            pending.appendReplacement(resolved, Matcher.quoteReplacement(result));
        } while (pending.find());
        return pending.appendTail(resolved).toString();
    }

    private void read(String name, int depth) {
        Path path = resolver.resolve(name);
        if (path == null || depth > MAX_DEPTH || shells.isClosed()) {
            return;
        }
        String text;
        try {
            text = SourceResolver.read(path);
        } catch (IOException e) {
            return;
        }
        String[] lines = text.split("\n", -1);
        int helpIndent = -1;
        boolean inHelp = false;
        for (int i = 0; i < lines.length && !shells.isClosed(); i++) {
            StringBuilder logical = new StringBuilder(lines[i]);
            int first = i;
            while (endsWithBackslash(logical) && i + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(lines[++i]);
            }
            String raw = logical.toString();
            String text1 = raw.strip();
            if (inHelp) {
                int indent = indentOf(raw);
                if (text1.isEmpty() || helpIndent < 0 || indent >= helpIndent) {
                    if (!text1.isEmpty() && helpIndent < 0) {
                        helpIndent = indent;
                    }
                    continue;
                }
                inHelp = false;
            }
            if (HELP.matcher(text1).matches()) {
                inHelp = true;
                helpIndent = -1;
                continue;
            }
            file = name;
            line = first + 1;
            statement(name, text1, depth);
        }
    }

    private void statement(String name, String text, int depth) {
        if (text.isEmpty() || text.startsWith("#")) {
            return;
        }
        Matcher source = SOURCE.matcher(text);
        if (source.matches()) {
            String path = expand(source.group(2), true);
            if (path != null && !path.contains("*") && !path.contains("?")) {
                read(source.group(1).endsWith("rsource") ? SourceResolver.relativeTo(name, path) : path, depth + 1);
            }
            return;
        }
        Matcher assignment = ASSIGNMENT.matcher(text);
        if (assignment.matches()) {
            waitForResults = true;
            try {
                preprocessor.assign(assignment.group(1), assignment.group(3),
                        AssignFlavor.fromOperator(assignment.group(2)));
            } catch (RuntimeException e) {
                // $(error-if,...) or a bad reference: the parse will say so.
            }
            return;
        }
        if (text.contains("$(")) {
            expand(text, false);
        }
    }

    private String expand(String text, boolean needResult) {
        waitForResults = needResult;
        try {
            return preprocessor.expandString(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean endsWithBackslash(CharSequence s) {
        return s.length() > 0 && s.charAt(s.length() - 1) == '\\';
    }

    private static int indentOf(String line) {
        int end = 0;
        while (end < line.length() && (line.charAt(end) == ' ' || line.charAt(end) == '\t')) {
            end++;
        }
        return KconfigLexer.indentation(line, 0, end);
    }
}
