package kforge.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import kforge.runner.artifact.Artifact;
import kforge.runner.board.BoardProfile;
import kforge.runner.board.BoardProfiles;
import kforge.runner.board.BoardSupport;
import kforge.runner.config.BoardConfig;
import kforge.runner.config.FragmentMerge;
import kforge.runner.wrapper.CompilerWrapper;
import kforge.runner.make.KernelBuild;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildRecords;
import kforge.runner.record.BuildStatus;
import kforge.kconfig.ConfigEngine;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * kforge batch: many boards in one process. Boards of one ARCH and toolchain share one parsed tree; each
 * gets OUT/BOARD/.config and, with --build, its build. One JSON summary covers them all.
 */
@Command(name = "batch", description = "Configure (and with --build, build) several boards in one process,"
        + " sharing the parsed tree per ARCH; writes OUT/kforge-batch.json.")
public final class BatchCommand implements Callable<Integer> {
    public static final String SUMMARY = "kforge-batch.json";

    @Option(names = "--tree", required = true, paramLabel = "DIR", description = "Kernel source tree.")
    Path tree;

    @Option(names = "--boards", split = ",", paramLabel = "A,B,...", description = "Board profiles.")
    List<String> boards = new ArrayList<>();

    @Option(names = "--randconfigs", paramLabel = "N", description = "Instead of boards: N randconfigs of one parse"
            + " of the tree for --arch, seeded --seed, --seed+1, ... (KCONFIG_SEED), as OUT/randconfig-SEED.config.")
    Integer randconfigs;

    @Option(names = "--seed", paramLabel = "S", description = "The first randconfig's KCONFIG_SEED (default: 1).")
    long seed = 1;

    @Option(names = "--arch", paramLabel = "ARCH", description = "ARCH for --randconfigs.")
    String arch;

    @Option(names = "--cross-compile", paramLabel = "PREFIX", description = "CROSS_COMPILE for --randconfigs.")
    String crossCompile = "";

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Each board builds in DIR/BOARD.")
    Path out;

    @Option(names = "--build", description = "Build each board's targets after making its .config.")
    boolean build;

