package kforge.app.gui.view;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import kforge.app.gui.model.ConfigEntry;
import kforge.app.gui.model.EditorViewModel;
import kforge.app.gui.model.EntryKind;
import kforge.app.gui.model.EntryState;
import kforge.app.gui.model.UserSettings;
import kforge.kconfig.model.Tristate;

/**
 * The configuration tree with menuconfig's keys: Y/M/N set, Space cycles, Enter opens or edits, Esc goes
 * up, "/" searches, "?" shows help, Z toggles "Show all". The mouse offers the same through double-click
 * and the context menu.
 */
final class ConfigTreeTable {
    private final EditorViewModel editor;
    private final TreeTableView<ConfigEntry> table = new TreeTableView<>();
    private final TreeTableColumn<ConfigEntry, EntryState> optionColumn = new TreeTableColumn<>("Option");
    private final TreeTableColumn<ConfigEntry, String> nameColumn = new TreeTableColumn<>("Symbol");
    private final TreeTableColumn<ConfigEntry, EntryState> valueColumn = new TreeTableColumn<>("Value");
    private Runnable onSearch = () -> { };
    private Runnable onHelp = () -> { };
    private boolean syncingSelection;
    private int viewportFirst = -1;
    private int viewportLast = -1;
    private int viewportRows = -1;

