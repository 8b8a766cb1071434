package kforge.app.gui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.prefs.Preferences;

import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.NestedTableColumnHeader;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import kforge.app.gui.model.ConfigEntry;
import kforge.app.gui.model.DiffConfig;
import kforge.app.gui.model.EditorViewModel;
import kforge.app.gui.model.EngineThread;
import kforge.app.gui.model.EntryKind;
import kforge.app.gui.model.OpenRequest;
import kforge.app.gui.model.UserSettings;
import kforge.kconfig.model.Tristate;

/**
 * More of the real editor window on Monocle's headless platform, on the bundled sample tree: the View
 * menu (themes, Show all, columns, changes), the mouse (context menu, double-click) and the info pane's
 * symbol links.
 */
class EditorWindowExtraTest extends EditorWindowTestBase {
    @Start
    void start(Stage shown) throws Exception {
        openWindow(shown);
    }
    private static final PseudoClass INVISIBLE = PseudoClass.getPseudoClass("invisible");

    private TreeItem<ConfigEntry> item(FxRobot robot, Predicate<ConfigEntry> which) {
        TreeTableView<ConfigEntry> t = tree(robot);
        for (int i = 0; i < t.getExpandedItemCount(); i++) {
            if (which.test(t.getTreeItem(i).getValue())) {
                return t.getTreeItem(i);
            }
        }
        return null;
    }

