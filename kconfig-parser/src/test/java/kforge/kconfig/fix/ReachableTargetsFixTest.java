package kforge.kconfig.fix;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.ConfigEngine;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceKernel;

/**
 * Acceptance of kforge fix on real trees: 50 seeded targets per tree, each a bool or tristate that
 * "kforge set SYM=y" refuses on the starting .config but that the kernel's own allyesconfig sets to y (so a
 * fix exists). Each fix found is written as --apply would, and the tree's own "make olddefconfig" must leave
 * it byte for byte, holding CONFIG_SYM=y. Costs about 2.5 minutes per tree idle (one make olddefconfig per target, two at a time).
 */
class ReachableTargetsFixTest {
    private static final String ARM_CROSS = "arm-linux-gnueabi-";
    private static final int TARGETS = Integer.getInteger("kforge.fix.targets", 50);
    private static final long SEED = 12;

    @TempDir
    Path dir;

    @Test
    void s3c2410On61() throws IOException {
        resolvesReachableTargets(ReferenceKernel.LINUX_6_1, "arm", ARM_CROSS, "s3c2410_defconfig");
    }

    @Test
    void x86_64DefconfigOn612() throws IOException {
        resolvesReachableTargets(ReferenceKernel.LINUX_6_12, "x86_64", null, "x86_64_defconfig");
    }

    private void resolvesReachableTargets(ReferenceKernel kernel, String arch, String cross, String defconfig)
            throws IOException {
        Path start = Oracle.config(kernel, arch, cross, defconfig);
        Set<String> allYes = FixBenchmark.yesLines(Oracle.config(kernel, arch, cross, "allyesconfig"));
        Path config = dir.resolve(".config");
        ConfigEngine engine = ConfigEngine.open(kernel.tree(), arch, cross, dir, Oracle.makeEnvironment(),
                Reporter.silent());
        Files.copy(start, config, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> targets = FixBenchmark.targets(engine, config, allYes, TARGETS, SEED);
        List<String> unresolved = new ArrayList<>();
        // The searches share one engine, so they run here in turn; the makes that check them run two at a time.
        ExecutorService makes = Executors.newFixedThreadPool(2);
        List<Future<String>> checks = new ArrayList<>();
        try {
            for (String target : targets) {
                Files.copy(start, config, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                long started = System.nanoTime();
                FixOutcome outcome = FixSearch.on(engine).config(config).want(target + "=y").call();
                System.out.printf("%s: %d fixes, %d ms; %s%n", target, outcome.fixes().size(),
                        (System.nanoTime() - started) / 1_000_000, outcome.stats());
                if (outcome.fixes().isEmpty()) {
                    unresolved.add(target + ": " + outcome.reason());
                    continue;
                }
                // The first fix is what --apply writes: the tree's make checks it; scripts/bench-fix checks them all.
                Fix fix = outcome.fixes().get(0);
                assertTrue(fix.size() <= 8);
                Path out = dir.resolve("oracle-" + target);
                checks.add(makes.submit(() -> madeTheSame(kernel, arch, cross, fix, target, out, start.getParent())));
            }
            for (Future<String> check : checks) {
                String fault = check.get();
                assertNull(fault, fault);
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        } finally {
            makes.shutdownNow();
        }
        int fixesChecked = checks.size();
        System.out.printf("%s %s: %d of %d targets resolved, %d fixes verified by make olddefconfig; unresolved: %s%n",
                kernel, defconfig, targets.size() - unresolved.size(), targets.size(), fixesChecked, unresolved);
        assertTrue(unresolved.size() * 20 <= targets.size(), "more than 5% unresolved: " + unresolved);
    }

    /** null when the tree's make olddefconfig leaves the fixed .config as it is, holding CONFIG_TARGET=y. */
    private static String madeTheSame(ReferenceKernel kernel, String arch, String cross, Fix fix, String target,
                                      Path out, Path builtObjtree) throws IOException {
        String conf = Oracle.olddefconfigOf(kernel, arch, cross, fix.config(), out, builtObjtree);
        deleteTree(out);
        if (!fix.config().equals(conf)) {
            return target + ": make olddefconfig changed the fixed .config " + fix;
        }
        return conf.lines().anyMatch(("CONFIG_" + target + "=y")::equals) ? null : target + " is not y";
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
