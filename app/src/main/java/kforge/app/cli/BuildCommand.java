package kforge.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import kforge.runner.board.BoardProfile;
import kforge.runner.make.CompilerWrapper;
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

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Build directory (make's O=).")
    Path out;

    @Option(names = "--targets", split = ",", paramLabel = "T[,T...]", description = "Make targets (default: the"
            + " profile's), e.g. zImage,modules,modules_install,dtbs.")
    List<String> targets = new ArrayList<>();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "make -jN (default: the number of CPUs).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--config", paramLabel = "FILE", description = "Build with this .config instead of making one.")
    Path config;

    @Option(names = "--keep-config", description = "Build with the .config already in the out dir.")
    boolean keepConfig;

    @Option(names = "--wrapper", paramLabel = "ccache|distcc|icecc", description = "Compiler wrapper.")
    String wrapper;

    @Option(names = "--progress", paramLabel = "auto|bar|plain", description = "A redrawn bar (TTY) or plain lines.")
    String progress = "auto";

    @Option(names = {"-q", "--quiet"}, description = "Do not print conf's messages.")
    boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        BoardProfile profile = board.profile();
        // Before any .config is made: a missing compiler is the first thing to hear about, not the last.
        Toolchains.require(board.crossCompile(profile), System.getenv());
        Path outDir = out.toAbsolutePath().normalize();
        int configStatus = prepareConfig(profile, outDir);
        if (configStatus != 0) {
            return configStatus;
        }
        KernelBuild build = KernelBuild.of(board.tree, outDir).setBoard(profile.name()).setArch(profile.arch())
                .setCrossCompile(board.crossCompile(profile)).setLoadAddress(profile.loadAddress())
                .setTargets(targets.isEmpty() ? profile.targets() : targets).setJobs(jobs)
                .setRequiredArtifacts(targets.isEmpty() ? profile.artifacts() : List.of())
                .setWrapper(CompilerWrapper.parse(wrapper))
                .setListener(new BuildProgressView(System.out, showBar(), ""));
        // make runs in a session of its own, so the terminal's Ctrl-C reaches only kforge: pass it on.
        Thread stopper = new Thread(build::cancel, "kforge-cancel");
        Runtime.getRuntime().addShutdownHook(stopper);
        BuildRecord record;
        try {
            record = build.call();
        } finally {
            removeHook(stopper);
        }
        System.out.println("kforge: record " + outDir.resolve("kforge-build.json"));
        return record.status() == BuildStatus.PASS ? 0 : record.status() == BuildStatus.CANCELLED ? 130 : 1;
    }

    private int prepareConfig(BoardProfile profile, Path outDir) {
        Path dotConfig = outDir.resolve(".config");
        if (config != null && keepConfig) {
            throw new KconfigException("--config and --keep-config exclude each other");
        }
        if (keepConfig) {
            if (!Files.isRegularFile(dotConfig)) {
                throw new KconfigException(dotConfig + ": --keep-config, but there is no .config in the out dir");
            }
            return 0;
        }
        if (config != null) {
            copyConfig(config, dotConfig);
            return 0;
        }
        return board.writeConfig(profile, board.openEngine(profile, outDir), dotConfig, quiet, System.err);
    }

    private static void copyConfig(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            AtomicFile.replace(to, Files.readString(from, StandardCharsets.ISO_8859_1), true);
        } catch (IOException e) {
            throw new KconfigException(from + ": cannot copy to " + to + ": " + e.getMessage());
        }
    }

    private boolean showBar() {
        switch (progress) {
            case "bar": return true;
            case "plain": return false;
            case "auto": return System.console() != null && !"dumb".equals(System.getenv("TERM"));
            default: throw new KconfigException("--progress " + progress + ": expected auto, bar or plain");
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
    }
}