    ConfigTreeTable(EditorViewModel editor, UserSettings settings) {
        this.editor = editor;
        table.setId("config-tree");
        table.setShowRoot(false);
        table.setEditable(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        optionColumn.setCellValueFactory(row -> row.getValue().getValue().stateProperty());
        optionColumn.setCellFactory(c -> new OptionCell());
        optionColumn.setPrefWidth(520);
        optionColumn.setSortable(false);
        // Only values are edited; an editable option column would swallow the keys of a clicked row.
        optionColumn.setEditable(false);
        nameColumn.setCellValueFactory(row -> {
            EntryState s = row.getValue().getValue().state();
            return new ReadOnlyStringWrapper(s == null ? "" : s.name());
        });
        nameColumn.setPrefWidth(200);
        nameColumn.setSortable(false);
        nameColumn.setEditable(false);
        valueColumn.setCellValueFactory(row -> row.getValue().getValue().stateProperty());
        valueColumn.setCellFactory(c -> new ValueCell(editor));
        valueColumn.setEditable(true);
        valueColumn.setPrefWidth(160);
        valueColumn.setSortable(false);
        nameColumn.visibleProperty().bindBidirectional(settings.showNameColumnProperty());
        valueColumn.visibleProperty().bindBidirectional(settings.showValueColumnProperty());
        table.getColumns().setAll(java.util.List.of(optionColumn, nameColumn, valueColumn));

        editor.tree().rootProperty().addListener((obs, was, root) -> {
            table.setRoot(root == null ? null : new EntryTreeItem(root, editor.tree()));
            if (root != null) {
                table.getRoot().setExpanded(true);
                table.getSelectionModel().select(0);
                // menuconfig's keys work at once; and no caret blinks (a running animation pulses every frame).
                table.requestFocus();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (!syncingSelection) {
                editor.tree().selectedProperty().set(now == null ? null : now.getValue());
            }
        });
        editor.tree().revealedProperty().addListener((obs, was, entry) -> reveal(entry));
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        table.addEventFilter(KeyEvent.KEY_TYPED, this::keyTyped);
        table.setOnMouseClicked(e -> {
            // A double-click already opens or closes a row with children (TreeTableView does that itself).
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && selected() != null
                    && !opensOnEnter(selected().state())) {
                enter(selected());
            }
        });
        table.setContextMenu(contextMenu());
        table.sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                scene.addPostLayoutPulseListener(this::reportViewport);
            }
        });
    }

    /** Tells the view model which rows are on screen: those are re-evaluated first after a change. */
    private void reportViewport() {
        javafx.scene.control.skin.VirtualFlow<?> flow =
                (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(".virtual-flow");
        if (flow == null || flow.getFirstVisibleCell() == null || flow.getLastVisibleCell() == null) {
            return;
        }
        int first = flow.getFirstVisibleCell().getIndex();
        int last = flow.getLastVisibleCell().getIndex();
        if (first == viewportFirst && last == viewportLast && table.getExpandedItemCount() == viewportRows) {
            return;
        }
        viewportFirst = first;
        viewportLast = last;
        viewportRows = table.getExpandedItemCount();
        java.util.List<ConfigEntry> rows = new java.util.ArrayList<>();
        for (int i = Math.max(0, first); i <= last; i++) {
            TreeItem<ConfigEntry> item = table.getTreeItem(i);
            if (item != null) {
                rows.add(item.getValue());
            }
        }
        editor.tree().setViewport(rows);
    }

    TreeTableView<ConfigEntry> node() {
        return table;
    }

    void setOnSearch(Runnable action) {
        onSearch = action;
    }

    void setOnHelp(Runnable action) {
        onHelp = action;
    }

    private ConfigEntry selected() {
        TreeItem<ConfigEntry> item = table.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    private void keyPressed(KeyEvent e) {
        if (table.getEditingCell() != null || selected() == null) {
            return;
        }
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        ConfigEntry entry = selected();
        switch (e.getCode()) {
            case ENTER:
                enter(entry);
                break;
            case SPACE:
                editor.cycle(entry);
                break;
            case ESCAPE:
                goUp();
                break;
            default:
                return;
        }
        e.consume();
    }

    private void keyTyped(KeyEvent e) {
        if (table.getEditingCell() != null || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        ConfigEntry entry = selected();
        switch (e.getCharacter()) {
            case "y": case "Y":
                set(entry, Tristate.YES);
                break;
            case "m": case "M":
                set(entry, Tristate.MOD);
                break;
            case "n": case "N":
                set(entry, Tristate.NO);
                break;
            case "/":
                onSearch.run();
                break;
            case "?":
                onHelp.run();
                break;
            case "z": case "Z":
                editor.tree().showAllProperty().set(!editor.tree().showAllProperty().get());
                break;
            default:
                return;
        }
        e.consume();
    }

    private void set(ConfigEntry entry, Tristate value) {
        if (entry != null) {
            editor.setValue(entry, value);
        }
    }

    /** Enter: a menu, menuconfig or choice opens (or closes), a text value is edited, a bool or tristate cycles. */
    void enter(ConfigEntry entry) {
        EntryState s = entry.state();
        TreeItem<ConfigEntry> item = table.getSelectionModel().getSelectedItem();
        if (opensOnEnter(s)) {
            item.setExpanded(!item.isExpanded());
        } else if (s.kind().takesText()) {
            table.edit(table.getSelectionModel().getSelectedIndex(), valueColumn);
        } else if (s.kind().takesTristate()) {
            editor.cycle(entry);
        }
    }

    private static boolean opensOnEnter(EntryState s) {
        boolean menuLike = s.kind() == EntryKind.MENU || s.kind() == EntryKind.MENUCONFIG || s.kind() == EntryKind.CHOICE;
        return menuLike && s.hasChildren();
    }

    /** Esc: back to the enclosing menu, closing it, as menuconfig's Exit leaves a submenu. */
    void goUp() {
        TreeItem<ConfigEntry> item = table.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        TreeItem<ConfigEntry> parent = item.getParent();
        if (parent != null && parent != table.getRoot()) {
            parent.setExpanded(false);
            table.getSelectionModel().select(parent);
            table.scrollTo(table.getRow(parent));
        }
    }

    private void reveal(ConfigEntry entry) {
        if (entry == null || table.getRoot() == null) {
            return;
        }
        EntryTreeItem item = ((EntryTreeItem) table.getRoot()).find(entry);
        if (item != null) {
            syncingSelection = true;
            table.getSelectionModel().select(item);
            syncingSelection = false;
            int row = table.getRow(item);
            table.scrollTo(Math.max(0, row - 3));
            table.requestFocus();
        }
    }

    private ContextMenu contextMenu() {
        MenuItem yes = new MenuItem("Yes (Y)");
        yes.setOnAction(e -> set(selected(), Tristate.YES));
        MenuItem mod = new MenuItem("Module (M)");
        mod.setOnAction(e -> set(selected(), Tristate.MOD));
        MenuItem no = new MenuItem("No (N)");
        no.setOnAction(e -> set(selected(), Tristate.NO));
        MenuItem edit = new MenuItem("Open / Edit (Enter)");
        edit.setOnAction(e -> {
            if (selected() != null) {
                enter(selected());
            }
        });
        MenuItem help = new MenuItem("Help (?)");
        help.setOnAction(e -> onHelp.run());
        return new ContextMenu(yes, mod, no, new SeparatorMenuItem(), edit, help);
    }
}
