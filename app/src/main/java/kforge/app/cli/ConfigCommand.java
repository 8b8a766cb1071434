package kforge.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import kforge.runner.board.BoardProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * kforge config --board NAME: the board's defconfig with fragments merged over it, as
 * scripts/kconfig/merge_config.sh does, and every requested value that did not make it, with the reason.
 */
@Command(name = "config", description = "Make a .config from a board profile, merging fragments over its defconfig"
        + " as merge_config.sh does; requested values that do not hold are errors.",
        subcommands = {ConfigCommitCommand.class, ConfigCommitLogCommand.class, ConfigCommitDiffCommand.class})
public final class ConfigCommand implements Callable<Integer> {
    @Mixin
    BoardOptions board = new BoardOptions();

    @Option(names = "--config", paramLabel = "FILE", description = "The .config to write (default: .config).")
    Path config = Path.of(".config");

    @Option(names = {"-q", "--quiet"}, description = "Do not print conf's messages.")
    boolean quiet;

    @Override
    public Integer call() {
        BoardProfile profile = board.profile();
        Path configFile = config.toAbsolutePath();
        board.requireBoardInTree(profile);
        return board.writeConfig(profile, board.openEngine(profile, configFile.getParent()), configFile, quiet,
                System.err).status();
    }
}
