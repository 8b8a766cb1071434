package kforge.app.gui.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import kforge.runner.board.BoardSupport;
import kforge.runner.boot.BootRun;
import kforge.runner.config.BoardConfig;
import kforge.runner.config.FragmentMerge;
import kforge.runner.make.KernelBuild;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.BuildRecords;
import kforge.kconfig.ConfigEngine;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.io.AtomicFile;

/**
 * One press of Start, on the build's own thread, doing what "kforge build" does: the out dir's .config
 * made from the board profile (or copied from the editor or a file), then each target through the
 * kernel's own make. Everything it prints goes to the log through the event pump.
 */
final class BuildRun {

    /**
     * How the run ended.
     *
     * @param record  the build record, or null when make never ran
     * @param stopped why make never ran (conf failed, values did not hold, cancelled first), or null
     * @param history the out dir's records afterwards, newest first
     */
    record Result(BuildRecord record, List<BoardConfig.UnmetValue> unmet, String stopped, List<BuildRecord> history) {
    }

    private record Prepared(List<BoardConfig.UnmetValue> unmet, List<String> warnings, String stopped) {
    }

    private final BuildPlan plan;
    private final Map<String, String> environment;
    private final String make;
    private final BuildEventPump events;
    private volatile boolean cancelled;
    private volatile KernelBuild running;
    private volatile BootRun booting;

    BuildRun(BuildPlan plan, Map<String, String> environment, String make, BuildEventPump events) {
        this.plan = plan;
        this.environment = Map.copyOf(environment);
        this.make = make;
        this.events = events;
    }

    /** Any thread: make and everything under it are killed; a run still making its .config stops after. */
    void cancel() {
        cancelled = true;
        KernelBuild build = running;
        if (build != null) {
            build.cancel();
        }
        BootRun boot = booting;
        if (boot != null) {
            boot.cancel();
        }
    }

    Result call() throws InterruptedException {
        try {
            Prepared prepared = prepareConfig();
            if (prepared.stopped() != null) {
                return stopped(prepared.unmet(), prepared.stopped());
            }
            KernelBuild build = kernelBuild().setConfigWarnings(prepared.warnings());
            BootRun boot = plan.boot() ? bootRun(build) : null;
            running = build;
            booting = boot;
            // Checked after publishing the build, so a cancel is seen here or reaches the build itself.
            if (cancelled) {
                return stopped(prepared.unmet(), "Cancelled before make started.");
            }
            BuildRecord record = boot != null ? boot.call() : build.call();
            return new Result(record, prepared.unmet(), null, history());
        } finally {
            running = null;
            booting = null;
            events.flush();
        }
    }

    private KernelBuild kernelBuild() {
        var b = plan.board();
        return KernelBuild.forBoard(b, plan.tree(), plan.outDir(), b.crossCompile(),
                        plan.profileTargets() ? List.of() : plan.targets())
                .setJobs(plan.jobs()).setWrapper(plan.wrapper()).setMake(make).setEnvironment(environment)
                .setListener(events);
    }

    /** As kforge boot: make only when something is missing, then the boot, its console in the log. */
    private BootRun bootRun(KernelBuild build) {
        var b = plan.board();
        return BootRun.of(b, plan.outDir()).setBuild(build).setCrossCompile(b.crossCompile())
                .setEnvironment(environment)
                .setListener(events);
    }

    private Result stopped(List<BoardConfig.UnmetValue> unmet, String why) {
        events.note("kforge: " + why);
        return new Result(null, unmet, why, history());
    }

    private List<BuildRecord> history() {
        return newestFirst(plan.outDir());
    }

    /** The out dir's records, newest first; none when the history cannot be listed. */
    static List<BuildRecord> newestFirst(Path outDir) {
        try {
            List<BuildRecord> records = new ArrayList<>(BuildRecords.history(outDir));
            Collections.reverse(records);
            return records;
        } catch (KconfigException e) {
            return List.of();
        }
    }

