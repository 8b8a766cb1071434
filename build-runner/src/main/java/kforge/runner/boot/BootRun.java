package kforge.runner.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import kforge.kconfig.diag.KconfigException;
import kforge.runner.artifact.Artifact;
import kforge.runner.board.BoardProfile;
import kforge.runner.make.KernelBuild;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildRecords;
import kforge.runner.record.BuildStatus;

/**
 * kforge boot after the .config is made: the build when something is missing (no passing record, an
 * artifact gone, a .config other than the one built, or asked), then the smoke test's init and initramfs, then the boot,
 * whose result goes into the build's record.
 */
public final class BootRun {
    public static final String WORK = ".kforge/boot";

    /** What a boot run reports as it goes (the build reports through its own listener). */
    public interface Listener {
        /** A line kforge says about the run. */
        default void note(String line) {
        }

        /** The boot is starting with this command. */
        default void bootStarting(List<String> command) {
        }

        /** A console line, as it comes. */
        default void console(String line, boolean stderr) {
        }
    }

    private final BoardProfile profile;
    private final Path outDir;
    private final KernelBoot boot;
    private KernelBuild build;
    private boolean rebuild;
    private Path init;
    private String crossCompile = "";
    private Map<String, String> environment = System.getenv();
    private Listener listener = new Listener() { };

    private volatile boolean cancelled;

    private BootRun(BoardProfile profile, Path outDir) {
        this.profile = profile;
        this.outDir = outDir.toAbsolutePath().normalize();
        this.boot = KernelBoot.of(profile, this.outDir);
    }

    /** Refuses, before anything is written, a board kforge cannot boot. */
    public static BootRun of(BoardProfile profile, Path outDir) {
        return new BootRun(profile, outDir);
    }

    /** The build to run when the kernel is missing or stale; its targets must produce what the boot needs. */
    public BootRun setBuild(KernelBuild build) {
        this.build = build;
        return this;
    }

    public BootRun setRebuild(boolean rebuild) {
        this.rebuild = rebuild;
        return this;
    }

    /** A static program to run as /init instead of kforge's (it must print the marker itself). */
    public BootRun setInit(Path init) {
        this.init = init;
        return this;
    }

    public BootRun setCrossCompile(String crossCompile) {
        this.crossCompile = crossCompile == null ? "" : crossCompile;
        return this;
    }

    public BootRun setMarker(String marker) {
        boot.setMarker(marker);
        return this;
    }

    public BootRun setTimeoutSeconds(double seconds) {
        boot.setTimeoutSeconds(seconds);
        return this;
    }

    public BootRun setEnvironment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        boot.setEnvironment(environment);
        return this;
    }

    public BootRun setListener(Listener listener) {
        this.listener = listener;
        boot.setConsole(listener::console).setStarting(listener::bootStarting);
        return this;
    }

    /** Any thread: stops the build or the boot, whichever is running. */
    public void cancel() {
        cancelled = true;
        if (build != null) {
            build.cancel();
        }
        boot.cancel();
    }

    /** The record with the boot; a build that did not pass is returned as it is, without a boot. */
    public BuildRecord call() throws InterruptedException {
        BuildRecord record = upToDateRecord().orElse(null);
        if (record == null) {
            if (build == null) {
                throw new KconfigException(outDir + ": no passing build here to boot");
            }
            record = build.call();
            if (record.status() != BuildStatus.PASS) {
                return record;
            }
        } else {
            listener.note("kforge: the kernel in " + outDir + " is up to date with its .config; booting it"
                    + " (--rebuild runs make again)");
        }
        Path work = outDir.resolve(WORK);
        Path program = init != null ? init : BootPrograms.init(crossCompile, boot.marker(), work, environment);
        boot.setInitramfs(Initramfs.write(program, work.resolve("initramfs.cpio")));
        if (boot.isUml() && isX86Host()) {
            boot.setPreload(BootPrograms.umlShim(work, environment));
        }
        BuildRecord.Boot result = cancelled ? new BuildRecord.Boot(BuildStatus.CANCELLED, 0, KernelBoot.CONSOLE_LOG,
                boot.marker(), boot.command(), "cancelled before the boot") : boot.call();
        BuildRecord booted = record.withBoot(result);
        BuildRecords.write(outDir, booted);
        return booted;
    }

    private static boolean isX86Host() {
        String arch = System.getProperty("os.arch");
        return arch.equals("amd64") || arch.equals("x86_64");
    }

    /**
     * The last build's record when it passed, with the .config that is there now, and every artifact is
     * still there; empty when make has to run.
     */
    private Optional<BuildRecord> upToDateRecord() {
        if (rebuild) {
            return Optional.empty();
        }
        String configNow = Artifact.inspect(outDir, ".config", profile.arch()).sha256();
        Optional<BuildRecord> latest;
        try {
            latest = BuildRecords.latest(outDir);
        } catch (KconfigException e) {
            return Optional.empty();
        }
        return latest.filter(r -> r.status() == BuildStatus.PASS)
                .filter(r -> r.config() != null && configNow.equals(r.config().sha256()))
                .filter(r -> profile.artifacts().stream()
                        .allMatch(a -> Files.isRegularFile(outDir.resolve(Artifact.resolve(outDir, a)))))
                .filter(r -> profile.targets().stream().allMatch(t -> r.target(t).isPresent()));
    }
}
