package kforge.app.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import kforge.kconfig.ConfigEngine;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.model.Kconfig;
import kforge.kconfig.model.Menu;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Parses a tree and reports its size and what holding it costs (for benchmarks and curiosity). */
@Command(name = "stats", description = "Parse the tree and print its symbol, menu and file counts, the time it"
        + " took and the heap the parsed tree occupies.")
public final class StatsCommand implements Callable<Integer> {
    @Mixin
    TreeOptions tree;

    @Override
    public Integer call() throws Exception {
        long before = usedHeapAfterGc();
        long start = System.nanoTime();
        Path objtree = Files.createTempDirectory("kforge-stats");
        ConfigEngine engine = ConfigEngine.open(tree.tree, tree.arch, tree.crossCompile, objtree, System.getenv(),
                Reporter.silent());
        long millis = (System.nanoTime() - start) / 1_000_000;
        Kconfig kconfig = engine.kconfig();
        long after = usedHeapAfterGc();
        System.out.printf("files: %d%nsymbols: %d%nmenu nodes: %d%nload: %d ms%nheap held by the parsed tree: %.1f MiB%n"
                        + "peak heap during the run: %.1f MiB%n",
                kconfig.files().size(), kconfig.symbols().size(), countMenus(kconfig.rootMenu()), millis,
                (after - before) / 1048576.0, peakHeap() / 1048576.0);
        Files.deleteIfExists(objtree);
        return 0;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    private static long peakHeap() {
        long peak = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static int countMenus(Menu root) {
        int n = 0;
        java.util.ArrayDeque<Menu> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Menu m = stack.pop();
            n++;
            if (m.next != null) {
                stack.push(m.next);
            }
            if (m.list != null) {
                stack.push(m.list);
            }
        }
        return n;
    }
}
