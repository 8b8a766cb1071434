package kforge.app.gui.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;
import kforge.app.gui.model.ConfigEntry;
import kforge.app.gui.model.ConfigTree;

/**
 * A tree row bound to a {@link ConfigEntry}: its children mirror the entry's listed children, and
 * expanding it the first time asks the view model to open the entry.
 */
final class EntryTreeItem extends TreeItem<ConfigEntry> {
    private final ConfigTree tree;
    private final Map<ConfigEntry, EntryTreeItem> items = new HashMap<>();

    EntryTreeItem(ConfigEntry entry, ConfigTree tree) {
        super(entry);
        this.tree = tree;
        entry.shownChildren().addListener((ListChangeListener<ConfigEntry>) change -> syncChildren());
        entry.stateProperty().addListener((obs, was, now) -> {
            if (was != null && now != null && was.hasChildren() != now.hasChildren()) {
                // isLeaf() depends on the state; tell the skin the disclosure arrow may change.
                TreeItem.TreeModificationEvent<ConfigEntry> e = new TreeItem.TreeModificationEvent<>(
                        TreeItem.valueChangedEvent(), this, entry);
                javafx.event.Event.fireEvent(this, e);
            }
        });
        expandedProperty().addListener((obs, was, now) -> {
            if (now && entry.shownChildren().isEmpty()) {
                tree.open(entry);
            }
        });
        syncChildren();
    }

    @Override
    public boolean isLeaf() {
        ConfigEntry entry = getValue();
        return entry.state() == null || !entry.state().hasChildren();
    }

    private void syncChildren() {
        List<ConfigEntry> shown = getValue().shownChildren();
        java.util.List<TreeItem<ConfigEntry>> children = new java.util.ArrayList<>(shown.size());
        for (ConfigEntry child : shown) {
            children.add(items.computeIfAbsent(child, c -> new EntryTreeItem(c, tree)));
        }
        if (!children.equals(getChildren())) {
            getChildren().setAll(children);
        }
    }

    /** The item for a descendant entry, expanding the items on the way (they are opened already). */
    EntryTreeItem find(ConfigEntry target) {
        if (target == getValue()) {
            return this;
        }
        java.util.LinkedList<ConfigEntry> path = new java.util.LinkedList<>();
        for (ConfigEntry e = target; e != null && e != getValue(); e = e.parent()) {
            path.addFirst(e);
        }
        EntryTreeItem item = this;
        for (ConfigEntry e : path) {
            item.setExpanded(true);
            item.syncChildren();
            EntryTreeItem next = item.items.get(e);
            if (next == null) {
                return null;
            }
            item = next;
        }
        return item;
    }
}