    // ---- the .config ----

    private Prepared prepareConfig() {
        Path dotConfig = plan.dotConfig();
        switch (plan.source()) {
            case EDITOR:
                copy(plan.editorText(), dotConfig);
                events.note("kforge: the editor's configuration written to " + dotConfig);
                return new Prepared(List.of(), List.of(), null);
            case FILE:
                copy(read(plan.configFile()), dotConfig);
                events.note("kforge: " + plan.configFile() + " copied to " + dotConfig);
                return new Prepared(List.of(), List.of(), null);
            default:
                return makeFromBoard(dotConfig);
        }
    }

    /** As BoardOptions.writeConfig in the CLI: merge, conf's alldefconfig, then the values that did not hold. */
    private Prepared makeFromBoard(Path dotConfig) {
        ConfigSession.requireKernelTree(plan.tree());
        var profile = plan.board();
        BoardSupport.require(profile, plan.tree(), !plan.fromAllnoconfig());
        createDirectories(plan.outDir());
        events.note("kforge: making " + dotConfig + " for " + profile.name() + " from "
                + (plan.fromAllnoconfig() ? "allnoconfig" : profile.defconfigPath()));
        ConfigEngine engine = ConfigEngine.open(plan.tree(), profile.arch(), profile.crossCompile(), plan.outDir(),
                environment, reporter());
        BoardConfig recipe = new BoardConfig(profile, plan.fragments(), plan.sets(), plan.fromAllnoconfig());
        FragmentMerge merge = recipe.merge(plan.tree());
        for (FragmentMerge.Redefinition r : merge.redefinitions()) {
            events.line("Value of " + r.symbol() + " is redefined by fragment " + r.fragment() + ": " + r.previous()
                    + " -> " + r.now(), true);
        }
        BoardConfig.Outcome outcome;
        try (PrintStream out = new PrintStream(new LineStream(events), true, StandardCharsets.UTF_8)) {
            outcome = recipe.write(engine, merge, dotConfig, false, out);
        }
        if (outcome.status() != 0) {
            return new Prepared(List.of(), List.of(), "conf exited with status " + outcome.status()
                    + " making the .config; see the log.");
        }
        for (String warning : outcome.warnings()) {
            events.line("warning: " + warning, true);
        }
        List<BoardConfig.UnmetValue> demands = outcome.unmetDemands();
        for (BoardConfig.UnmetValue u : demands) {
            events.line("Value requested for " + u.symbol() + " not in final .config: requested " + u.requested()
                    + " (" + u.origin() + "), actual " + u.actual() + ". Why: " + u.why(), true);
        }
        if (!demands.isEmpty() && !plan.allowUnmet()) {
            return new Prepared(outcome.unmet(), outcome.warnings(), demands.size() + " requested value(s) did not"
                    + " hold. The .config was written; allow unmet values to build with it anyway.");
        }
        return new Prepared(outcome.unmet(), outcome.warnings(), null);
    }

    private Reporter reporter() {
        return new Reporter() {
            @Override
            public void out(String line) {
                events.line(line, false);
            }

            @Override
            public void err(String line) {
                events.line(line, true);
            }
        };
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new KconfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static void copy(String text, Path to) {
        try {
            AtomicFile.replace(to, text, true);
        } catch (IOException e) {
            throw new KconfigException(to + ": cannot write: " + e.getMessage());
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new KconfigException(dir + ": cannot create: " + e.getMessage());
        }
    }

    /** conf's printed output, cut into log lines. */
    private static final class LineStream extends OutputStream {
        private final BuildEventPump events;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineStream(BuildEventPump events) {
            this.events = events;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                emit();
            } else {
                line.write(b);
            }
        }

        @Override
        public void close() {
            if (line.size() > 0) {
                emit();
            }
        }

        private void emit() {
            events.line(line.toString(StandardCharsets.UTF_8), false);
            line.reset();
        }
    }
}
