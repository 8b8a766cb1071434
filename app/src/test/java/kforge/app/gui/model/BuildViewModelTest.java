package kforge.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.runner.artifact.Artifact;
import kforge.runner.board.BoardProfile;
import kforge.runner.diag.Diagnostic;
import kforge.runner.diag.Severity;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildStatus;

/**
 * The build panel's view model without a window, building build-runner's fake kernel for real with the
 * ARM cross compiler. A single thread stands in for the FX thread: the view model is only touched there,
 * as in the application, and the build runs on its own thread.
 */
class BuildViewModelTest {
    @TempDir
    Path dir;

    private Preferences prefs;
    private ExecutorService uiThread;
    private Path tree;
    private Path out;
    private Path preparedConfig;

    @BeforeEach
    void setUp() throws IOException {
        prefs = Preferences.userRoot().node("kforge-test-" + System.nanoTime());
        uiThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
        tree = FakeKernelTree.copyTo(dir);
        out = dir.resolve("out");
        preparedConfig = Files.writeString(dir.resolve("prepared.config"), "CONFIG_FOO=y\n");
    }

    @AfterEach
    void tearDown() throws Exception {
        uiThread.shutdownNow();
        prefs.removeNode();
    }

    private BuildViewModel model(BoardProfile board, Map<String, String> extraEnvironment) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(extraEnvironment);
        BuildViewModel build = onUi(() -> new BuildViewModel(UserSettings.in(prefs), List.of(board), env, "make",
                ForkJoinPool.commonPool(), uiThread));
        onUi(() -> {
            BuildChoices c = build.choices();
            c.treeProperty().set(tree);
            c.chooseOutDir(out);
            c.configSourceProperty().set(ConfigSource.FILE);
            c.configFileProperty().set(preparedConfig);
            return null;
        });
        return build;
    }

    private BuildViewModel fakeModel(Map<String, String> extraEnvironment) {
        return model(FakeKernelTree.BOARD, extraEnvironment);
    }

    private <T> T onUi(Callable<T> work) {
        try {
            return uiThread.submit(work).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private BuildRecord build(BuildViewModel build) {
        try {
            return onUi(build::start).get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!onUi(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void zImageBuildShowsProgressLogWarningArtifactsAndHistory() throws IOException {
        BuildViewModel build = fakeModel(Map.of());
        List<Double> progressSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
        onUi(() -> {
            build.progressProperty().addListener((o, was, now) -> progressSeen.add(now.doubleValue()));
            return null;
        });

        BuildRecord record = build(build);

        assertNotNull(record, onUi(() -> build.errorProperty().get()));
        assertEquals(BuildStatus.PASS, record.status());
        assertEquals("CONFIG_FOO=y\n", Files.readString(out.resolve(".config")), "the prepared .config was copied");
        onUi(() -> {
            assertEquals(BuildStatus.PASS, build.statusProperty().get());
            assertEquals(BuildViewModel.Phase.DONE, build.phaseProperty().get());
            assertFalse(build.runningProperty().get());
            assertEquals(1.0, build.progressProperty().get());
            assertEquals(6, build.latestProgressProperty().get().compiled());
            assertEquals("zImage PASS (6 objects)", build.progressTextProperty().get());

            List<String> lines = build.log().stream().map(LogLine::text).toList();
            assertTrue(lines.contains("  CC      kernel/fork.o"), lines.toString());
            assertTrue(lines.contains("Kernel: arch/arm/boot/zImage is ready"), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("kforge: make zImage: make -C ")), lines.toString());

            Diagnostic unused = build.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING)
                    .findFirst().orElseThrow();
            assertTrue(unused.file().endsWith("kernel/fork.c"), unused.toString());
            assertEquals(3, unused.line());
            assertTrue(build.log().stream().anyMatch(l -> unused.equals(l.diagnostic())),
                    "the warning's log line carries it");

            assertEquals(List.of("arch/arm/boot/zImage", "vmlinux", "System.map", ".config"),
                    build.artifacts().stream().map(Artifact::path).toList());
            assertTrue(build.artifacts().stream().allMatch(Artifact::verified), build.artifacts().toString());
            assertEquals(List.of(record), build.history());
            assertEquals(record, build.shownRecordProperty().get());
            return null;
        });
        assertTrue(progressSeen.stream().anyMatch(p -> p > 0 && p < 1), "the bar moved on the way: " + progressSeen);
    }

    @Test
    void aDiagnosticOpensItsFileAtTheLine() {
        BuildViewModel build = fakeModel(Map.of());
        build(build);
        Diagnostic unused = onUi(() -> build.diagnostics().get(0));
        Optional<SourceFile> source = join(onUi(() -> build.openSource(unused)));
        assertTrue(source.isPresent(), onUi(() -> build.errorProperty().get()));
        assertEquals(tree.resolve("kernel/fork.c").toAbsolutePath().normalize(), source.get().file());
        assertEquals(3, source.get().line());
        assertEquals("\tint unused;", source.get().lines().get(2));

        Diagnostic elsewhere = new Diagnostic("kernel/gone.c", 1, 0, Severity.ERROR, "x", kforge.runner.diag.Tool.GCC);
        assertTrue(join(onUi(() -> build.openSource(elsewhere))).isEmpty());
        assertTrue(onUi(() -> build.errorProperty().get()).contains("Cannot find kernel/gone.c"));
    }

    @Test
    void relativePathsAreTriedInTheOutDirThenTheTree() throws IOException {
        Files.createDirectories(out.resolve("include/generated"));
        Files.writeString(out.resolve("include/generated/autoconf.h"), "#define X 1\n");
        assertEquals(Optional.of(out.resolve("include/generated/autoconf.h")),
                SourceFile.locate("include/generated/autoconf.h", out, tree));
        assertEquals(Optional.of(tree.resolve("kernel/sched.c")), SourceFile.locate("kernel/sched.c", out, tree));
        assertEquals(Optional.empty(), SourceFile.locate("kernel/none.c", out, tree));
    }

    @Test
    void compileErrorFailsTheBuildWithTheErrorListed() {
        BuildViewModel build = fakeModel(Map.of("FAKE_BROKEN", "1"));
        BuildRecord record = build(build);
        assertEquals(BuildStatus.FAIL, record.status());
        onUi(() -> {
            assertEquals(BuildStatus.FAIL, build.statusProperty().get());
            Diagnostic error = build.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR
                    && d.file() != null && d.file().endsWith("kernel/broken.c")).findFirst().orElseThrow();
            assertEquals(3, error.line());
            assertTrue(error.message().contains("undeclared_thing"), error.message());
            assertTrue(build.progressProperty().get() < 1, "a failed build never shows a full bar");
            assertTrue(build.messageProperty().get().startsWith("Build FAIL"), build.messageProperty().get());
            return null;
        });
    }

    @Test
    void cancelStopsASlowBuildQuickly() throws Exception {
        BuildViewModel build = fakeModel(Map.of("FAKE_SLOW", "1"));
        var running = onUi(build::start);
        await("the slow object", () -> build.log().stream().anyMatch(l -> l.text().contains("kernel/slow.o")));
        assertTrue(onUi(() -> build.runningProperty().get()));
        long cancelled = System.nanoTime();
        onUi(() -> {
            build.cancel();
            return null;
        });
        BuildRecord record = running.get(30, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - cancelled < TimeUnit.SECONDS.toNanos(20), "cancel does not wait for make");
        assertEquals(BuildStatus.CANCELLED, record.status());
        onUi(() -> {
            assertEquals(BuildStatus.CANCELLED, build.statusProperty().get());
            assertFalse(build.runningProperty().get());
            return null;
        });
    }

    @Test
    void missingToolchainSaysWhatToInstall() throws Exception {
        BoardProfile hardFloat = new BoardProfile("hf", "", "arm", "arm-linux-gnueabihf-", "x_defconfig", List.of(),
                List.of("zImage"), List.of(), "", "", null, null, null);
        Path emptyBin = Files.createDirectories(dir.resolve("empty-bin"));
        BuildViewModel build = model(hardFloat, Map.of("PATH", emptyBin.toString()));
        ToolchainStatus status = join(onUi(() -> build.choices().refreshToolchain()));
        assertFalse(status.found());
        assertTrue(status.text().contains("arm-linux-gnueabihf-gcc: not found on PATH"), status.text());
        assertTrue(status.text().contains("apt-get install gcc-arm-linux-gnueabihf"), status.text());
        assertEquals(status, onUi(() -> build.choices().toolchainProperty().get()));

        assertNull(build(build), "the build stops before make");
        assertTrue(onUi(() -> build.errorProperty().get()).contains("arm-linux-gnueabihf-gcc: not found on PATH"),
                onUi(() -> build.errorProperty().get()));
    }

    @Test
    void theFakeBoardsToolchainIsFound() {
        BuildViewModel build = fakeModel(Map.of());
        ToolchainStatus status = join(onUi(() -> build.choices().refreshToolchain()));
        assertTrue(status.found(), status.text());
        assertTrue(status.text().startsWith("arm-linux-gnueabi- -> arm-linux-gnueabi"), status.text());
    }

    @Test
    void nothingStartsWithoutATargetOrWithTheOutDirInsideTheTree() {
        BuildViewModel build = fakeModel(Map.of());
        onUi(() -> {
            build.choices().selectTargets(List.of());
            return null;
        });
        assertNull(build(build));
        assertEquals("Tick at least one target.", onUi(() -> build.errorProperty().get()));
        onUi(() -> {
            build.choices().selectTargets(List.of("zImage"));
            build.choices().chooseOutDir(tree.resolve("build"));
            return null;
        });
        assertNull(build(build));
        assertTrue(onUi(() -> build.errorProperty().get()).contains("inside the kernel tree"));
        assertFalse(Files.exists(tree.resolve("build")));
    }

    @Test
    void bootIsRefusedForABoardThatCannotBootWithWhatToBootInstead() {
        BuildViewModel build = fakeModel(Map.of());
        assertNull(onUi(build::boot).join());
        assertEquals("kforge cannot boot fake: its profile says nothing about booting",
                onUi(() -> build.errorProperty().get()));
        assertEquals(BuildViewModel.Phase.IDLE, onUi(() -> build.phaseProperty().get()));
    }

    @Test
    void theBoardProfilesMergeChoicesReachThePlan() {
        BuildViewModel build = fakeModel(Map.of());
        Path fragment = dir.resolve("extra.config");
        BuildPlan plan = onUi(() -> {
            BuildChoices c = build.choices();
            c.configSourceProperty().set(ConfigSource.BOARD_PROFILE);
            c.fragments().add(fragment);
            c.valuesTextProperty().set("  CONFIG_FOO=y\n BAR=\"x\"  ");
            c.fromAllnoconfigProperty().set(true);
            c.wrapperProperty().set(kforge.runner.wrapper.CompilerWrapper.CCACHE);
            return c.plan(null, false);
        });
        assertEquals(List.of(fragment), plan.fragments());
        assertEquals(List.of("CONFIG_FOO=y", "BAR=\"x\""), plan.sets());
        assertTrue(plan.fromAllnoconfig());
        assertEquals(kforge.runner.wrapper.CompilerWrapper.CCACHE, plan.wrapper());
        assertFalse(plan.boot());
        onUi(() -> {
            build.choices().valuesTextProperty().set("CONFIG_FOO");
            return null;
        });
        assertNull(onUi(build::start).join());
        assertTrue(onUi(() -> build.errorProperty().get()).contains("--set 'CONFIG_FOO': expected SYMBOL=VALUE"),
                onUi(() -> build.errorProperty().get()));
    }

    @Test
    void theOutDirIsRememberedPerBoardAndDefaultsUnderHome() {
        UserSettings settings = UserSettings.in(prefs);
        assertEquals(Path.of(System.getProperty("user.home"), "kforge-builds", "mini2440"),
                settings.buildOutDir("mini2440"));
        fakeModel(Map.of());
        assertEquals(out.toAbsolutePath().normalize(), UserSettings.in(prefs).buildOutDir("fake"));
    }

    @Test
    void theProfilesTargetsStartTickedAndMakeRunsThemInOrder() {
        BuildViewModel build = fakeModel(Map.of());
        List<String> offered = onUi(() -> build.choices().targets().stream().map(TargetChoice::name).toList());
        assertEquals("zImage", offered.get(0));
        assertTrue(offered.contains("uImage"), "the board has a load address");
        assertTrue(offered.indexOf("modules") < offered.indexOf("modules_install"), offered.toString());
        assertEquals(List.of("zImage"), onUi(() -> build.choices().selectedTargets()));
    }

    @Test
    void historyKeepsEveryBuildNewestFirst() {
        BuildViewModel build = fakeModel(Map.of());
        BuildRecord first = build(build);
        BuildRecord second = build(build);
        onUi(() -> {
            assertEquals(List.of(second, first), build.history());
            build.show(first);
            assertEquals(first.artifacts(), build.artifacts());
            return null;
        });
        BuildViewModel reopened = fakeModel(Map.of());
        assertEquals(List.of(second, first), join(onUi(reopened::refreshHistory)));
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
