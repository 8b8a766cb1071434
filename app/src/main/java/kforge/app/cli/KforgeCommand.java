package kforge.app.cli;

import kforge.kconfig.conf.ConfMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The kforge command line: one subcommand per configuration operation. */
@Command(name = "kforge", mixinStandardHelpOptions = true, version = "kforge 0.1.0",
        description = "Configure and build Linux kernels.",
        subcommands = {SetCommand.class, EnvCommand.class, StatsCommand.class})
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
        CommandLine cli = new CommandLine(new KforgeCommand());
        for (String[] m : MODES) {
            CommandLine sub = new CommandLine(new ModeCommand(ConfMode.fromOption(m[0])));
            sub.getCommandSpec().usageMessage().description(m[1]);
            cli.addSubcommand(m[0], sub);
        }
        cli.setExecutionExceptionHandler((ex, line, parseResult) -> Failures.report(ex, System.err));
        return cli.execute(args);
    }
}