    @Option(names = "--targets", split = ",", paramLabel = "T[,T...]", description = "Targets for every board"
            + " (default: each profile's).")
    List<String> targets = new ArrayList<>();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "make -jN for each build.")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--fragment", paramLabel = "FILE", description = "A fragment merged for every board (repeatable).")
    List<Path> fragments = new ArrayList<>();

    @Option(names = "--set", paramLabel = "SYMBOL=VALUE", description = "A value merged for every board (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = {"-n", "--from-allnoconfig"}, description = "Merge over allnoconfig instead of each defconfig.")
    boolean fromAllnoconfig;

    @Option(names = "--allow-unmet", description = "Requested values that do not hold are not failures.")
    boolean allowUnmet;

    @Option(names = "--wrapper", paramLabel = "WRAPPER", description = "Compiler wrapper: ccache, distcc,"
            + " icecc, ccache+distcc or ccache+icecc (ccache's misses go to the other, as CCACHE_PREFIX).")
    String wrapper;

    /** One board's line in the summary. */
    public record BoardResult(String board, String arch, String config, BuildStatus configStatus,
                              List<BoardConfig.UnmetValue> unmet, BuildStatus buildStatus, String record,
                              double buildSeconds, int warnings, int errors, List<Artifact> artifacts) {
    }

    /** kforge-batch.json: boards, or randconfigs. */
    public record Summary(String tree, double seconds, BuildStatus status, List<BoardResult> boards,
                          List<RandconfigBatch.Result> randconfigs) {
    }

    @Override
    public Integer call() throws InterruptedException {
        long start = System.nanoTime();
        Path outDir = out.toAbsolutePath().normalize();
        if (randconfigs != null) {
            return randconfigs(start, outDir);
        }
        if (boards.isEmpty()) {
            throw new KconfigException("give --boards A,B,... or --randconfigs N");
        }
        BoardProfiles profiles = BoardProfiles.withUserProfiles(BoardProfiles.userDirectory(System.getenv()));
        Map<String, List<BoardProfile>> byToolchain = new LinkedHashMap<>();
        for (String name : boards) {
            BoardProfile p = profiles.get(name.strip());
            byToolchain.computeIfAbsent(p.arch() + " " + p.crossCompile(), k -> new ArrayList<>()).add(p);
        }
        List<BoardResult> results = new ArrayList<>();
        for (List<BoardProfile> group : byToolchain.values()) {
            BoardProfile first = group.get(0);
            Path objtree = outDir.resolve(first.name());
            createDirectories(objtree);
            ConfigEngine engine = ConfigEngine.open(tree, first.arch(), first.crossCompile(), objtree,
                    System.getenv(), Reporter.console());
            for (BoardProfile profile : group) {
                results.add(runBoard(engine, profile, outDir.resolve(profile.name())));
            }
        }
        BuildStatus status = results.stream().allMatch(this::passed) ? BuildStatus.PASS : BuildStatus.FAIL;
        Summary summary = new Summary(tree.toAbsolutePath().normalize().toString(),
                seconds(start), status, results, null);
        Path file = BuildRecords.writeJson(outDir.resolve(SUMMARY), summary);
        printSummary(results, System.out);
        System.out.println("kforge: summary " + file);
        return status == BuildStatus.PASS ? 0 : 1;
    }

    private int randconfigs(long start, Path outDir) {
        if (!boards.isEmpty() || build) {
            throw new KconfigException("--randconfigs makes configs only: give it without --boards and --build");
        }
        if (arch == null) {
            throw new KconfigException("--randconfigs needs --arch");
        }
        RandconfigBatch.requireCount(randconfigs);
        createDirectories(outDir);
        ConfigEngine engine = ConfigEngine.open(tree, arch, crossCompile, outDir, System.getenv(), Reporter.console());
        List<RandconfigBatch.Result> results = RandconfigBatch.run(engine, outDir, randconfigs, seed, System.out);
        BuildStatus status = results.stream().allMatch(r -> r.status() == 0) ? BuildStatus.PASS : BuildStatus.FAIL;
        Path file = BuildRecords.writeJson(outDir.resolve(SUMMARY),
                new Summary(tree.toAbsolutePath().normalize().toString(), seconds(start), status, List.of(), results));
        System.out.println("kforge: summary " + file);
        return status == BuildStatus.PASS ? 0 : 1;
    }

    private static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }

    private boolean passed(BoardResult r) {
        return r.configStatus() == BuildStatus.PASS && (!build || r.buildStatus() == BuildStatus.PASS);
    }

    private BoardResult runBoard(ConfigEngine engine, BoardProfile profile, Path boardOut) throws InterruptedException {
        createDirectories(boardOut);
        Path dotConfig = boardOut.resolve(".config");
        BoardConfig recipe = new BoardConfig(profile, fragments, sets, fromAllnoconfig);
        BoardConfig.Outcome outcome;
        try {
            BoardSupport.require(profile, tree, !fromAllnoconfig);
            FragmentMerge merge = recipe.merge(tree);
            outcome = recipe.write(engine, merge, dotConfig, true, System.out);
        } catch (KconfigException e) {
            System.err.println("kforge: " + profile.name() + ": " + e.getMessage());
            return new BoardResult(profile.name(), profile.arch(), null, BuildStatus.FAIL, List.of(), null, null, 0,
                    0, 0, List.of());
        }
        List<BoardConfig.UnmetValue> demands = outcome.unmetDemands();
        boolean configOk = outcome.status() == 0 && (demands.isEmpty() || allowUnmet);
        BuildStatus configStatus = configOk ? BuildStatus.PASS : BuildStatus.FAIL;
        for (String warning : outcome.warnings()) {
            System.out.println("kforge: " + profile.name() + ": warning: " + warning);
        }
        System.out.printf("kforge: %s: .config %s%s%n", profile.name(), configStatus,
                demands.isEmpty() ? "" : " (" + demands.size() + " requested value(s) did not hold)");
        if (!build || !configOk) {
            return new BoardResult(profile.name(), profile.arch(), dotConfig.toString(), configStatus, outcome.unmet(),
                    build ? BuildStatus.SKIPPED : null, null, 0, 0, 0, List.of());
        }
        BuildRecord record = KernelBuild.forBoard(profile, tree, boardOut, profile.crossCompile(), targets)
                .setJobs(jobs).setWrapper(CompilerWrapper.parse(wrapper)).setConfigWarnings(outcome.warnings())
                .setListener(new BuildProgressView(System.out, false, "[" + profile.name() + "] "))
                .call();
        return new BoardResult(profile.name(), profile.arch(), dotConfig.toString(), configStatus, outcome.unmet(),
                record.status(), boardOut.resolve(BuildRecords.LATEST).toString(), record.seconds(),
                record.warnings(), record.errors(), record.artifacts());
    }

    private void printSummary(List<BoardResult> results, PrintStream out) {
        for (BoardResult r : results) {
            out.printf("  %-16s %-6s config %s%s%n", r.board(), r.arch(), r.configStatus(),
                    build ? ", build " + r.buildStatus() : "");
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new KconfigException(dir + ": cannot create: " + e.getMessage());
        }
    }
}
