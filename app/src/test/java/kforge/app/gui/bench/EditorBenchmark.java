package kforge.app.gui.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import kforge.app.gui.model.ConfigEntry;
import kforge.app.gui.model.ConfigSession;
import kforge.app.gui.model.EditorViewModel;
import kforge.app.gui.model.EngineThread;
import kforge.app.gui.model.EntryKind;
import kforge.app.gui.model.EntryState;
import kforge.app.gui.model.OpenRequest;
import kforge.app.gui.model.UserSettings;
import kforge.app.gui.view.KforgeApplication;
import kforge.app.gui.view.MainWindow;

/**
 * The editor's speed on a real tree, in the real window (run under Xvfb by scripts/bench-gui):
 * <ol>
 * <li>time from a parsed tree to a usable window: rows laid out (the engine's parse is timed apart);</li>
 * <li>N random toggles of visible, changeable bool/tristate rows: from the key's command until the rows on
 * screen are re-evaluated and laid out; then N more, until every opened entry is;</li>
 * <li>resident memory with the tree open.</li>
 * </ol>
 * Prints "key value" lines for the script. Args: TREE ARCH CROSS CONFIG [TOGGLES [SEED [SYMBOL]]]; with
 * SYMBOL, that one symbol is also toggled TOGGLES times.
 */
public final class EditorBenchmark {
    /** Untimed first, so the timings are of compiled code, as in a session that has run a while. */
    private static final int WARMUP_TOGGLES = 300;

    private EditorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        OpenRequest request = new OpenRequest(Path.of(args[0]), args[1], args[2], Path.of(args[3]));
        int toggles = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        long seed = args.length > 5 ? Long.parseLong(args[5]) : 1;

        long parseStart = System.nanoTime();
        ConfigSession session = ConfigSession.open(request);
        report("engine_open_ms", ms(System.nanoTime() - parseStart));

        modelToggles(request, toggles, seed);

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        EditorViewModel editor = new EditorViewModel(EngineThread.background(Platform::runLater));
        Preferences prefs = Preferences.userRoot().node("kforge-bench-" + System.nanoTime());
        MainWindow[] window = new MainWindow[1];
        onFx(() -> {
            Stage stage = new Stage();
            stage.setWidth(1280);
            stage.setHeight(800);
            window[0] = KforgeApplication.show(stage, editor, UserSettings.in(prefs));
        });
        Scene scene = window[0].scene();

        long shown = timeToLayout(scene, () -> editor.show(session));
        report("open_to_usable_ms", ms(shown));
        report("top_level_rows", editor.tree().root().shownChildren().size());

        openMenus(editor, scene, 2);
        List<ConfigEntry> opened = new ArrayList<>();
        collectOpened(editor.tree().root(), opened);
        report("opened_entries", opened.size());

        Random random = new Random(seed);
        for (int i = 0; i < WARMUP_TOGGLES; i++) {
            ConfigEntry target = pick(opened, random);
            timeToLayout(scene, () -> editor.cycle(target).thenCompose(o -> editor.idle()));
        }
        long[] times = new long[toggles];
        long[] applied = new long[toggles];
        for (int i = 0; i < toggles; i++) {
            ConfigEntry target = pick(opened, random);
            // A person's keystrokes are far apart compared to this: start each from a settled editor.
            editor.idle().get(60, TimeUnit.SECONDS);
            long[] appliedAt = new long[1];
            times[i] = timeToLayout(scene, () -> {
                long start = System.nanoTime();
                return editor.cycle(target).thenRun(() -> appliedAt[0] = System.nanoTime() - start);
            });
            applied[i] = appliedAt[0];
        }
        Arrays.sort(times);
        Arrays.sort(applied);
        report("toggles", toggles);
        report("applied_p50_ms", ms(applied[toggles / 2]));
        report("applied_p99_ms", ms(applied[(int) Math.ceil(toggles * 0.99) - 1]));
        report("toggle_p50_ms", ms(times[toggles / 2]));
        report("toggle_p99_ms", ms(times[(int) Math.ceil(toggles * 0.99) - 1]));
        report("toggle_max_ms", ms(times[toggles - 1]));

