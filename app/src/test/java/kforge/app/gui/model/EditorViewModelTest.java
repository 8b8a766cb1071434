package kforge.app.gui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.app.gui.ToolRuns;
import kforge.kconfig.model.Tristate;
import kforge.kconfig.testing.Oracle;

/**
 * The editor's view model on the bundled sample tree, without a window: every command runs synchronously
 * (EngineThread.direct()), so each assertion sees the state right after the command.
 */
class EditorViewModelTest {
    @TempDir
    Path dir;

    private EditorViewModel editor;
    private Path config;

    @BeforeEach
    void openSample() throws IOException {
        // No .config yet: opening the sample makes one from its defconfig, as "make sample_defconfig" would.
        config = dir.resolve(".config");
        editor = new EditorViewModel(EngineThread.direct());
        EditorViewModel.Outcome o = editor.open(OpenRequest.sample(config)).join();
        assertNull(o.fault(), o.fault());
        assertEquals(EditorViewModel.Phase.READY, editor.phaseProperty().get());
    }

    private ConfigEntry entry(String symbol) {
        EditorViewModel.Outcome o = editor.jumpToSymbol(symbol).join();
        assertNull(o.fault(), o.fault());
        return o.revealed();
    }

    private static List<String> names(List<ConfigEntry> entries) {
        return entries.stream().map(e -> e.state().name()).toList();
    }

    @Test
    void topLevelRowsAreMenuconfigsTopMenu() {
        List<ConfigEntry> top = editor.tree().root().shownChildren();
        assertFalse(top.isEmpty());
        assertTrue(top.stream().allMatch(e -> e.state().visible()), "only visible rows without Show all");
        assertTrue(top.stream().anyMatch(e -> e.state().kind() == EntryKind.MENU
                && e.state().text().endsWith("--->")), "submenus end in --->");
    }

    @Test
    void makeItSoAppliesTheFewestChangesAndOneUndoRestoresTheEarlierState() throws IOException {
        editor.setValue(entry("INET"), Tristate.NO);
        ConfigEntry ipPnp = entry("IP_PNP");
        assertEquals(Tristate.NO, ipPnp.state().tri());
        assertNotNull(editor.setValue(ipPnp, Tristate.YES).join().fault(), "IP_PNP=y is refused while INET=n");
        String refusedState = editor.currentConfigText().join();

        FixProposals proposals = editor.findFixes(ipPnp, "y").join();
        assertFalse(proposals.fixes().isEmpty(), proposals.reason());
        assertEquals("1 change: INET=y", proposals.titles().get(0));
        assertTrue(proposals.preview(0).contains("INET: n -> y") && proposals.preview(0).contains("IP_PNP: n -> y"),
                proposals.preview(0));
        assertEquals(refusedState, editor.currentConfigText().join(), "finding a fix changes nothing");

        EditorViewModel.Outcome applied = editor.applyFix(proposals, 0).join();
        assertNull(applied.fault(), applied.fault());
        assertEquals(Tristate.YES, entry("IP_PNP").state().tri());
        assertEquals(Tristate.YES, entry("INET").state().tri());
        assertEquals(proposals.fixes().get(0).config(), editor.currentConfigText().join());

        editor.undo().join();
        assertEquals(refusedState, editor.currentConfigText().join(), "undo restores the state before the fix");
        assertEquals(Tristate.NO, entry("INET").state().tri());
    }

    @Test
    void enablingAnOptionListsItsDependents() {
        ConfigEntry rawNand = entry("MTD_RAW_NAND");
        editor.setValue(rawNand, Tristate.NO);
        assertFalse(names(rawNand.shownChildren()).contains("MTD_NAND_S3C2410"));
        assertEquals("[ ]", rawNand.state().marker().replace("< >", "[ ]"));

        editor.setValue(rawNand, Tristate.YES);
        editor.tree().open(rawNand);
        assertTrue(names(rawNand.shownChildren()).contains("MTD_NAND_S3C2410"), names(rawNand.shownChildren()).toString());
        assertTrue(editor.isDirty());

        editor.undo().join();
        assertFalse(names(rawNand.shownChildren()).contains("MTD_NAND_S3C2410"));
        assertTrue(editor.isDirty());
        editor.undo().join();
        assertTrue(names(rawNand.shownChildren()).contains("MTD_NAND_S3C2410"));
        assertFalse(editor.isDirty(), "undoing back to the loaded state is not a change");
        editor.redo().join();
        assertFalse(names(rawNand.shownChildren()).contains("MTD_NAND_S3C2410"));
        assertTrue(editor.canRedoProperty().get());
    }

