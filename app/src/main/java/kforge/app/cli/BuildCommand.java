package kforge.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import kforge.runner.board.BoardProfile;
import kforge.runner.make.KernelBuild;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildStatus;
import kforge.runner.toolchain.Toolchains;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.io.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * kforge build --board NAME: the board's .config made in the out dir (or given), then the kernel's own
 * make for each target, with progress, parsed diagnostics, verified artifacts and a build record.
 */
@Command(name = "build", description = "Configure and build a kernel for a board profile out of tree, verify"
        + " the artifacts and write OUT/kforge-build.json.")
public final class BuildCommand implements Callable<Integer> {
    @Mixin
    BoardOptions board = new BoardOptions();

    @Mixin
    BuildOptions build = new BuildOptions();

    @Option(names = "--targets", split = ",", paramLabel = "T[,T...]", description = "Make targets (default: the"
            + " profile's), e.g. zImage,modules,modules_install,dtbs.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "Build with this .config instead of making one.")
    Path config;

    @Option(names = "--keep-config", description = "Build with the .config already in the out dir.")
    boolean keepConfig;

    @Override
    public Integer call() throws InterruptedException {
        BoardProfile profile = board.profile();
        // Before any .config is made: a tree without the board or a missing compiler is the first thing to
        // hear about, not the last.
        if (config == null && !keepConfig) {
            board.requireBoardInTree(profile);
        }
        Toolchains.require(board.crossCompile(profile), System.getenv());
        Path outDir = build.outDir();
        BoardOptions.ConfigResult configResult = prepareConfig(profile, outDir);
        if (configResult.status() != 0) {
            return configResult.status();
        }
        KernelBuild kernelBuild = build.kernelBuild(board, profile, targets, configResult.warnings());
        BuildRecord record = BuildOptions.cancellingOnInterrupt(kernelBuild::cancel, kernelBuild::call);
        System.out.println("kforge: record " + outDir.resolve("kforge-build.json"));
        return exitStatus(record.status());
    }

    static int exitStatus(BuildStatus status) {
        return status == BuildStatus.PASS ? 0 : status == BuildStatus.CANCELLED ? 130 : 1;
    }

    private BoardOptions.ConfigResult prepareConfig(BoardProfile profile, Path outDir) {
        Path dotConfig = outDir.resolve(".config");
        if (config != null && keepConfig) {
            throw new KconfigException("--config and --keep-config exclude each other");
        }
        if (keepConfig) {
            if (!Files.isRegularFile(dotConfig)) {
                throw new KconfigException(dotConfig + ": --keep-config, but there is no .config in the out dir");
            }
            return new BoardOptions.ConfigResult(0, List.of());
        }
        if (config != null) {
            copyConfig(config, dotConfig);
            return new BoardOptions.ConfigResult(0, List.of());
        }
        return board.writeConfig(profile, board.openEngine(profile, outDir), dotConfig, build.quiet, System.err);
    }

    private static void copyConfig(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            AtomicFile.replace(to, Files.readString(from, StandardCharsets.ISO_8859_1), true);
        } catch (IOException e) {
            throw new KconfigException(from + ": cannot copy to " + to + ": " + e.getMessage());
        }
    }
}
