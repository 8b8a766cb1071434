package kforge.app.gui.model;

import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kforge.kconfig.model.Menu;

/**
 * One row of the configuration tree: a menu entry of the Kconfig menu tree. Its state and the children it
 * lists are changed only on the UI thread; the engine-side fields ({@link #menu}, the full child list) only
 * on the engine thread.
 */
public final class ConfigEntry {
    final Menu menu;
    private final ConfigEntry parent;
    private final ReadOnlyObjectWrapper<EntryState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ObservableList<ConfigEntry> shownChildren = FXCollections.observableArrayList();
    private final ObservableList<ConfigEntry> shownChildrenView =
            FXCollections.unmodifiableObservableList(shownChildren);

    /** Engine thread only: every child entry, listed or not; null until the entry has been opened. */
    List<ConfigEntry> allChildren;
    /** Engine thread only: the state and listed children last sent to the UI, to send only changes. */
    EntryState engineState;
    List<ConfigEntry> engineChildren;

    ConfigEntry(Menu menu, ConfigEntry parent, EntryState initial) {
        this.menu = menu;
        this.parent = parent;
        this.state.set(initial);
    }

    public ConfigEntry parent() {
        return parent;
    }

    public ReadOnlyObjectProperty<EntryState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public EntryState state() {
        return state.get();
    }

    /** The children listed under this entry (visible ones, or all with "Show all"); empty until opened. */
    public ObservableList<ConfigEntry> shownChildren() {
        return shownChildrenView;
    }

    void applyState(EntryState newState) {
        if (!newState.equals(state.get())) {
            state.set(newState);
        }
    }

    void applyShownChildren(List<ConfigEntry> children) {
        if (!children.equals(shownChildren)) {
            shownChildren.setAll(children);
        }
    }

    @Override
    public String toString() {
        EntryState s = state.get();
        return s == null ? "?" : s.text();
    }
}