    /**
     * A right-click on the node, then the context menu it asks for. Monocle's headless glass does not turn
     * a secondary press into a context-menu request as desktop platforms do, so after the real right-click
     * (which selects the row) the request that click would have raised is delivered to the same node.
     */
    private void openContextMenu(FxRobot robot, Node node) {
        robot.rightClickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
        if (showingContextMenus(robot).isEmpty()) {
            robot.interact(() -> {
                javafx.geometry.Bounds b = node.localToScreen(node.getBoundsInLocal());
                javafx.geometry.Point2D local = new javafx.geometry.Point2D(b.getWidth() / 2, b.getHeight() / 2);
                javafx.event.Event.fireEvent(node, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                        local.getX(), local.getY(), b.getMinX() + local.getX(), b.getMinY() + local.getY(), false,
                        null));
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(1, showingContextMenus(robot).size(), "a context menu shows");
    }

    private static List<ContextMenu> showingContextMenus(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .map(w -> (ContextMenu) w).toList();
    }

    private void chooseFromContextMenu(FxRobot robot, String item) {
        Node entry = robot.lookup((Node n) -> n instanceof Labeled l && item.equals(l.getText()) && n.isVisible()
                && n.getScene() != null && n.getScene().getWindow() instanceof ContextMenu).query();
        robot.clickOn(entry);
        settle();
    }

    /** The option cells the tree shows on screen now, for rows whose entry matches. */
    private List<OptionCell> optionCells(FxRobot robot, Predicate<ConfigEntry> which) {
        Set<Node> all = robot.lookup(".option-cell").queryAll();
        return all.stream().map(n -> (OptionCell) n)
                .filter(c -> c.isVisible() && !c.isEmpty() && c.getItem() != null)
                .filter(c -> c.getTableRow() != null && c.getTableRow().isVisible()
                        && c.getTableRow().getItem() != null)
                .filter(c -> which.test(c.getTableRow().getItem()))
                .toList();
    }

    private OptionCell optionCell(FxRobot robot, String symbol) {
        List<OptionCell> cells = optionCells(robot, e -> symbol.equals(e.state().name()));
        assertEquals(1, cells.size(), "cells showing " + symbol);
        return cells.get(0);
    }

    /** Clicks a menu of the menu bar, then one of its items, as a person would. */
    private void menu(FxRobot robot, String menu, String item) {
        WindowRobot.clickMenu(robot, stage, menu, item);
        settle();
    }

    private <T extends javafx.scene.control.MenuItem> T menuItem(FxRobot robot, String text, Class<T> type) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        for (javafx.scene.control.Menu m : bar.getMenus()) {
            for (javafx.scene.control.MenuItem i : m.getItems()) {
                if (text.equals(i.getText())) {
                    return type.cast(i);
                }
            }
        }
        throw new AssertionError("no menu item " + text);
    }

    /** The titles of the column headers the tree shows on screen. */
    private List<String> headers(FxRobot robot) {
        return robot.from(tree(robot)).lookup(".column-header").queryAll().stream()
                .filter(n -> n instanceof TableColumnHeader && !(n instanceof NestedTableColumnHeader))
                .map(n -> (TableColumnHeader) n)
                .filter(h -> h.isVisible() && h.getWidth() > 0)
                .map(h -> h.getTableColumn().getText())
                .toList();
    }

    private static List<String> visibleColumns(TreeTableView<ConfigEntry> t) {
        return t.getVisibleLeafColumns().stream().map(TreeTableColumn::getText).toList();
    }

    // ---- (a) themes ----

    @Test
    void theViewMenuSwitchesTheThemeAndRemembersIt(FxRobot robot) {
        settle();
        String base = MainWindow.class.getResource("/kforge/themes/base.css").toExternalForm();
        String light = MainWindow.class.getResource("/kforge/themes/light.css").toExternalForm();
        String dark = MainWindow.class.getResource("/kforge/themes/dark.css").toExternalForm();
        assertEquals(List.of(base, light), stage.getScene().getStylesheets());
        assertTrue(menuItem(robot, "Light Theme", RadioMenuItem.class).isSelected());

        menu(robot, "View", "Dark Theme");
        assertEquals(List.of(base, dark), stage.getScene().getStylesheets());
        assertTrue(stage.getScene().getRoot().getStyleClass().contains(UserSettings.DARK));
        assertFalse(stage.getScene().getRoot().getStyleClass().contains(UserSettings.LIGHT));
        assertEquals(UserSettings.DARK, settings.themeProperty().get());
        assertTrue(menuItem(robot, "Dark Theme", RadioMenuItem.class).isSelected());
        assertFalse(menuItem(robot, "Light Theme", RadioMenuItem.class).isSelected());
        assertEquals(UserSettings.DARK, UserSettings.in(prefs).themeProperty().get(), "remembered for next time");

        menu(robot, "View", "Light Theme");
        assertEquals(List.of(base, light), stage.getScene().getStylesheets());
        assertTrue(stage.getScene().getRoot().getStyleClass().contains(UserSettings.LIGHT));
        assertFalse(stage.getScene().getRoot().getStyleClass().contains(UserSettings.DARK));
        assertEquals(UserSettings.LIGHT, UserSettings.in(prefs).themeProperty().get());
    }

    // ---- (b) Show all ----

    @Test
    void showAllListsInvisibleRowsGreyed(FxRobot robot) {
        settle();
        // EXPERT is n in the sample, which hides PRINTK ("if EXPERT"): nothing is listed under it.
        select(robot, "EXPERT");
        assertEquals("n", selected(robot).state().value());
        assertFalse(selected(robot).state().hasChildren(), "nothing visible under EXPERT=n");
        assertFalse(rows(robot).contains("PRINTK"));
        assertTrue(optionCells(robot, e -> true).stream()
                .noneMatch(c -> c.getPseudoClassStates().contains(INVISIBLE)), "no greyed rows without Show all");

        menu(robot, "View", "Show All Options");
        assertTrue(editor.tree().showAllProperty().get());
        assertTrue(menuItem(robot, "Show All Options", CheckMenuItem.class).isSelected());
        select(robot, "EXPERT");
        assertTrue(selected(robot).state().hasChildren(), "with Show all its hidden children are listed");
        robot.type(KeyCode.ENTER);
        settle();
        assertTrue(rows(robot).contains("PRINTK"), rows(robot).toString());
        OptionCell printk = optionCell(robot, "PRINTK");
        assertFalse(printk.getTableRow().getItem().state().visible());
        assertTrue(printk.getPseudoClassStates().contains(INVISIBLE), "PRINTK is greyed");
        assertFalse(optionCell(robot, "EXPERT").getPseudoClassStates().contains(INVISIBLE), "EXPERT is visible");

        // Z on the tree toggles it off again, as in menuconfig.
        assertTrue(tree(robot).isFocused());
        robot.write("z");
        settle();
        assertFalse(editor.tree().showAllProperty().get());
        assertFalse(menuItem(robot, "Show All Options", CheckMenuItem.class).isSelected());
        assertFalse(rows(robot).contains("PRINTK"), rows(robot).toString());
        assertTrue(optionCells(robot, e -> true).stream()
                .noneMatch(c -> c.getPseudoClassStates().contains(INVISIBLE)), "greyed rows gone");

        // And on again.
        robot.write("z");
        settle();
        assertTrue(editor.tree().showAllProperty().get());
        assertTrue(rows(robot).contains("PRINTK"), rows(robot).toString());
        assertTrue(optionCell(robot, "PRINTK").getPseudoClassStates().contains(INVISIBLE));
    }

    // ---- (c) the mouse ----

    @Test
    void contextMenuSetsValuesLikeTheKeys(FxRobot robot) {
        settle();
        select(robot, "DEVTMPFS");
        assertEquals("y", selected(robot).state().value());

        openContextMenu(robot, optionCell(robot, "DEVTMPFS"));
        chooseFromContextMenu(robot, "No (N)");
        settle();
        assertEquals("DEVTMPFS", selected(robot).state().name());
        assertEquals("n", selected(robot).state().value());
        assertTrue(editor.isDirty());

        // A bool refuses a module, as "m" on the keyboard does: the value stays and the reason shows.
        openContextMenu(robot, optionCell(robot, "DEVTMPFS"));
        chooseFromContextMenu(robot, "Module (M)");
        settle();
        assertEquals("n", selected(robot).state().value());
        assertFalse(editor.errorProperty().get().isEmpty(), "the refusal is reported");

        openContextMenu(robot, optionCell(robot, "DEVTMPFS"));
        chooseFromContextMenu(robot, "Yes (Y)");
        settle();
        assertEquals("y", selected(robot).state().value());
        assertEquals("", editor.errorProperty().get());
    }

    @Test
    void doubleClickOpensAndClosesAMenu(FxRobot robot) {
        settle();
        // Start from a selected row (General setup), so the double-click is all this test is about.
        robot.interact(() -> {
            tree(robot).requestFocus();
            tree(robot).getSelectionModel().select(0);
        });
        settle();
        assertEquals("General setup", selected(robot).state().prompt());
        Predicate<ConfigEntry> drivers = e -> e.state().kind() == EntryKind.MENU
                && e.state().prompt().equals("Device Drivers");
        TreeItem<ConfigEntry> menu = item(robot, drivers);
        assertNotNull(menu, "the Device Drivers menu is a top-level row");
        assertFalse(menu.isExpanded());
        assertFalse(rows(robot).contains("GPIOLIB"));

        robot.doubleClickOn(optionCells(robot, drivers).get(0));
        settle();
        assertTrue(menu == tree(robot).getSelectionModel().getSelectedItem(), "the click selects the row");
        assertTrue(menu.isExpanded(), "double-click opens the menu");
        assertTrue(rows(robot).contains("GPIOLIB"), rows(robot).toString());

        robot.sleep(600);
        robot.doubleClickOn(optionCells(robot, drivers).get(0));
        settle();
        assertFalse(menu.isExpanded(), "a second double-click closes it");
        assertFalse(rows(robot).contains("GPIOLIB"));
    }

    @Test
    void theFirstClickSelectsTheRowUnderTheMouseWithoutMovingTheTree(FxRobot robot) {
        settle();
        // ConfigTreeTable selects the first row when a tree is loaded.
        assertNotNull(selected(robot), "a row is selected once the tree is loaded");
        Predicate<ConfigEntry> drivers = e -> e.state().kind() == EntryKind.MENU
                && e.state().prompt().equals("Device Drivers");
        javafx.geometry.Bounds before = tree(robot).localToScreen(tree(robot).getBoundsInLocal());
        robot.clickOn(optionCells(robot, drivers).get(0));
        settle();
        assertTrue(drivers.test(selected(robot)), String.valueOf(selected(robot)));
        javafx.geometry.Bounds after = tree(robot).localToScreen(tree(robot).getBoundsInLocal());
        // A pixel or two as the breadcrumb's text changes is harmless; a row's height (24px) is not.
        assertEquals(before.getMinY(), after.getMinY(), 4,
                "selecting a row must not push the rows down (the next click would hit another row)");
    }

    @Test
    void doubleClickOnABoolCyclesItLikeEnter(FxRobot robot) {
        settle();
        select(robot, "DEVTMPFS");
        assertEquals("y", selected(robot).state().value());
        robot.doubleClickOn(optionCell(robot, "DEVTMPFS"));
        settle();
        assertEquals("DEVTMPFS", selected(robot).state().name());
        assertEquals("n", selected(robot).state().value(), "a bool cycles y -> n (m is skipped)");
    }

    @Test
    void clickingARowThenTypingSetsIt(FxRobot robot) {
        settle();
        select(robot, "PACKET");
        assertEquals("y", optionCell(robot, "UNIX").getTableRow().getItem().state().value());

        // A click on another row selects it; the keys then act on it.
        robot.clickOn(optionCell(robot, "UNIX"));
        settle();
        assertEquals("UNIX", selected(robot).state().name());
        robot.write("m");
        settle();
        assertEquals("m", selected(robot).state().value(), "m after clicking the row");

        // A second, separate click on the row that is already selected must not swallow the keys.
        robot.sleep(600);
        robot.clickOn(optionCell(robot, "UNIX"));
        settle();
        robot.write("y");
        settle();
        assertEquals("y", selected(robot).state().value(), "y after clicking the selected row again");
    }

    // ---- (d) columns ----

    @Test
    void symbolAndValueColumnsCanBeHidden(FxRobot robot) {
        settle();
        TreeTableView<ConfigEntry> t = tree(robot);
        assertEquals(List.of("Option", "Symbol", "Value"), visibleColumns(t));
        assertEquals(List.of("Option", "Symbol", "Value"), headers(robot));

        menu(robot, "View", "Symbol Name Column");
        assertEquals(List.of("Option", "Value"), visibleColumns(t));
        assertFalse(settings.showNameColumnProperty().get());
        assertFalse(menuItem(robot, "Symbol Name Column", CheckMenuItem.class).isSelected());

        menu(robot, "View", "Value Column");
        assertEquals(List.of("Option"), visibleColumns(t));
        assertFalse(settings.showValueColumnProperty().get());
        UserSettings next = UserSettings.in(prefs);
        assertFalse(next.showNameColumnProperty().get(), "remembered for next time");
        assertFalse(next.showValueColumnProperty().get());
        assertEquals(List.of("Option"), headers(robot), "no header shows the hidden columns");

        menu(robot, "View", "Symbol Name Column");
        assertEquals(List.of("Option", "Symbol"), visibleColumns(t));
        assertEquals(List.of("Option", "Symbol"), headers(robot));
        assertTrue(settings.showNameColumnProperty().get());
    }

    // ---- (e) info pane links ----

    @Test
    void aSymbolLinkInTheInfoPaneJumpsToIt(FxRobot robot) {
        settle();
        select(robot, "MTD_NAND_S3C2410");
        List<Hyperlink> links = robot.lookup(".symbol-link").queryAll().stream()
                .map(n -> (Hyperlink) n)
                .filter(l -> l.isVisible() && l.getText().startsWith("MTD_RAW_NAND "))
                .toList();
        assertFalse(links.isEmpty(), "Depends on names MTD_RAW_NAND as a link");
        robot.clickOn(links.get(0));
        settle();
        assertEquals("MTD_RAW_NAND", selected(robot).state().name());
        assertEquals("MTD_RAW_NAND", editor.tree().selectedProperty().get().state().name());
        assertEquals("CONFIG_MTD_RAW_NAND", editor.infoProperty().get().name());
    }

    @Test
    void theInfoPaneLeadsWithTheVerdictAndMarksTheFalseTerm(FxRobot robot) {
        settle();
        select(robot, "INET");
        robot.interact(() -> editor.setValue(editor.tree().selectedProperty().get(), Tristate.NO));
        settle();
        select(robot, "IP_PNP");
        Label verdict = robot.lookup("#info-verdict").queryAs(Label.class);
        assertTrue(verdict.getText().startsWith("Can't be y: INET is false"), verdict.getText());
        assertTrue(verdict.getStyleClass().contains("verdict-refused"), verdict.getStyleClass().toString());
        assertTrue(verdict.isVisible());
        Hyperlink inet = robot.lookup(".symbol-link").queryAll().stream()
                .map(n -> (Hyperlink) n)
                .filter(l -> l.isVisible() && l.getText().startsWith("INET "))
                .findFirst().orElseThrow();
        assertTrue(inet.getStyleClass().contains("term-false"), inet.getStyleClass().toString());
    }

    // ---- (f) changes since load ----

    @Test
    void changesSinceLoadShowTheEdit(FxRobot robot) {
        settle();
        select(robot, "IPV6");
        assertEquals("m", selected(robot).state().value());
        robot.write("y");
        settle();
        assertEquals("y", selected(robot).state().value());

        menu(robot, "View", "Changes Since Load");
        @SuppressWarnings("unchecked")
        TableView<DiffConfig.Row> diff = robot.lookup("#diff-table").queryAs(TableView.class);
        assertTrue(diff.getItems().contains(new DiffConfig.Row("IPV6", "m", "y")), diff.getItems().toString());
        assertEquals("Differences", robot.lookup(".tab-pane").queryAs(TabPane.class)
                .getSelectionModel().getSelectedItem().getText());
        assertTrue(diff.isVisible());
        List<TableRow<?>> shown = robot.from(diff).lookup(".table-row-cell").queryAll().stream()
                .<TableRow<?>>map(n -> (TableRow<?>) n)
                .filter(r -> r.isVisible() && r.getItem() instanceof DiffConfig.Row row && row.name().equals("IPV6"))
                .toList();
        assertEquals(1, shown.size(), "the IPV6 row is on screen");
        assertTrue(shown.get(0).getStyleClass().contains("diff-changed"));
        assertEquals(List.of("Symbol", "as loaded", "now"),
                diff.getColumns().stream().map(c -> c.getText()).toList());
    }
}