        // The same toggles again, timed until every opened entry is re-evaluated and laid out (not just
        // the rows on screen): the engine's follow-up task is done when idle() completes.
        long[] all = new long[toggles];
        for (int i = 0; i < toggles; i++) {
            ConfigEntry target = pick(opened, random);
            all[i] = timeToLayout(scene, () -> editor.cycle(target).thenCompose(o -> editor.idle()));
        }
        Arrays.sort(all);
        report("toggle_all_p50_ms", ms(all[toggles / 2]));
        report("toggle_all_p99_ms", ms(all[(int) Math.ceil(toggles * 0.99) - 1]));
        if (args.length > 6) {
            // One symbol toggled over and over, as scripts/bench-gui does to the kernel's mconf.
            ConfigEntry fixed = editor.jumpToSymbol(args[6]).get(60, TimeUnit.SECONDS).revealed();
            long[] same = new long[toggles];
            for (int i = 0; i < toggles; i++) {
                editor.idle().get(60, TimeUnit.SECONDS);
                same[i] = timeToLayout(scene, () -> editor.cycle(fixed));
            }
            Arrays.sort(same);
            report("symbol_toggle_p50_ms", ms(same[toggles / 2]));
            report("symbol_toggle_p99_ms", ms(same[(int) Math.ceil(toggles * 0.99) - 1]));
        }
        System.gc();
        Thread.sleep(200);
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                String[] f = line.split("\\s+");
                report(f[0].replace(":", "").toLowerCase() + "_mib", Long.parseLong(f[1]) / 1024);
            }
        }
        Runtime rt = Runtime.getRuntime();
        report("heap_used_mib", (rt.totalMemory() - rt.freeMemory()) >> 20);
        prefs.removeNode();
        Platform.exit();
        System.exit(0);
    }

    /**
     * The view model alone (no window, results applied on the engine thread), with the first 35 rows as the
     * screen: from the command until the rows on screen are re-evaluated and their view models updated.
     */
    private static void modelToggles(OpenRequest request, int toggles, long seed) throws Exception {
        EditorViewModel editor = new EditorViewModel(EngineThread.background(Runnable::run));
        editor.open(request).get(120, TimeUnit.SECONDS);
        openMenus(editor, null, 2);
        List<ConfigEntry> opened = new ArrayList<>();
        collectOpened(editor.tree().root(), opened);
        editor.tree().setViewport(opened.subList(0, Math.min(35, opened.size())));
        Random random = new Random(seed);
        for (int i = 0; i < WARMUP_TOGGLES; i++) {
            editor.cycle(pick(opened, random)).thenCompose(o -> editor.idle()).get(60, TimeUnit.SECONDS);
        }
        long[] times = new long[toggles];
        for (int i = 0; i < toggles; i++) {
            ConfigEntry target = pick(opened, random);
            editor.idle().get(60, TimeUnit.SECONDS);
            long start = System.nanoTime();
            editor.cycle(target).get(60, TimeUnit.SECONDS);
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        report("model_toggle_p50_ms", ms(times[toggles / 2]));
        report("model_toggle_p99_ms", ms(times[(int) Math.ceil(toggles * 0.99) - 1]));
        editor.idle().get(60, TimeUnit.SECONDS);
    }

    /** Opens every menu-like row down to the given depth, as a person browsing the tree would. */
    private static void openMenus(EditorViewModel editor, Scene scene, int depth) throws Exception {
        List<ConfigEntry> level = List.of(editor.tree().root());
        for (int d = 0; d < depth; d++) {
            List<ConfigEntry> next = new ArrayList<>();
            for (ConfigEntry parent : level) {
                for (ConfigEntry child : parent.shownChildren()) {
                    if (child.state().hasChildren()) {
                        next.add(child);
                    }
                }
            }
            for (ConfigEntry e : next) {
                if (scene == null) {
                    editor.tree().open(e);
                } else {
                    onFx(() -> editor.tree().open(e));
                }
            }
            editor.idle().get(60, TimeUnit.SECONDS);
            level = next;
        }
    }

    private static void collectOpened(ConfigEntry entry, List<ConfigEntry> into) {
        for (ConfigEntry child : entry.shownChildren()) {
            into.add(child);
            collectOpened(child, into);
        }
    }

    private static ConfigEntry pick(List<ConfigEntry> entries, Random random) {
        while (true) {
            ConfigEntry e = entries.get(random.nextInt(entries.size()));
            EntryState s = e.state();
            if (s.visible() && s.changeable() && (s.kind() == EntryKind.BOOL || s.kind() == EntryKind.TRISTATE
                    || s.kind() == EntryKind.MENUCONFIG)) {
                return e;
            }
        }
    }

    /** From running action on the FX thread until its result is applied and the next layout pulse is done. */
    private static long timeToLayout(Scene scene, java.util.function.Supplier<CompletableFuture<?>> action)
            throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            long start = System.nanoTime();
            action.get().thenRun(() -> {
                Runnable[] listener = new Runnable[1];
                listener[0] = () -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    done.complete(System.nanoTime() - start);
                };
                scene.addPostLayoutPulseListener(listener[0]);
                Platform.requestNextPulse();
            });
        });
        return done.get(60, TimeUnit.SECONDS);
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                f.complete(null);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        f.get(60, TimeUnit.SECONDS);
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e6);
    }

    private static void report(String key, Object value) {
        System.out.println(key + " " + value);
    }
}
