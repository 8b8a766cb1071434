package kforge.runner.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.diag.KconfigException;

class CloneTreeCommandTest {
    @TempDir
    Path temp;

    @Test
    void aLocalTreeIsClonedWithProgressAndItsBranchesAndTags() throws Exception {
        Path source = SmallTree.imported(temp);
        SmallTree.branchWithChange(source, "work", "README", "changed\n");
        Path clone = temp.resolve("clone");
        RecordingMonitor progress = new RecordingMonitor();

        try (KernelTree tree = KernelTrees.cloneFrom(source.toString()).setDirectory(clone).setProgress(progress)
                .call()) {
            assertEquals(clone.toAbsolutePath(), tree.directory().toAbsolutePath());
            assertEquals("master", tree.head().branch());
            assertEquals(List.of("master", "origin/master", "origin/work"),
                    tree.branches().stream().map(TreeRef::name).toList());
            assertEquals(List.of("v6.1.7-kf"), tree.tags().stream().map(TreeRef::name).toList());
            assertTrue(tree.status().isClean());
        }
        assertEquals("Linux kernel\n", Files.readString(clone.resolve("README")));
        assertTrue(Files.isExecutable(clone.resolve("scripts/setlocalversion")));
        assertTrue(Files.isSymbolicLink(clone.resolve("include/dt-bindings/input")));
        assertTrue(progress.tasks.contains("Checking out files"), progress.tasks.toString());
        assertTrue(progress.updates > 0);
    }

    @Test
    void aBranchCanBeChosenAndTheHistoryCut() throws Exception {
        Path source = SmallTree.imported(temp);
        SmallTree.branchWithChange(source, "work", "README", "changed\n");
        Path clone = temp.resolve("clone");

        try (KernelTree tree = KernelTrees.cloneFrom("file://" + source.toAbsolutePath()).setDirectory(clone)
                .setBranch("work").setDepth(1).call()) {
            assertEquals("work", tree.head().branch());
        }
        assertEquals("changed\n", Files.readString(clone.resolve("README")));
    }

    @Test
    void cancellingStopsTheCloneAndRemovesTheDirectory() throws Exception {
        Path source = SmallTree.imported(temp);
        Path clone = temp.resolve("clone");
        RecordingMonitor progress = new RecordingMonitor(monitor -> !monitor.tasks.isEmpty());

        CancellationException cancelled = assertThrows(CancellationException.class,
                () -> KernelTrees.cloneFrom(source.toString()).setDirectory(clone).setProgress(progress).call());

        assertTrue(cancelled.getMessage().contains("was cancelled"), cancelled.getMessage());
        // The "remote:" tasks are the sending side's, which does not ask; receiving is the first to stop.
        assertEquals("Receiving objects", progress.tasks.get(progress.tasks.size() - 1), progress.tasks.toString());
        assertFalse(Files.exists(clone), "the clone's directory is gone");
    }

    @Test
    void somethingThatIsNotARepositoryIsNamed() throws Exception {
        Path plain = Files.createDirectories(temp.resolve("plain"));

        KconfigException notGit = assertThrows(KconfigException.class,
                () -> KernelTrees.cloneFrom(plain.toString()).setDirectory(temp.resolve("clone")).call());
        KconfigException absent = assertThrows(KconfigException.class,
                () -> KernelTrees.cloneFrom(temp.resolve("absent").toString()).setDirectory(temp.resolve("clone"))
                        .call());

        assertEquals("cannot clone " + plain + ": it is not a git repository", notGit.getMessage());
        assertTrue(absent.getMessage().contains("no such directory"), absent.getMessage());
        assertFalse(Files.exists(temp.resolve("clone")));
    }

    @Test
    void anUnreachableUrlFailsWithItsNameAndLeavesNothing() {
        Path clone = temp.resolve("clone");

        KconfigException fault = assertThrows(KconfigException.class,
                () -> KernelTrees.cloneFrom("file:///nonexistent/linux.git").setDirectory(clone).call());

        assertTrue(fault.getMessage().startsWith("cannot clone file:///nonexistent/linux.git into " + clone),
                fault.getMessage());
        assertFalse(Files.exists(clone));
    }
}