    @Test
    void refusedValuesSayWhyAndChangeNothing() throws IOException {
        ConfigEntry uarts = entry("SERIAL_SAMSUNG_UARTS");
        String before = uarts.state().value();
        EditorViewModel.Outcome o = editor.setValue(uarts, "9").join();
        assertNotNull(o.fault());
        assertTrue(o.fault().contains("out of range"), o.fault());
        assertEquals(before, uarts.state().value());
        assertFalse(editor.isDirty());

        ConfigEntry rom = entry("ZBOOT_ROM_TEXT");
        assertNotNull(editor.setValue(rom, "0xZZ").join().fault());
        assertNull(editor.setValue(rom, "0x100").join().fault());
        assertEquals("0x100", rom.state().value());
    }

    @Test
    void boolRefusesModule() {
        ConfigEntry devtmpfs = entry("DEVTMPFS");
        EditorViewModel.Outcome o = editor.setValue(devtmpfs, Tristate.MOD).join();
        assertNotNull(o.fault());
        assertEquals(Tristate.YES, devtmpfs.state().tri());
    }

    @Test
    void searchFindsByNamePromptAndHelpAndJumps() {
        SearchViewModel search = editor.search();
        search.queryProperty().set("s3c2410");
        assertTrue(search.results().stream().anyMatch(r -> r.name().equals("MTD_NAND_S3C2410")));
        search.queryProperty().set("^MACH_");
        assertTrue(search.results().stream().allMatch(r -> r.name().startsWith("MACH_")));
        search.queryProperty().set("([");
        assertFalse(search.errorProperty().get().isEmpty(), "a bad regex is reported, not thrown");

        // A hidden symbol: choosing it turns Show all on and selects it.
        search.queryProperty().set("^PRINTK$");
        SearchResult hidden = search.results().get(0);
        assertFalse(hidden.visible());
        search.choose(hidden);
        assertTrue(editor.tree().showAllProperty().get());
        assertEquals("PRINTK", editor.tree().selectedProperty().get().state().name());
        assertFalse(editor.tree().selectedProperty().get().state().visible());
    }

    @Test
    void infoShowsDependenciesWithValues() {
        ConfigEntry nand = entry("MTD_NAND_S3C2410");
        editor.tree().selectedProperty().set(nand);
        EntryInfo info = editor.infoProperty().get();
        assertNotNull(info);
        assertEquals("CONFIG_MTD_NAND_S3C2410", info.name());
        assertFalse(info.help().isEmpty());
        assertTrue(info.definedAt().get(0).startsWith("drivers/mtd/Kconfig:"), info.definedAt().toString());
        assertEquals("Device Drivers", info.location().get(0));
        assertEquals("Raw/Parallel NAND Device Support", info.location().get(info.location().size() - 1));
        EntryInfo.Section depends = info.section("Depends on");
        assertNotNull(depends);
        assertTrue(depends.text().contains("MTD_RAW_NAND [="), depends.text());
        assertTrue(info.confHelp().contains("Symbol: MTD_NAND_S3C2410 [="), info.confHelp());
        assertTrue(depends.lines().get(0).fragments().stream().anyMatch(f -> "MTD_RAW_NAND".equals(f.symbol())));
    }

