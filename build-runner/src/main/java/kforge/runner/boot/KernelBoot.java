package kforge.runner.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.env.ExecutableSearch;
import kforge.runner.artifact.Artifact;
import kforge.runner.board.BoardProfile;
import kforge.runner.process.OutputLog;
import kforge.runner.process.SessionProcess;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildStatus;

/**
 * One boot of a built kernel with the smoke test's initramfs: UML's linux as an ordinary process (the UML
 * HOWTO's way, no root needed), or QEMU with the zImage, the board's DTB and the initramfs on a serial
 * console. The console is streamed as it comes and kept in the out dir; the boot passes when the marker
 * appears within the timeout. Whatever happens, the whole process tree is gone when {@link #call} returns.
 */
public final class KernelBoot {
    public static final String CONSOLE_LOG = "kforge-boot.log";
    public static final String DEFAULT_MARKER = "kforge-boot: init reached user space";

    private final BoardProfile.Boot boot;
    private final Path outDir;
    private Path initramfs;
    private Path preload;
    private String marker = DEFAULT_MARKER;
    private long timeoutMillis = 120_000;
    private Map<String, String> environment = System.getenv();
    private SessionProcess.LineSink console = (line, stderr) -> { };
    private Consumer<List<String>> starting = command -> { };

    private volatile boolean cancelled;
    private volatile SessionProcess running;

    private KernelBoot(BoardProfile.Boot boot, Path outDir) {
        this.boot = boot;
        this.outDir = outDir.toAbsolutePath().normalize();
    }

    /** A boot of what the board's build left in outDir. */
    public static KernelBoot of(BoardProfile profile, Path outDir) {
        String cannot = profile.cannotBoot();
        if (cannot != null) {
            throw new KconfigException(cannot);
        }
        return new KernelBoot(profile.boot(), outDir);
    }

    public KernelBoot setInitramfs(Path initramfs) {
        this.initramfs = initramfs.toAbsolutePath();
        return this;
    }

    /** A library for UML's LD_PRELOAD (see {@link BootPrograms#umlShim}). */
    public KernelBoot setPreload(Path library) {
        this.preload = library.toAbsolutePath();
        return this;
    }

    public boolean isUml() {
        return boot.runner().equals("uml");
    }

    public KernelBoot setMarker(String marker) {
        this.marker = BootPrograms.requireMarker(marker);
        return this;
    }

    public String marker() {
        return marker;
    }

    public KernelBoot setTimeoutSeconds(double seconds) {
        if (!(seconds > 0)) {
            throw new KconfigException("--timeout " + seconds + ": give a number of seconds above 0");
        }
        this.timeoutMillis = Math.round(seconds * 1000);
        return this;
    }

