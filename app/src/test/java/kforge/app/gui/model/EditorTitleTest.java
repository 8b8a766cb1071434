package kforge.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.model.Tristate;
import kforge.kconfig.testing.Oracle;

/**
 * The editor's title and dialect caution, without a window, on trees small enough to write here: each is a
 * top Makefile with the release and a Kconfig or two, which is all a release's dialect is chosen from.
 */
class EditorTitleTest {
    private static final String CROSS = "arm-linux-gnueabi-";
    private static final String KCONFIG = "config A\n\tbool \"a\"\n\nconfig B\n\ttristate \"b\"\n";

    @TempDir
    Path dir;

    private final EditorViewModel editor = new EditorViewModel(EngineThread.direct(), Oracle.makeEnvironment());

    private Path tree(String name, String version, String patchLevel, String subLevel, String extraVersion,
                      String... files) {
        return FakeKernelTree.release(dir, name, version, patchLevel, subLevel, extraVersion, files);
    }

    private EditorViewModel.Outcome open(Path tree, String arch, String cross) {
        return editor.open(new OpenRequest(tree, arch, cross, dir.resolve("out").resolve(".config"))).join();
    }

    private Path config() {
        return dir.resolve("out").resolve(".config").toAbsolutePath();
    }

    @Test
    void theTitleNamesTheTreeItsKernelVersionAndDialectThenTheFile() throws IOException {
        Path tree = tree("linux-source-6.12", "6", "12", "117", "", "Kconfig", "source \"arch/x86/Kconfig\"\n",
                "arch/x86/Kconfig", KCONFIG);
        assertEquals("kforge", editor.titleProperty().get(), "nothing is open yet");

        EditorViewModel.Outcome o = open(tree, "x86_64", null);
        assertNull(o.fault(), o.fault());
        assertEquals("kforge \u2014 linux-source-6.12 (Linux 6.12.117, Kconfig dialect of Linux 6.12) \u2014 "
                + config(), editor.titleProperty().get());
        assertEquals("6.12.117", editor.openedProperty().get().kernelVersion());
        assertEquals("", editor.cautionProperty().get(), "6.12 is verified");

        ConfigEntry b = editor.jumpToSymbol("B").join().revealed();
        assertNull(editor.setValue(b, Tristate.YES).join().fault());
        assertTrue(editor.titleProperty().get().startsWith("* kforge \u2014 linux-source-6.12 (Linux 6.12.117,"),
                "unsaved edits star the title: " + editor.titleProperty().get());
        assertNull(editor.save().join().fault());
        assertTrue(editor.titleProperty().get().startsWith("kforge \u2014 "), editor.titleProperty().get());
    }

    @Test
    void aTreeWithoutTopLevelKconfigOpensInTheOldDialect() throws IOException {
        // As FriendlyARM's 2.6.32 BSP: no Kconfig at the top, conf starts at arch/arm/Kconfig.
        Path tree = tree("friendlyarm-linux-2.6.32.2", "2", "6", "32", ".2", "arch/arm/Kconfig",
                "mainmenu \"Linux Kernel Configuration\"\n\nconfig ARM\n\tbool\n\tdefault y\n\n"
                        // As 2.6.32's init/Kconfig has it; conf's header reads it.
                        + "config KERNELVERSION\n\tstring\n\toption env=\"KERNELVERSION\"\n\n" + KCONFIG);

        EditorViewModel.Outcome o = open(tree, "arm", CROSS);
        assertNull(o.fault(), o.fault());
        assertEquals(EditorViewModel.Phase.READY, editor.phaseProperty().get());
        assertEquals("kforge \u2014 friendlyarm-linux-2.6.32.2 (Linux 2.6.32.2, Kconfig dialect of Linux 2.6.32)"
                + " \u2014 " + config(), editor.titleProperty().get());
        assertEquals("", editor.cautionProperty().get(), "2.6.32 is verified");
        assertNull(editor.save().join().fault());
        String saved = Files.readString(config());
        assertTrue(saved.startsWith("#\n# Automatically generated make config: don't edit\n"
                + "# Linux kernel version: 2.6.32.2\n#\n"), 
                "saved in 2.6.32's format, without a date (KCONFIG_NOTIMESTAMP):\n" + saved);
    }

    @Test
    void aDialectNotComparedWithItsConfIsCautioned() throws IOException {
        Path tree = tree("linux-5.10", "5", "10", "0", "", "Kconfig", "source \"arch/x86/Kconfig\"\n",
                "arch/x86/Kconfig", KCONFIG);

        assertNull(open(tree, "x86_64", null).fault());
        assertTrue(editor.titleProperty().get().contains("(Linux 5.10.0, Kconfig dialect of Linux 5.10)"),
                editor.titleProperty().get());
        String caution = editor.cautionProperty().get();
        assertTrue(caution.contains("Linux 5.10") && caution.contains("not compared"), caution);
        assertTrue(editor.messages().contains("kforge: warning: " + caution), "conf's warnings say it too");

        // The next tree is verified: the caution goes with the tree it was about.
        Path verified = tree("linux-6.1", "6", "1", "0", "", "Kconfig", "source \"arch/x86/Kconfig\"\n",
                "arch/x86/Kconfig", KCONFIG);
        assertNull(open(verified, "x86_64", null).fault());
        assertEquals("", editor.cautionProperty().get());
    }

    @Test
    void aFaultOfKforgesOwnEndsTheLoadingWithAMessage() {
        // No .config named: no dialog can ask for this, so it stands for a bug in kforge.
        EditorViewModel.Outcome o = editor.open(new OpenRequest(dir, "arm", CROSS, null)).join();
        assertTrue(o.fault().startsWith("kforge: internal error (please report): "), o.fault());
        assertEquals(EditorViewModel.Phase.FAILED, editor.phaseProperty().get(), "not loading for good");
        assertEquals("kforge", editor.titleProperty().get());
    }

    @Test
    void theSampleTreeClaimsNoKernelRelease() {
        assertNull(editor.open(OpenRequest.sample(dir.resolve(".config"))).join().fault());
        assertEquals("kforge \u2014 sample tree \u2014 " + dir.resolve(".config").toAbsolutePath(),
                editor.titleProperty().get());
        assertNull(editor.openedProperty().get().dialect());
        assertEquals("", editor.cautionProperty().get());
    }

    @Test
    void aDirectoryThatIsNoKernelTreeIsRefusedWithTheReason() throws IOException {
        Map<Path, String> refusals = Map.of(
                dir.resolve("missing"), "no such directory",
                Files.createDirectories(dir.resolve("empty")), "not a kernel tree (no Makefile there)",
                tree("no-version", "", "", "", ""), "not a kernel tree (" ,
                tree("no-kconfig", "6", "12", "0", ""), "not a kernel tree (no Kconfig file there, and its Makefile"
                        + " says Linux 6.12.0)",
                tree("old-no-arch", "2", "6", "32", ""), "which starts at arch/$SRCARCH/Kconfig, but no"
                        + " arch/*/Kconfig is there");
        for (Map.Entry<Path, String> r : refusals.entrySet()) {
            EditorViewModel.Outcome o = open(r.getKey(), "arm", CROSS);
            assertTrue(o.fault() != null && o.fault().startsWith(r.getKey() + ": ")
                    && o.fault().contains(r.getValue()), r.getKey() + ": " + o.fault());
            assertEquals(EditorViewModel.Phase.FAILED, editor.phaseProperty().get());
        }
        assertTrue(open(dir.resolve("no-version"), "arm", CROSS).fault().contains("no VERSION assignment"));
    }
}