    @Test
    void infoLeadsWithWhyARowCannotBeYAndMarksTheFalseTerm() {
        editor.setValue(entry("INET"), Tristate.NO);
        ConfigEntry ipPnp = entry("IP_PNP");
        editor.tree().selectedProperty().set(ipPnp);
        EntryInfo info = editor.infoProperty().get();
        assertNotNull(info.verdict());
        assertFalse(info.verdict().holds());
        assertTrue(info.verdict().text().startsWith("Can't be y: INET is false"), info.verdict().text());
        EntryInfo.Fragment inet = info.section("Depends on").lines().get(0).fragments().stream()
                .filter(f -> "INET".equals(f.symbol())).findFirst().orElseThrow();
        assertEquals(Tristate.NO, inet.truth());
    }

    @Test
    void eachConjunctOfADependencyHasItsOwnTruthAndTheLineReadsAsBefore() {
        editor.setValue(entry("IP_PNP"), Tristate.NO);
        editor.tree().selectedProperty().set(entry("ROOT_NFS"));
        EntryInfo info = editor.infoProperty().get();
        EntryInfo.Line depends = info.section("Depends on").lines().get(0);
        // The enclosing "if NETWORK_FILESYSTEMS" is the first conjunct.
        assertEquals("NETWORK_FILESYSTEMS [=y] && NFS_FS [=y]=y && IP_PNP [=n]", depends.text());
        assertEquals(Tristate.YES, truthOf(depends, "NETWORK_FILESYSTEMS"));
        assertEquals(Tristate.NO, truthOf(depends, "IP_PNP"));
        assertFalse(depends.active());
        assertTrue(depends.fragments().stream().anyMatch(f -> " && ".equals(f.text()) && f.truth() == null),
                "the && joining the terms belongs to neither");
    }

    @Test
    void aRowAtYIsExplainedNotAskedAbout() {
        editor.tree().selectedProperty().set(entry("INET"));
        EntryInfo info = editor.infoProperty().get();
        assertTrue(info.verdict().holds());
        assertFalse(info.verdict().text().startsWith("Can"), info.verdict().text());
    }

    private static Tristate truthOf(EntryInfo.Line line, String symbol) {
        return line.fragments().stream().filter(f -> symbol.equals(f.symbol())).findFirst().orElseThrow().truth();
    }

    @Test
    void aNewSampleConfigIsWhatConfMakesFromTheDefconfig() throws IOException {
        ToolRuns.Run conf = new ToolRuns(dir.resolve("oracle"), Oracle.confBinary("arm", "arm-linux-gnueabi-"))
                .conf(SampleTree.extract(), "conf", "--defconfig=" + SampleTree.DEFCONFIG, "Kconfig");
        assertEquals(0, conf.exit(), conf.stderr());
        assertEquals(conf.files().get(".config"), Files.readString(config, StandardCharsets.ISO_8859_1));
    }

    @Test
    void savedFileIsWhatConfKeepsAndOldIsKept() throws IOException {
        String original = Files.readString(config);
        ConfigEntry ipv6 = entry("IPV6");
        editor.setValue(ipv6, Tristate.YES);
        assertNull(editor.save().join().fault());
        assertFalse(editor.isDirty());
        String saved = Files.readString(config, StandardCharsets.ISO_8859_1);
        assertTrue(saved.contains("\nCONFIG_IPV6=y\n"), saved);
        assertEquals(original, Files.readString(dir.resolve(".config.old")));

        // The kernel's conf keeps a saved .config exactly as it is: nothing kforge wrote is inconsistent.
        Path work = Files.createDirectories(dir.resolve("oracle/conf"));
        Files.copy(config, work.resolve(".config"));
        ToolRuns.Run conf = new ToolRuns(dir.resolve("oracle"), Oracle.confBinary("arm", "arm-linux-gnueabi-"))
                .conf(SampleTree.extract(), "conf", "--olddefconfig", "Kconfig");
        assertEquals(0, conf.exit(), conf.stderr());
        assertEquals(saved, conf.files().get(".config"));
    }

    @Test
    void changesSinceLoadAreListedLikeDiffconfig() {
        editor.setValue(entry("IPV6"), Tristate.YES);
        List<DiffConfig.Row> rows = editor.diff().showChangesSinceLoad().join();
        assertTrue(rows.contains(new DiffConfig.Row("IPV6", "m", "y")), rows.toString());
    }
}
