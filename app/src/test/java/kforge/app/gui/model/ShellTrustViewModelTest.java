package kforge.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The question before a tree's Kconfig commands run, without a window (EngineThread.direct()): asked on a
 * fresh tree with its commands listed; "Don't run" runs and opens nothing; "Run them" opens and is
 * remembered; a changed set of commands asks again.
 */
class ShellTrustViewModelTest {
    @TempDir
    Path dir;

    private Preferences node;
    private UserSettings settings;
    private EditorViewModel editor;
    private Path marker;
    private Path tree;
    private OpenRequest request;
    private final List<ShellTrustViewModel> asked = new ArrayList<>();

    @BeforeEach
    void freshTree() {
        node = Preferences.userRoot().node("kforge-test-" + System.nanoTime());
        settings = UserSettings.in(node);
        editor = new EditorViewModel(EngineThread.direct());
        marker = dir.resolve("commands-ran");
        tree = FakeKernelTree.runningShellCommands(dir, "linux-shell", marker);
        request = new OpenRequest(tree, "x86", "", dir.resolve(".config"));
    }

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    private EditorViewModel.Outcome open(java.util.function.Consumer<ShellTrustViewModel> answer) {
        return editor.openAskingAboutShellCommands(request, settings, question -> {
            asked.add(question);
            answer.accept(question);
        }).join();
    }

    @Test
    void aFreshTreeAsksWithItsCommandsAndDontRunRunsAndOpensNothing() {
        EditorViewModel.Outcome o = open(ShellTrustViewModel::dontRun);

        assertEquals(1, asked.size(), "asked once");
        ShellTrustViewModel question = asked.get(0);
        assertEquals("The Kconfig of linux-shell runs 2 shell commands.", question.heading());
        assertEquals(List.of("Kconfig"), question.groups().stream().map(g -> g.file()).toList());
        assertTrue(question.listingText().contains("3: touch " + marker + " && echo y"), question.listingText());
        assertTrue(question.listingText().contains("6: echo hello"), question.listingText());

        assertFalse(Files.exists(marker), "a command ran");
        assertNull(o.fault());
        assertNull(editor.openedProperty().get(), "nothing opened");
        assertEquals(EditorViewModel.Phase.EMPTY, editor.phaseProperty().get());
        assertEquals("Did not open " + request.describe() + ": its Kconfig's shell commands were not run",
                editor.statusProperty().get());

        open(ShellTrustViewModel::dontRun);
        assertEquals(2, asked.size(), "not trusted: asked again");
    }

    @Test
    void runThemOpensAndIsRememberedUntilTheCommandsChange() throws Exception {
        EditorViewModel.Outcome o = open(ShellTrustViewModel::runThem);

        assertNull(o.fault(), o.fault());
        assertTrue(Files.exists(marker), "the commands ran");
        assertNotNull(editor.openedProperty().get());
        assertEquals(EditorViewModel.Phase.READY, editor.phaseProperty().get());

        Files.delete(marker);
        o = open(question -> fail("a trusted tree asked again"));
        assertNull(o.fault(), o.fault());
        assertTrue(Files.exists(marker), "the commands ran again, unasked");

        Files.writeString(tree.resolve("arch/x86/Kconfig"), "config X86\n\tdef_bool $(shell,echo y)\n");
        open(ShellTrustViewModel::dontRun);
        assertEquals(2, asked.size(), "a new command: asked again");
        assertEquals("The Kconfig of linux-shell runs 3 shell commands.", asked.get(1).heading());
    }

    @Test
    void aDirectoryThatIsNoKernelTreeIsRefusedWithoutAsking() {
        request = new OpenRequest(dir.resolve("nothing-here"), "x86", "", dir.resolve(".config"));
        EditorViewModel.Outcome o = open(question -> fail("asked about a directory that is no tree"));

        assertEquals(dir.resolve("nothing-here") + ": no such directory", o.fault());
        assertEquals(EditorViewModel.Phase.FAILED, editor.phaseProperty().get());
    }
}