    public KernelBoot setEnvironment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return this;
    }

    /** Gets every console line as it comes (from the program's reader threads, one at a time). */
    public KernelBoot setConsole(SessionProcess.LineSink console) {
        this.console = console;
        return this;
    }

    /** Gets the command just before it starts. */
    public KernelBoot setStarting(Consumer<List<String>> starting) {
        this.starting = starting;
        return this;
    }

    /** Any thread: the boot ends as CANCELLED and its processes are killed. */
    public void cancel() {
        cancelled = true;
        SessionProcess process = running;
        if (process != null) {
            process.cancel();
        }
    }

    /** The program and arguments this boot runs. */
    public List<String> command() {
        if (initramfs == null) {
            throw new KconfigException("no initramfs given for the boot");
        }
        List<String> command = new ArrayList<>();
        if (isUml()) {
            command.add(require(outDir.resolve("linux"), "UML's kernel").toString());
            command.addAll(words(boot.cmdline()));
            command.add("initrd=" + initramfs);
            command.addAll(List.of("rdinit=/init", "con0=null,fd:1", "con=none", "ssl=none", "panic=-1"));
            return command;
        }
        String qemu = ExecutableSearch.find(boot.runner(), environment).map(Path::toString).orElseThrow(() ->
                new KconfigException(boot.runner() + " is not on PATH; install it (Debian: apt-get install "
                        + boot.runner() + ")"));
        command.addAll(List.of(qemu, "-M", boot.machine(), "-m", "128M",
                "-kernel", require(outDir.resolve("arch/arm/boot/zImage"), "the zImage").toString()));
        if (boot.dtb() != null) {
            command.addAll(List.of("-dtb", deviceTree(boot.dtb()).toString()));
        }
        command.addAll(List.of("-initrd", initramfs.toString(),
                "-append", (boot.cmdline() + " rdinit=/init panic=-1").strip(),
                "-display", "none", "-serial", "stdio", "-monitor", "none", "-no-reboot"));
        return command;
    }

    /** Boots and waits for the marker; the result is PASS, FAIL (timeout or exit first) or CANCELLED. */
    public BuildRecord.Boot call() throws InterruptedException {
        List<String> command = command();
        CountDownLatch markerSeen = new CountDownLatch(1);
        long start = System.nanoTime();
        long[] markerAt = {0};
        BuildStatus status;
        String why;
        try (OutputLog log = OutputLog.create(outDir.resolve(CONSOLE_LOG))) {
            log.line("# " + String.join(" ", command));
            starting.accept(command);
            SessionProcess process = SessionProcess.start(command, outDir, processEnvironment(), (line, stderr) -> {
                log.line(line);
                console.line(line, stderr);
                if (markerAt[0] == 0 && line.contains(marker)) {
                    markerAt[0] = System.nanoTime();
                    markerSeen.countDown();
                }
            });
            running = process;
            try {
                if (cancelled) {
                    process.cancel();
                }
                why = await(process, command.get(0), markerSeen, start);
            } finally {
                process.cancel();
                process.waitFor();
                running = null;
            }
            status = markerSeen.getCount() == 0 ? BuildStatus.PASS : cancelled ? BuildStatus.CANCELLED
                    : BuildStatus.FAIL;
            log.line("# kforge boot: " + status + (why == null ? "" : ": " + why));
        }
        long end = markerAt[0] != 0 ? markerAt[0] : System.nanoTime();
        return new BuildRecord.Boot(status, Math.round((end - start) / 1e7) / 100.0, CONSOLE_LOG, marker, command,
                status == BuildStatus.PASS ? null : why);
    }

    private Map<String, String> processEnvironment() {
        if (preload == null) {
            return environment;
        }
        Map<String, String> env = new HashMap<>(environment);
        String given = env.get("LD_PRELOAD");
        env.put("LD_PRELOAD", given == null || given.isBlank() ? preload.toString() : preload + " " + given);
        return env;
    }

    /** Null when the marker came; else why the boot ended without it. */
    private String await(SessionProcess process, String program, CountDownLatch markerSeen, long start)
            throws InterruptedException {
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            if (markerSeen.await(50, TimeUnit.MILLISECONDS)) {
                return null;
            }
            if (cancelled) {
                return "cancelled";
            }
            if (!process.isAlive()) {
                int exit = process.exitValue();
                // What it started may hold the console open; once that is gone, its last lines are in.
                process.cancel();
                process.waitFor();
                return markerSeen.getCount() == 0 ? null
                        : program + " exited with status " + exit + " before the marker";
            }
            if (System.nanoTime() > deadline) {
                return "no marker within " + timeoutMillis / 1000.0 + " s";
            }
        }
    }

    private static Path require(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new KconfigException(file + ": " + what + " is not there; build it first");
        }
        return file;
    }

    /** The DTB by name under arch/arm/boot/dts, in a vendor folder or not (see {@link Artifact#resolve}). */
    private Path deviceTree(String name) {
        Path dtb = outDir.resolve(Artifact.resolve(outDir, "arch/arm/boot/dts/**" + name));
        if (!Files.isRegularFile(dtb)) {
            throw new KconfigException(outDir.resolve("arch/arm/boot/dts") + ": no " + name + "; build the dtbs target");
        }
        return dtb;
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }
}
