package kforge.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import kforge.runner.git.TreeRef;

/** The panel's tree section on a real git tree: refs, status, checkout and its refusal, a new work branch. */
class TreePatchesBranchesTest extends TreePatchesTestBase {
    private static List<String> names(List<TreeRef> refs) {
        return refs.stream().map(TreeRef::name).toList();
    }

    @Test
    void listsBranchesTagsAndWhatIsCheckedOut() {
        TreePatchesFixture.branchWithChange(tree, "work", "init/main.c", "work\n");

        await(() -> model.refresh());

        TreeBranchesViewModel branches = model.branches();
        assertEquals(List.of("master", "work"), names(branches.branches()));
        assertTrue(branches.branches().get(0).current(), "master is checked out");
        assertFalse(branches.branches().get(1).current());
        assertEquals("change init/main.c", branches.branches().get(1).subject());
        assertEquals(List.of("v6.1.7"), names(branches.tags()));
        assertTrue(branches.headTextProperty().get().startsWith("On branch master at "),
                branches.headTextProperty().get());
        assertTrue(branches.gitTreeProperty().get());
        assertEquals(List.of(), branches.changes(), "a fresh tree is clean");
    }

    @Test
    void checkoutIsRefusedOnADirtyTreeNamingTheFileAndKeepingTheChange() {
        TreePatchesFixture.branchWithChange(tree, "work", "init/main.c", "work\n");
        TreePatchesFixture.write(tree, "init/main.c", "my uncommitted edit\n");

        await(() -> model.branches().checkout("work"));

        TreeBranchesViewModel branches = model.branches();
        String refusal = branches.errorProperty().get();
        assertTrue(refusal.startsWith("cannot check out work: "), refusal);
        assertTrue(refusal.contains("uncommitted changes in 1 file: init/main.c."), refusal);
        assertEquals("my uncommitted edit\n", TreePatchesFixture.read(tree, "init/main.c"), "the edit is still there");
        assertEquals("master", branches.headProperty().get().branch());
        assertEquals(List.of(new ChangedFile("modified", "init/main.c")), branches.changes());
        assertEquals("", branches.messageProperty().get());
    }

    @Test
    void checkoutSwitchesACleanTreeAndDetachesOnATag() {
        TreePatchesFixture.branchWithChange(tree, "work", "init/main.c", "work\n");

        await(() -> model.branches().checkout("work"));

        TreeBranchesViewModel branches = model.branches();
        assertEquals("", branches.errorProperty().get());
        assertEquals("work", branches.headProperty().get().branch());
        assertEquals("work\n", TreePatchesFixture.read(tree, "init/main.c"));
        assertTrue(branches.messageProperty().get().startsWith("On branch work at "),
                branches.messageProperty().get());
        assertTrue(branches.branches().get(1).current(), "the list follows");

        await(() -> model.branches().checkout("v6.1.7"));

        assertTrue(branches.headProperty().get().isDetached());
        assertEquals(TreePatchesFixture.MAIN_C, TreePatchesFixture.read(tree, "init/main.c"));
        assertTrue(branches.messageProperty().get().contains("(v6.1.7); to commit on it, create a work branch"),
                branches.messageProperty().get());
    }

    @Test
    void createsAWorkBranchAndSwitchesToIt() {
        await(() -> model.branches().createBranch("fix-boot", null));

        TreeBranchesViewModel branches = model.branches();
        assertEquals("", branches.errorProperty().get());
        assertEquals("fix-boot", branches.headProperty().get().branch());
        assertEquals(List.of("fix-boot", "master"), names(branches.branches()));
        assertTrue(branches.branches().get(0).current());

        await(() -> model.branches().createBranch("fix-boot", null));

        assertTrue(branches.errorProperty().get().startsWith("a branch named 'fix-boot' already exists"),
                branches.errorProperty().get());
    }

    @Test
    void aDirectoryWithoutGitSaysSoInPlace() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));

        await(() -> {
            model.chooseTree(plain);
            return model.idle();
        });

        TreeBranchesViewModel branches = model.branches();
        assertFalse(branches.gitTreeProperty().get());
        assertTrue(branches.headTextProperty().get().contains("is not a git tree"),
                branches.headTextProperty().get());
        assertEquals(List.of(), branches.branches());
    }

    @Test
    void followsTheTreeTheEditorOpens() throws Exception {
        SimpleObjectProperty<OpenRequest> editorRequest = new SimpleObjectProperty<>();
        Path other = Files.createDirectories(dir.resolve("other"));
        onUi(() -> {
            model.followEditor(editorRequest);
            editorRequest.set(OpenRequest.sample(dir.resolve("sample.config")));
            return null;
        });
        assertEquals(tree, model.treeProperty().get(), "the sample tree is no kernel tree to patch");

        onUi(() -> {
            editorRequest.set(new OpenRequest(other, "arm", null, other.resolve(".config")));
            return null;
        });

        assertEquals(other, model.treeProperty().get());
    }
}
