package kforge.runner.make;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kforge.runner.artifact.Artifact;
import kforge.runner.artifact.ModulesTarball;
import kforge.runner.board.BoardProfile;
import kforge.runner.process.OutputLog;
import kforge.runner.process.SessionProcess;
import kforge.runner.diag.Diagnostics;
import kforge.runner.host.BuildNeeds;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildRecords;
import kforge.runner.record.BuildStatus;
import kforge.runner.record.TargetResult;
import kforge.runner.record.TreeIdentity;
import kforge.runner.toolchain.Toolchain;
import kforge.runner.toolchain.Toolchains;
import kforge.runner.wrapper.CompilerWrapper;
import kforge.runner.wrapper.WrapperRun;
import kforge.kconfig.diag.KconfigException;

/**
 * A kernel build in an out dir that already holds its .config: each target run by the kernel's own make,
 * in order, stopping at the first failure; then the artifacts verified and the record written. Set it up
 * with the setters, then {@link #call()}; {@link #cancel()} may come from any thread.
 */
public final class KernelBuild {
    public static final String VERSION = "0.1.0";
    /** make's whole output, stdout and stderr as they interleaved, for when a bar or a GUI showed less. */
    public static final String LOG = "kforge-build.log";

    private final Path tree;
    private final Path outDir;
    private String board = "";
    private String arch;
    private String crossCompile = "";
    private String loadAddress;
    private List<String> targets = List.of();
    private List<String> requiredArtifacts = List.of();
    private int jobs = Runtime.getRuntime().availableProcessors();
    private CompilerWrapper wrapper = CompilerWrapper.NONE;
    private String make = "make";
    private Map<String, String> environment = System.getenv();
    private BuildListener listener = new BuildListener() { };
    private boolean reproducible = true;
    private List<String> configWarnings = List.of();

    private volatile boolean cancelled;
    private volatile SessionProcess running;

    private KernelBuild(Path tree, Path outDir) {
        this.tree = tree.toAbsolutePath().normalize();
        this.outDir = outDir.toAbsolutePath().normalize();
    }

    /** A build of tree into outDir; outDir/.config must exist by the time it is called. */
    public static KernelBuild of(Path tree, Path outDir) {
        return new KernelBuild(tree, outDir);
    }

    /**
     * A build of a board profile: its name, ARCH and load address, the given toolchain prefix, and the
     * targets given, or with none the profile's own, whose artifacts must then exist for a pass.
     */
    public static KernelBuild forBoard(BoardProfile profile, Path tree, Path outDir, String crossCompile,
                                       List<String> targets) {
        return of(tree, outDir).setBoard(profile.name()).setArch(profile.arch()).setCrossCompile(crossCompile)
                .setLoadAddress(profile.loadAddress()).setTargets(targets.isEmpty() ? profile.targets() : targets)
                .setRequiredArtifacts(targets.isEmpty() ? profile.artifacts() : List.of());
    }

    public KernelBuild setBoard(String board) {
        this.board = board == null ? "" : board;
        return this;
    }

    public KernelBuild setArch(String arch) {
        this.arch = arch;
        return this;
    }

    public KernelBuild setCrossCompile(String crossCompile) {
        this.crossCompile = crossCompile == null ? "" : crossCompile;
        return this;
    }

    /** LOADADDR for uImage. */
    public KernelBuild setLoadAddress(String loadAddress) {
        this.loadAddress = loadAddress;
        return this;
    }

    public KernelBuild setTargets(List<String> targets) {
        this.targets = List.copyOf(targets);
        return this;
    }

    /** Files (relative to the out dir) a passing build must leave, e.g. the profile's image; missing fails it. */
    public KernelBuild setRequiredArtifacts(List<String> paths) {
        this.requiredArtifacts = List.copyOf(paths);
        return this;
    }

    public KernelBuild setJobs(int jobs) {
        if (jobs < 1) {
            throw new KconfigException("-j " + jobs + ": the number of jobs must be at least 1");
        }
        this.jobs = jobs;
        return this;
    }

    public KernelBuild setWrapper(CompilerWrapper wrapper) {
        this.wrapper = wrapper;
        return this;
    }

    /** The make program; tests point it at a fake kernel's make. */
    public KernelBuild setMake(String make) {
        this.make = make;
        return this;
    }

