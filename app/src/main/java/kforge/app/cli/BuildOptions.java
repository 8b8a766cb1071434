package kforge.app.cli;

import java.nio.file.Path;
import java.util.List;

import kforge.kconfig.diag.KconfigException;
import kforge.runner.board.BoardProfile;
import kforge.runner.wrapper.CompilerWrapper;
import kforge.runner.make.KernelBuild;
import picocli.CommandLine.Option;

/** The options of a kernel build, shared by kforge build and kforge boot. */
final class BuildOptions {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Build directory (make's O=).")
    Path out;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "make -jN (default: the number of CPUs).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--wrapper", paramLabel = "WRAPPER", description = "Compiler wrapper: ccache, distcc,"
            + " icecc, ccache+distcc or ccache+icecc (ccache's misses go to the other, as CCACHE_PREFIX).")
    String wrapper;

    @Option(names = "--progress", paramLabel = "auto|bar|plain", description = "A redrawn bar (TTY) or plain lines.")
    String progress = "auto";

    @Option(names = {"-q", "--quiet"}, description = "Do not print conf's messages.")
    boolean quiet;

    @Option(names = "--no-reproducible", description = "Let the build take its timestamp, user, host and paths"
            + " from this machine (by default they are fixed, so two builds of one config give the same image).")
    boolean noReproducible;

    Path outDir() {
        return out.toAbsolutePath().normalize();
    }

    /** The build of the board's targets (or the given ones) into the out dir, printing its progress. */
    KernelBuild kernelBuild(BoardOptions board, BoardProfile profile, List<String> targets, List<String> warnings) {
        return KernelBuild.forBoard(profile, board.tree, outDir(), board.crossCompile(profile), targets)
                .setJobs(jobs).setWrapper(CompilerWrapper.parse(wrapper)).setConfigWarnings(warnings)
                .setReproducible(!noReproducible)
                .setListener(new BuildProgressView(System.out, showBar(), ""));
    }

    private boolean showBar() {
        switch (progress) {
            case "bar": return true;
            case "plain": return false;
            case "auto": return System.console() != null && !"dumb".equals(System.getenv("TERM"));
            default: throw new KconfigException("--progress " + progress + ": expected auto, bar or plain");
        }
    }

    /** Runs work with Ctrl-C passed to cancel: make and QEMU run in sessions of their own and do not see it. */
    static <T> T cancellingOnInterrupt(Runnable cancel, InterruptibleWork<T> work) throws InterruptedException {
        Thread stopper = new Thread(cancel, "kforge-cancel");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            return work.call();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is running or has run.
            }
        }
    }

    interface InterruptibleWork<T> {
        T call() throws InterruptedException;
    }
}
