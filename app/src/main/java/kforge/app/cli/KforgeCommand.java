package kforge.app.cli;

import kforge.kconfig.conf.ConfMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The kforge command line: one subcommand per configuration operation. */
@Command(name = "kforge", mixinStandardHelpOptions = true, version = "kforge 0.1.0",
        description = "Configure and build Linux kernels.",
        subcommands = {GuiCommand.class, ConfigCommand.class, BuildCommand.class, BootCommand.class, BatchCommand.class, DoctorCommand.class, SetCommand.class, WhyCommand.class, FixCommand.class, EnvCommand.class, StatsCommand.class, PatchCommand.class, TreeCommand.class, TargetsCommand.class})
public final class KforgeCommand implements Runnable {
    private static final String[][] MODES = {
        {"defconfig", "New .config from a defconfig (a name in arch/$SRCARCH/configs, a path, or the arch's)."},
        {"olddefconfig", "Update .config, giving new symbols their defaults."},
        {"alldefconfig", "New .config with every symbol at its default."},
        {"allnoconfig", "New .config with as many symbols off as possible."},
        {"allyesconfig", "New .config with as many symbols y as possible."},
        {"allmodconfig", "New .config with as many symbols m as possible."},
        {"randconfig", "New random .config (seed with KCONFIG_SEED)."},
        {"savedefconfig", "Write the minimal defconfig for --config to --output."},
        {"listnewconfig", "List symbols .config does not set yet."},
        {"helpnewconfig", "List symbols .config does not set yet, with their help."},
        {"oldconfig", "Update .config, asking about each new symbol on the terminal."},
    };

    @Override
    public void run() {
        System.out.println(new CommandLine(this).getUsageMessage());
    }

    public static int run(String[] args) {
        CommandLine single = args.length > 0 ? single(args[0]) : null;
        if (single != null) {
            int consumed = 1;
            if (args[0].equals("config") && args.length > 1 && single.getSubcommands().containsKey(args[1])) {
                // picocli would demand config's own required options (--board, --tree) before its
                // subcommands too; commit, log and diff take their own, so they run as commands of their own.
                Object sub = single.getSubcommands().get(args[1]).getCommandSpec().userObject();
                single = named(new CommandLine(sub), "config " + args[1], null);
                consumed = 2;
            }
            // Building only the command asked for saves picocli's reflection over all the others.
            return execute(single, java.util.Arrays.copyOfRange(args, consumed, args.length));
        }
        return full().execute(args);
    }

    /**
     * Runs one subcommand made by the caller ("set" with an environment of a test's choosing, say) as
     * {@link #run} runs it: named "kforge NAME", failures reported as a message without a stack trace.
     */
    public static int run(String name, Object command, String... args) {
        return execute(named(new CommandLine(command), name, null), args);
    }

    private static int execute(CommandLine single, String[] args) {
        single.setExecutionExceptionHandler((ex, line, parseResult) -> Failures.report(ex, System.err));
        return single.execute(args);
    }

    private static CommandLine single(String name) {
        for (String[] m : MODES) {
            if (m[0].equals(name)) {
                return named(new CommandLine(new ModeCommand(ConfMode.fromOption(m[0]))), name, m[1]);
            }
        }
        switch (name) {
            case "set": return named(new CommandLine(new SetCommand()), name, null);
            case "env": return named(new CommandLine(new EnvCommand()), name, null);
            case "stats": return named(new CommandLine(new StatsCommand()), name, null);
            case "gui": return named(new CommandLine(new GuiCommand()), name, null);
            case "doctor": return named(new CommandLine(new DoctorCommand()), name, null);
            case "config": return named(new CommandLine(new ConfigCommand()), name, null);
            case "build": return named(new CommandLine(new BuildCommand()), name, null);
            case "batch": return named(new CommandLine(new BatchCommand()), name, null);
            case "patch": return named(new CommandLine(new PatchCommand()), name, null);
            case "tree": return named(new CommandLine(new TreeCommand()), name, null);
            case "targets": return named(new CommandLine(new TargetsCommand()), name, null);
            default: return null;
        }
    }

    private static CommandLine named(CommandLine cli, String name, String description) {
        cli.setCommandName("kforge " + name);
        if (description != null) {
            cli.getCommandSpec().usageMessage().description(description);
        }
        return cli;
    }

    private static CommandLine full() {
        CommandLine cli = new CommandLine(new KforgeCommand());
        for (String[] m : MODES) {
            CommandLine sub = new CommandLine(new ModeCommand(ConfMode.fromOption(m[0])));
            sub.getCommandSpec().usageMessage().description(m[1]);
            cli.addSubcommand(m[0], sub);
        }
        cli.setExecutionExceptionHandler((ex, line, parseResult) -> Failures.report(ex, System.err));
        return cli;
    }
}
