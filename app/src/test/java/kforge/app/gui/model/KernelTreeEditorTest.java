package kforge.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.app.Main;
import kforge.kconfig.model.Tristate;
import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceTree;

/**
 * On Debian's linux-source-6.1 with ARCH=arm: a change made through the editor's view model and saved gives
 * the very bytes "kforge set" writes for the same change, starting from the kernel's own s3c2410 .config.
 */
class KernelTreeEditorTest {
    private static final String CROSS = "arm-linux-gnueabi-";

    @TempDir
    Path dir;

    @Test
    void savingFromTheEditorEqualsKforgeSet() throws IOException {
        Path tree = ReferenceTree.get();
        Path start = Oracle.config("arm", CROSS, "s3c2410_defconfig");
        Path viaSet = Files.createDirectories(dir.resolve("set")).resolve(".config");
        Path viaEditor = Files.createDirectories(dir.resolve("editor")).resolve(".config");
        Files.copy(start, viaSet);
        Files.copy(start, viaEditor);

        int status = Main.run(new String[] {"set", "--tree", tree.toString(), "--arch", "arm", "--cross-compile",
            CROSS, "--config", viaSet.toString(), "-q", "VFAT_FS=m", "CMDLINE=console=ttySAC0,115200"});
        assertEquals(0, status);

        EditorViewModel editor = new EditorViewModel(EngineThread.direct());
        assertNull(editor.open(new OpenRequest(tree, "arm", CROSS, viaEditor)).join().fault());
        ConfigEntry vfat = editor.jumpToSymbol("VFAT_FS").join().revealed();
        assertNull(editor.setValue(vfat, Tristate.MOD).join().fault());
        ConfigEntry cmdline = editor.jumpToSymbol("CMDLINE").join().revealed();
        assertNull(editor.setValue(cmdline, "console=ttySAC0,115200").join().fault());
        assertNull(editor.save().join().fault());

        String expected = Files.readString(viaSet, StandardCharsets.ISO_8859_1);
        assertNotEquals(Files.readString(start, StandardCharsets.ISO_8859_1), expected, "kforge set changed nothing");
        assertTrue(expected.contains("\nCONFIG_VFAT_FS=m\n"));
        assertEquals(expected, Files.readString(viaEditor, StandardCharsets.ISO_8859_1));
        assertEquals(Files.readString(start), Files.readString(viaEditor.resolveSibling(".config.old")));
    }
}
