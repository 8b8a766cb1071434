package kforge.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import kforge.runner.board.BoardProfile;
import kforge.runner.git.ConfigPlace;
import kforge.runner.git.ConfigRevision;
import kforge.runner.git.KernelTree;
import kforge.kconfig.ConfigEngine;
import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * kforge config commit: a .config made minimal with kforge's own savedefconfig, saved as a git commit in the
 * kernel tree. The git layer gets the finished text, so it needs no Kconfig engine.
 */
@Command(name = "commit", mixinStandardHelpOptions = true,
        description = "Save a .config, made minimal as savedefconfig does, as a git commit:"
        + " arch/$SRCARCH/configs/<board>_defconfig on the checked-out branch, or <board>/defconfig on a configs"
        + " branch with --branch (which leaves the checked-out branch and files alone).")
final class ConfigCommitCommand implements Callable<Integer> {
    @Mixin
    ConfigCommitOptions where = new ConfigCommitOptions();

    @Option(names = "--config", paramLabel = "FILE", description = "The .config to save (default: .config).")
    Path config = Path.of(".config");

    @Option(names = "--cross-compile", paramLabel = "PREFIX", description = "Override the profile's toolchain"
            + " prefix (Kconfig asks the compiler what it supports).")
    String crossCompile;

    @Option(names = {"-m", "--message"}, paramLabel = "MSG", description = "Commit message (default: \"<board>:"
            + " save defconfig\").")
    String message;

    @Override
    public Integer call() {
        BoardProfile profile = where.profile();
        Path configFile = config.toAbsolutePath();
        if (!Files.isRegularFile(configFile)) {
            throw new KconfigException(config + ": no such file; make one with kforge config --board "
                    + where.board + " --config " + config);
        }
        String arch = where.arch();
        String cross = crossCompile != null ? crossCompile : profile.crossCompile();
        String defconfig = savedefconfig(configFile, arch, cross);
        ConfigPlace place = where.place();
        try (KernelTree tree = where.open()) {
            ConfigRevision saved = tree.commitConfig().setPlace(place).setText(defconfig).setMessage(message).call();
            System.out.println("Saved " + place.describe() + " in " + tree.directory() + " as commit "
                    + saved.shortId() + ": " + saved.subject());
        }
        return 0;
    }

    /** savedefconfig's output for configFile, read as conf wrote it (bytes as ISO-8859-1 chars). */
    private String savedefconfig(Path configFile, String arch, String cross) {
        ConfigEngine engine = ConfigEngine.open(where.tree, arch, cross, configFile.getParent(), System.getenv(),
                Reporter.console());
        Path output = null;
        try {
            output = Files.createTempFile("kforge-", "_defconfig");
            int status = engine.run(ConfMode.SAVEDEFCONFIG, output.toString(), configFile, true, System.err, null,
                    false);
            if (status != 0) {
                throw new KconfigException("savedefconfig of " + config + " failed (status " + status + ")");
            }
            return Files.readString(output, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file left in /tmp is no reason to fail the save.
        }
    }
}