    public KernelBuild setEnvironment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return this;
    }

    /** On by default: the timestamp, user, host and paths are fixed (see {@link ReproducibleBuild}). */
    public KernelBuild setReproducible(boolean reproducible) {
        this.reproducible = reproducible;
        return this;
    }

    /** What making the .config warned about, kept in the record. */
    public KernelBuild setConfigWarnings(List<String> warnings) {
        this.configWarnings = List.copyOf(warnings);
        return this;
    }

    public KernelBuild setListener(BuildListener listener) {
        this.listener = listener;
        return this;
    }

    public Path outDir() {
        return outDir;
    }

    /** Stops the build: make and everything under it are killed; remaining targets are skipped. */
    public void cancel() {
        cancelled = true;
        SessionProcess process = running;
        if (process != null) {
            process.cancel();
        }
    }

    /** Runs the targets and writes the record; a failed target is in the record, not an exception. */
    public BuildRecord call() throws InterruptedException {
        Path config = outDir.resolve(".config");
        if (arch == null) {
            throw new KconfigException("no ARCH given for the build");
        }
        if (targets.isEmpty()) {
            throw new KconfigException("no make targets given for the build");
        }
        if (!Files.isRegularFile(config)) {
            throw new KconfigException(config + ": no .config in the out dir; make one first (kforge config"
                    + " --board NAME --config " + config + ")");
        }
        Toolchain toolchain = Toolchains.require(crossCompile, environment);
        String missing = BuildNeeds.missing(BuildNeeds.check(config, targets, environment));
        if (missing != null) {
            throw new KconfigException(config + ": " + missing);
        }
        ReproducibleBuild fixed = reproducible ? ReproducibleBuild.of(tree, outDir, environment) : null;
        WrapperRun wrapped = WrapperRun.prepare(wrapper, crossCompile, outDir, environment);
        Map<String, String> makeEnvironment = wrapped.applyTo(fixed == null ? makeEnvironment()
                : fixed.applyTo(makeEnvironment()));
        MakeInvocation base = new MakeInvocation(make, tree, outDir, arch, crossCompile, jobs, config,
                wrapped.makeVariables(), List.of());
        Optional<BuildRecord> previous = previousRecord();
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long startNanos = System.nanoTime();
        Diagnostics diagnostics = new Diagnostics();
        List<TargetResult> results = new ArrayList<>();
        wrapped.started(makeEnvironment);
        try (OutputLog log = OutputLog.create(outDir.resolve(LOG))) {
            runTargets(base, makeEnvironment, previous, config, diagnostics, results, log);
        }
        BuildRecord.Wrapper wrapperReport = wrapped.finished(makeEnvironment);
        List<Artifact> artifacts = artifacts(results);
        BuildStatus status = cancelled ? BuildStatus.CANCELLED : overallStatus(results, artifacts);
        BuildRecord record = new BuildRecord(VERSION, started.toString(),
                seconds(System.nanoTime() - startNanos), status, TreeIdentity.of(tree), board, arch,
                new BuildRecord.Toolchain(crossCompile, toolchain.machine(), toolchain.version()),
                wrapper == CompilerWrapper.NONE ? null : wrapper.label(), jobs,
                new BuildRecord.Config(".config", configDigest(artifacts)), results,
                diagnostics.warnings(), diagnostics.errors(), diagnostics.unique(), artifacts, configWarnings,
                fixed == null ? null : fixed.settings(), null, wrapperReport);
        BuildRecords.write(outDir, record);
        listener.finished(record);
        return record;
    }

    private void runTargets(MakeInvocation base, Map<String, String> makeEnvironment, Optional<BuildRecord> previous,
                            Path config, Diagnostics diagnostics, List<TargetResult> results, OutputLog log)
            throws InterruptedException {
        for (String target : targets) {
            if (cancelled || (!results.isEmpty() && results.get(results.size() - 1).status() != BuildStatus.PASS)) {
                results.add(TargetResult.skipped(target));
                continue;
            }
            MakeInvocation invocation = base.forTargets(List.of(target),
                    KernelTarget.variables(target, outDir, loadAddress));
            TargetResult result = runTarget(target, invocation, makeEnvironment, diagnostics,
                    expectedObjects(target, previous, config), log);
            results.add(result);
            listener.targetFinished(result);
        }
    }

    private TargetResult runTarget(String target, MakeInvocation invocation, Map<String, String> makeEnvironment,
                                   Diagnostics diagnostics, int expected, OutputLog log) throws InterruptedException {
        List<String> command = invocation.command();
        listener.targetStarted(target, command);
        log.line("# " + String.join(" ", command));
        long start = System.nanoTime();
        ProgressTracker progress = new ProgressTracker(target, expected, start);
        SessionProcess process = SessionProcess.start(command, outDir, makeEnvironment, (line, stderr) -> {
            log.line(line);
            listener.output(line, stderr);
            diagnostics.accept(line).ifPresent(listener::diagnostic);
            if (progress.accept(line)) {
                listener.progress(progress.progress(System.nanoTime()));
            }
        });
        running = process;
        if (cancelled) {
            process.cancel();
        }
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.cancel();
            throw e;
        } finally {
            running = null;
        }
        BuildStatus status = process.isCancelled() ? BuildStatus.CANCELLED
                : exit == 0 ? BuildStatus.PASS : BuildStatus.FAIL;
        if (status == BuildStatus.PASS && target.equals("modules_install")) {
            ModulesTarball.write(outDir.resolve(KernelTarget.MODULES_STAGING), outDir.resolve(KernelTarget.MODULES_TARBALL));
        }
        return new TargetResult(target, status, seconds(System.nanoTime() - start), exit, progress.compiled(), command);
    }

    /** The build's environment, in the C locale so that the tools' messages parse. */
    private Map<String, String> makeEnvironment() {
        Map<String, String> env = new HashMap<>(environment);
        env.put("LC_ALL", "C");
        env.remove("MAKEFLAGS");
        env.remove("MFLAGS");
        return env;
    }

    private Optional<BuildRecord> previousRecord() {
        try {
            return BuildRecords.latest(outDir);
        } catch (KconfigException e) {
            return Optional.empty();
        }
    }

    /**
     * Objects this target is expected to compile: what it compiled last time it ran in full here, else a
     * count from the tree's Kbuild files and the .config. Install targets compile nothing.
     */
    private int expectedObjects(String target, Optional<BuildRecord> previous, Path config) {
        Optional<Integer> last = previous.flatMap(r -> r.target(target)).map(TargetResult::compiledObjects)
                .filter(n -> n > 0);
        if (last.isPresent()) {
            return last.get();
        }
        switch (target) {
            case "modules_install": case "headers_install": case "dtbs":
                return 0;
            case "modules":
                return Math.max(0, ObjectEstimate.count(tree, arch, config, true)
                        - ObjectEstimate.count(tree, arch, config, false));
            case "all":
                return ObjectEstimate.count(tree, arch, config, true);
            default:
                return ObjectEstimate.count(tree, arch, config, false);
        }
    }

    private List<Artifact> artifacts(List<TargetResult> results) {
        Set<String> paths = new LinkedHashSet<>();
        for (TargetResult r : results) {
            if (r.status() == BuildStatus.PASS) {
                paths.addAll(KernelTarget.products(r.name(), outDir, arch));
            }
        }
        if (results.stream().allMatch(r -> r.status() == BuildStatus.PASS)) {
            requiredArtifacts.forEach(pattern -> paths.add(Artifact.resolve(outDir, pattern)));
        }
        List<Artifact> artifacts = new ArrayList<>();
        for (String path : paths) {
            artifacts.add(Artifact.inspect(outDir, path, arch));
        }
        return artifacts;
    }

    /** The .config's sha256: from its artifact when the build listed it, else hashed now. */
    private String configDigest(List<Artifact> artifacts) {
        return artifacts.stream().filter(a -> a.path().equals(".config")).findFirst()
                .orElseGet(() -> Artifact.inspect(outDir, ".config", arch)).sha256();
    }

    private static BuildStatus overallStatus(List<TargetResult> results, List<Artifact> artifacts) {
        for (TargetResult r : results) {
            if (r.status() == BuildStatus.CANCELLED || r.status() == BuildStatus.FAIL) {
                return r.status();
            }
        }
        return artifacts.stream().allMatch(Artifact::verified) ? BuildStatus.PASS : BuildStatus.FAIL;
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e7) / 100.0;
    }
}
