package kforge.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.runner.git.ImportedTree;
import kforge.runner.git.KernelTree;
import kforge.runner.git.KernelTrees;
import kforge.runner.patch.ApplyOutcome;
import kforge.runner.patch.PatchSeries;
import kforge.kconfig.ConfigEngine;
import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceTree;

/**
 * The whole of issue 5's path on the real thing: Debian's linux-source-6.1 tarball (about 78,000 files)
 * imported into a git tree tagged with its version, a board patch written for this test applied to a
 * Kconfig file as a commit, and kforge's engine, opened on the patched tree, offering and setting the
 * patch's new option in the s3c2410 configuration.
 */
class DebianTarballToPatchedConfigTest {
    private static final String NEW_OPTION = "S3C2410_KFORGE_LED_HEARTBEAT";

    @TempDir
    Path temp;

    @Test
    void importedTarballTakesABoardPatchAndTheEngineSeesItsOption() throws Exception {
        Path tarball = ReferenceTree.tarball();
        Path tree = temp.resolve("linux");
        long start = System.nanoTime();
        ImportedTree imported = KernelTrees.importTarball(tarball).setDirectory(tree).call();
        System.out.println("Imported " + tarball + " (" + imported.files() + " files, Linux "
                + imported.kernelVersion() + ") in " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");

        assertTrue(imported.kernelVersion().startsWith("6.1."), imported.kernelVersion());
        assertEquals("v" + imported.kernelVersion(), imported.tag());
        assertTrue(imported.files() > 70_000, "files: " + imported.files());
        assertTrue(Files.isSymbolicLink(tree.resolve("Documentation/Changes")));
        try (Git git = Git.open(tree.toFile())) {
            DirCache index = DirCache.read(git.getRepository());
            assertEquals(imported.files(), index.getEntryCount());
            assertEquals(FileMode.EXECUTABLE_FILE, index.getEntry("scripts/checkpatch.pl").getFileMode());
        }
        try (KernelTree opened = KernelTrees.open(tree)) {
            assertTrue(opened.status().isClean(), "status right after the import");
        }

        Path kconfig = tree.resolve("arch/arm/mach-s3c/Kconfig.s3c24xx");
        assertFalse(Files.readString(kconfig).contains(NEW_OPTION));
        Path patch = Path.of(getClass().getResource("/kforge/runner/git/kforge-led-heartbeat.patch").toURI());
        PatchSeries series = PatchSeries.open(tree);
        series.add().setFile(patch).call();
        List<ApplyOutcome> applied = series.apply().setAll(true).setCommit(true).call();
        assertEquals(1, applied.size());
        assertTrue(applied.get(0).patch().committed());
        assertTrue(Files.readString(kconfig).contains("config " + NEW_OPTION + "\n"));
        try (Git git = Git.open(tree.toFile())) {
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertEquals("ARM: s3c24xx: add a heartbeat LED option", head.getShortMessage());
            assertNotEquals(imported.commitId(), head.getName());
        }

        Path objtree = Files.createDirectories(temp.resolve("out"));
        ConfigEngine engine = ConfigEngine.open(tree, "arm", "arm-linux-gnueabi-", objtree, Oracle.makeEnvironment(),
                Reporter.silent());
        assertTrue(engine.kconfig().symbols().find(NEW_OPTION) != null, "the engine parsed the patched Kconfig");
        Path config = objtree.resolve(".config");
        int status = engine.run(ConfMode.DEFCONFIG, engine.defconfigArgument("s3c2410_defconfig"), config, true,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new BufferedReader(new StringReader("")), false);
        assertEquals(0, status);
        String written = Files.readString(config, StandardCharsets.ISO_8859_1);
        assertTrue(written.contains("\nCONFIG_" + NEW_OPTION + "=y\n"), "default y under CPU_S3C2410");
        String pristine = Files.readString(Oracle.config("arm", "arm-linux-gnueabi-", "s3c2410_defconfig"),
                StandardCharsets.ISO_8859_1);
        assertFalse(pristine.contains(NEW_OPTION));
        assertEquals(pristine.lines().count() + 1, written.lines().count(), "one new line, nothing else changed");
    }
}
