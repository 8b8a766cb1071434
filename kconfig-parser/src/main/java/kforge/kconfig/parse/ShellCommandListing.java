package kforge.kconfig.parse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.diag.SourceLocation;
import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.lex.SourceResolver;
import kforge.kconfig.preprocess.ShellRunner;

/**
 * The distinct $(shell,...) commands a tree's Kconfig runs, found without running any: the tree is parsed
 * with a shell runner that only notes each command and the Kconfig line that calls it, and hands back a
 * placeholder for its output. A command built from another's output (cc-name from cc-info, say) cannot be
 * known exactly before that one runs; it is listed with the other command in its place and marked.
 *
 * <p>The parse is the real one, so macros, $(success,...), $(cc-option,...) and sourced files are followed
 * as conf follows them; only what a placeholder decides can differ (a source path built from an output, an
 * $(error-if,...) on one), and a parse stopped by that is reported as {@link #stoppedBecause()}.
 */
public final class ShellCommandListing {
    /**
     * One distinct command: its text as the shell would get it, the Kconfig lines that run it, in parse
     * order, and whether its text includes another command's output (shown as "$(shell,that command)").
     */
    public record Command(String text, List<SourceLocation> calledFrom, boolean builtFromOutput) {
        /** The Kconfig file that runs it first: what it is grouped under. */
        public String file() {
            return calledFrom.get(0).file();
        }
    }

    /** The commands one Kconfig file runs first, in parse order. */
    public record Group(String file, List<Command> commands) {
    }

    /**
     * Stands for a command's output: Kconfig text is read as ISO-8859-1, so these private-use characters
     * cannot come from the tree, and the preprocessor only copies them.
     */
    private static final String OUTPUT_OPEN = "\uE000";
    private static final String OUTPUT_CLOSE = "\uE001";
    private static final Pattern OUTPUT = Pattern.compile("\uE000(\\d+)\uE001");

    private final List<Command> commands;
    private final String stoppedBecause;

    private ShellCommandListing(List<Command> commands, String stoppedBecause) {
        this.commands = List.copyOf(commands);
        this.stoppedBecause = stoppedBecause;
    }

    /** Nothing to run: a tree from before the Kconfig preprocessor (4.18), or the bundled sample. */
    public static ShellCommandListing none() {
        return new ShellCommandListing(List.of(), null);
    }

    /**
     * Parses the tree from {@code topFile} as conf would with this environment and dialect, running nothing.
     * A tree that does not parse gives the commands found up to the fault, and the fault.
     */
    public static ShellCommandListing of(String topFile, SourceResolver resolver, Map<String, String> environment,
                                         Dialect dialect) {
        if (!dialect.has(KconfigChange.PREPROCESSOR)) {
            return none();
        }
        Recorder recorder = new Recorder();
        String stopped = null;
        try {
            KconfigParsing.parse(topFile, resolver, environment, recorder, Reporter.silent(), false, dialect);
        } catch (KconfigException e) {
            stopped = e.getMessage();
        }
        return new ShellCommandListing(recorder.commands(), stopped);
    }

    /** Every distinct command, in the order the parse first reaches it. */
    public List<Command> commands() {
        return commands;
    }

    public boolean isEmpty() {
        return commands.isEmpty();
    }

    /** The commands by the Kconfig file that runs each first, files in the order the parse reads them. */
    public List<Group> groups() {
        Map<String, List<Command>> byFile = new LinkedHashMap<>();
        for (Command command : commands) {
            byFile.computeIfAbsent(command.file(), f -> new ArrayList<>()).add(command);
        }
        List<Group> groups = new ArrayList<>();
        byFile.forEach((file, list) -> groups.add(new Group(file, List.copyOf(list))));
        return groups;
    }

    /**
     * The listing as a person reads it: each file, then one line per command it runs first, with the lines
     * that call it ("4, 7:", or "file:line" for another file) and a note on one built from another's output.
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Group group : groups()) {
            lines.add(group.file());
            for (Command command : group.commands()) {
                List<String> where = new ArrayList<>();
                for (SourceLocation at : command.calledFrom()) {
                    where.add(at.file().equals(group.file()) ? Integer.toString(at.line()) : at.toString());
                }
                lines.add("  " + String.join(", ", where) + ": " + command.text()
                        + (command.builtFromOutput() ? "   (uses another command's output)" : ""));
            }
        }
        if (stoppedBecause != null) {
            lines.add("Not read to the end without running commands (" + stoppedBecause.replace('\n', ' ')
                    + "): any commands after that point are not listed.");
        }
        return lines;
    }

    /**
     * Why the listing may be short: the parse stopped there (with a placeholder for an output, or a fault
     * of the tree's own), so commands after that point are not known. Null when the whole tree was read.
     */
    public String stoppedBecause() {
        return stoppedBecause;
    }

    /**
     * SHA-256, in hex, of the sorted distinct commands: the same set of commands gives the same fingerprint
     * whatever order or lines they are called from, and any change to the set changes it.
     */
    public String fingerprint() {
        List<String> texts = new ArrayList<>();
        for (Command command : commands) {
            texts.add(command.text());
        }
        texts.sort(null);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        for (String text : texts) {
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            // NUL cannot be in a command (the preprocessor ends strings there): a separator no text can fake.
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Notes each call and answers with a placeholder; runs nothing. */
    private static final class Recorder implements ShellRunner {
        /** For each placeholder handed out, the command whose output it stands for, as listed. */
        private final List<String> outputOf = new ArrayList<>();
        private final Map<String, List<SourceLocation>> calls = new LinkedHashMap<>();
        private final Map<String, Boolean> builtFromOutput = new LinkedHashMap<>();

        @Override
        public String run(String command, Map<String, String> env, Path cwd) {
            return run(command, env, cwd, SourceLocation.NONE);
        }

        @Override
        public String run(String command, Map<String, String> env, Path cwd, SourceLocation calledAt) {
            Matcher output = OUTPUT.matcher(command);
            boolean dependent = output.find();
            String text = command;
            if (dependent) {
                StringBuilder shown = new StringBuilder();
                do {
                    String inner = outputOf.get(Integer.parseInt(output.group(1)));
                    output.appendReplacement(shown, Matcher.quoteReplacement("$(shell," + inner + ")"));
                } while (output.find());
                text = output.appendTail(shown).toString();
            }
            List<SourceLocation> lines = calls.computeIfAbsent(text, t -> new ArrayList<>());
            if (!lines.contains(calledAt)) {
                lines.add(calledAt);
            }
            builtFromOutput.put(text, dependent);
            outputOf.add(text);
            return OUTPUT_OPEN + (outputOf.size() - 1) + OUTPUT_CLOSE;
        }

        List<Command> commands() {
            List<Command> list = new ArrayList<>();
            calls.forEach((text, lines) -> list.add(new Command(text, List.copyOf(lines), builtFromOutput.get(text))));
            return list;
        }
    }
}
