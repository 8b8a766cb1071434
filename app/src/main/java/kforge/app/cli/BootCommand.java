package kforge.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import kforge.runner.board.BoardProfile;
import kforge.runner.boot.BootRun;
import kforge.runner.boot.KernelBoot;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildStatus;
import kforge.runner.toolchain.Toolchains;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * kforge boot --board uml|versatilepb: the board's .config and build as kforge build makes them (make
 * only runs when something is missing), then a boot with a static init that prints a marker, streamed
 * live, with the result in OUT/kforge-build.json.
 */
@Command(name = "boot", description = "Build what is missing, then boot the kernel with a static init in an"
        + " initramfs (UML as a process, versatilepb under qemu-system-arm) and wait for the init's marker on"
        + " the console. The result goes into OUT/kforge-build.json.")
public final class BootCommand implements Callable<Integer> {
    @Mixin
    BoardOptions board = new BoardOptions();

    @Mixin
    BuildOptions build = new BuildOptions();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait for the marker (default: 120).")
    double timeout = 120;

    @Option(names = "--marker", paramLabel = "TEXT", description = "The console line that means the boot worked"
            + " (default: what kforge's init prints).")
    String marker = KernelBoot.DEFAULT_MARKER;

    @Option(names = "--init", paramLabel = "FILE", description = "A static program to run as /init instead of"
            + " kforge's; it must print the marker.")
    Path init;

    @Option(names = "--rebuild", description = "Run make even when the out dir's kernel is up to date.")
    boolean rebuild;

    @Override
    public Integer call() throws InterruptedException {
        BoardProfile profile = board.profile();
        Path outDir = build.outDir();
        // Before anything is written: a board that cannot boot here, a tree without it, a missing compiler.
        BootRun run = BootRun.of(profile, outDir);
        board.requireBoardInTree(profile);
        Toolchains.require(board.crossCompile(profile), System.getenv());
        BoardOptions.ConfigResult config = board.writeConfig(profile, board.openEngine(profile, outDir),
                outDir.resolve(".config"), build.quiet, System.err);
        if (config.status() != 0) {
            return config.status();
        }
        run.setBuild(build.kernelBuild(board, profile, List.of(), config.warnings())).setRebuild(rebuild)
                .setInit(init).setCrossCompile(board.crossCompile(profile)).setMarker(marker)
                .setTimeoutSeconds(timeout)
                .setListener(new BootRun.Listener() {
                    @Override
                    public void note(String line) {
                        System.out.println(line);
                    }

                    @Override
                    public void bootStarting(List<String> command) {
                        System.out.println("kforge: boot: " + String.join(" ", command));
                    }

                    @Override
                    public void console(String line, boolean stderr) {
                        System.out.println(line);
                    }
                });
        BuildRecord record = BuildOptions.cancellingOnInterrupt(run::cancel, run::call);
        BuildRecord.Boot boot = record.boot();
        if (boot == null) {
            System.out.println("kforge: the build did not pass (" + record.status() + "); nothing was booted");
            return BuildCommand.exitStatus(record.status());
        }
        System.out.println("kforge: boot " + boot.status() + " in " + boot.seconds() + " s"
                + (boot.detail() == null ? "" : ": " + boot.detail()) + "; console " + outDir.resolve(boot.console()));
        System.out.println("kforge: record " + outDir.resolve("kforge-build.json"));
        return BuildCommand.exitStatus(boot.status());
    }
}
