package kforge.app.gui.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import kforge.kconfig.model.Menu;

/**
 * The menu tree as rows. Entries are made when their parent is first opened (the ARM tree has tens of
 * thousands of entries; a person opens a few hundred), and after every change only opened entries are
 * re-evaluated, which is what keeps a toggle within a frame.
 */
public final class ConfigTree {
    private final EngineThread engine;
    private final ReadOnlyObjectWrapper<ConfigEntry> root = new ReadOnlyObjectWrapper<>(this, "root");
    private final BooleanProperty showAll = new SimpleBooleanProperty(this, "showAll", false);
    private final ObjectProperty<ConfigEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<ConfigEntry> revealed = new ReadOnlyObjectWrapper<>(this, "revealed");

    // Engine thread only.
    private ConfigSession session;
    private EntryStates states;
    private boolean showAllOnEngine;
    private final Set<ConfigEntry> opened = new LinkedHashSet<>();
    private final Map<Menu, ConfigEntry> entries = new HashMap<>();
    /** Entries re-evaluated per engine task after the rows on screen: a few milliseconds' worth. */
    private static final int REFRESH_CHUNK = 150;
    private long generation;
    private volatile List<ConfigEntry> viewport = List.of();

    ConfigTree(EngineThread engine) {
        this.engine = engine;
        showAll.addListener((obs, was, now) -> {
            engine.submit(() -> {
                showAllOnEngine = now;
                return refreshAll();
            }, this::apply);
        });
    }

    public ReadOnlyObjectProperty<ConfigEntry> rootProperty() {
        return root.getReadOnlyProperty();
    }

    public ConfigEntry root() {
        return root.get();
    }

    public BooleanProperty showAllProperty() {
        return showAll;
    }

    public ObjectProperty<ConfigEntry> selectedProperty() {
        return selected;
    }

    /** The entry last jumped to; views expand the path to it and scroll it into view. */
    public ReadOnlyObjectProperty<ConfigEntry> revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** Lists an entry's children (when a view expands it). */
    public void open(ConfigEntry entry) {
        engine.submit(() -> {
            List<Update> updates = new ArrayList<>();
            openOnEngine(entry, updates);
            return updates;
        }, this::apply);
    }

    // ---- engine side ----

    /** Engine thread: starts over on a (re)loaded session; the result is applied with {@link #applyReset}. */
    Reset resetOnEngine(ConfigSession newSession) {
        session = newSession;
        states = new EntryStates(session.evaluator());
        opened.clear();
        entries.clear();
        Menu rootMenu = session.kconfig().rootMenu();
        ConfigEntry top = newEntry(rootMenu, null);
        entries.put(rootMenu, top);
        List<Update> updates = new ArrayList<>();
        openOnEngine(top, updates);
        return new Reset(top, updates);
    }

    void applyReset(Reset reset) {
        selected.set(null);
        // Rows first, so a view can select the first one as soon as the root appears.
        apply(reset.updates);
        root.set(reset.root);
    }

    /** A fresh root and the rows listed under it. */
    record Reset(ConfigEntry root, List<Update> updates) {
    }

    /** Engine thread: re-evaluates every opened entry (after a load, or a change to the modules symbol). */
    List<Update> refreshAll() {
        if (session == null) {
            return List.of();
        }
        states = new EntryStates(session.evaluator());
        List<Update> updates = new ArrayList<>();
        for (ConfigEntry entry : List.copyOf(opened)) {
            recompute(entry, true, updates);
            for (ConfigEntry child : entry.allChildren) {
                if (!opened.contains(child)) {
                    recompute(child, false, updates);
                }
            }
        }
        return updates;
    }

    /**
     * Engine thread: after a value change. Every symbol may have changed (Kconfig re-evaluates globally),
     * but a person sees only the rows on screen: those, their parents' lists and the selected entry are
     * re-evaluated now; the other opened entries right after, as a separate engine task that a newer
     * change supersedes.
     */
    List<Update> refreshAfterChange() {
        if (session == null) {
            return List.of();
        }
        long mine = ++generation;
        states = new EntryStates(session.evaluator());
        Set<ConfigEntry> first = new LinkedHashSet<>();
        for (ConfigEntry e : viewport) {
            for (ConfigEntry p = e; p != null && first.add(p); p = p.parent()) {
                // the row and every entry above it: their lists decide what the rows around it are
            }
        }
        List<Update> updates = new ArrayList<>();
        for (ConfigEntry e : first) {
            if (entries.get(e.menu) == e) {
                recompute(e, opened.contains(e), updates);
            }
        }
        List<ConfigEntry> rest = new ArrayList<>();
        for (ConfigEntry entry : opened) {
            if (!first.contains(entry)) {
                rest.add(entry);
            }
            for (ConfigEntry child : entry.allChildren) {
                if (!opened.contains(child) && !first.contains(child)) {
                    rest.add(child);
                }
            }
        }
        refreshLater(mine, rest, 0);
        return updates;
    }

    /** Re-evaluates the rest in small engine tasks, so a newer change never waits long behind them. */
    private void refreshLater(long mine, List<ConfigEntry> rest, int from) {
        if (from >= rest.size()) {
            return;
        }
        engine.submit(() -> {
            List<Update> updates = new ArrayList<>();
            if (mine != generation) {
                return updates;
            }
            int to = Math.min(rest.size(), from + REFRESH_CHUNK);
            for (ConfigEntry e : rest.subList(from, to)) {
                recompute(e, opened.contains(e), updates);
            }
            refreshLater(mine, rest, to);
            return updates;
        }, this::apply);
    }

    /** UI thread: the entries whose rows are on screen now. */
    public void setViewport(List<ConfigEntry> rows) {
        viewport = List.copyOf(rows);
    }

    /** Computes an entry's state (and listed children when opened); records an update when either changed. */
    private boolean recompute(ConfigEntry entry, boolean withChildren, List<Update> updates) {
        EntryState state = states.of(entry.menu, showAllOnEngine);
        List<ConfigEntry> children = withChildren && entry.allChildren != null ? listedChildren(entry) : null;
        boolean changed = !state.equals(entry.engineState)
                || children != null && !children.equals(entry.engineChildren);
        if (changed) {
            entry.engineState = state;
            if (children != null) {
                entry.engineChildren = children;
            }
            updates.add(new Update(entry, state, children));
        }
        return changed;
    }

    /** Engine thread: the entry for a menu node, opening every entry on the way to it. */
    ConfigEntry entryFor(Menu target, List<Update> updates) {
        List<Menu> path = new ArrayList<>();
        for (Menu m = target; m != null; m = m.parent) {
            path.add(0, m);
        }
        ConfigEntry entry = entries.get(path.get(0));
        for (int i = 1; i < path.size(); i++) {
            openOnEngine(entry, updates);
            entry = entries.get(path.get(i));
        }
        return entry;
    }

    boolean isListedOnEngine(Menu menu) {
        return states.isListed(menu, false);
    }

    boolean showAllOnEngine() {
        return showAllOnEngine;
    }

    void setShowAllOnEngine(boolean value) {
        showAllOnEngine = value;
    }

    private void openOnEngine(ConfigEntry entry, List<Update> updates) {
        if (entry.allChildren == null) {
            List<ConfigEntry> children = new ArrayList<>();
            for (Menu child = entry.menu.list; child != null; child = child.next) {
                ConfigEntry c = newEntry(child, entry);
                entries.put(child, c);
                children.add(c);
            }
            entry.allChildren = children;
        }
        if (opened.add(entry)) {
            entry.engineChildren = listedChildren(entry);
            updates.add(new Update(entry, entry.engineState, entry.engineChildren));
        }
    }

    private ConfigEntry newEntry(Menu menu, ConfigEntry parent) {
        ConfigEntry entry = new ConfigEntry(menu, parent, states.of(menu, showAllOnEngine));
        entry.engineState = entry.state();
        return entry;
    }

    private List<ConfigEntry> listedChildren(ConfigEntry entry) {
        List<ConfigEntry> shown = new ArrayList<>();
        for (ConfigEntry child : entry.allChildren) {
            if (states.isListed(child.menu, showAllOnEngine)) {
                shown.add(child);
            }
        }
        return shown;
    }

    // ---- UI side ----

    void apply(List<Update> updates) {
        for (Update u : updates) {
            u.entry.applyState(u.state);
            if (u.children != null) {
                u.entry.applyShownChildren(u.children);
            }
        }
    }

    void reveal(ConfigEntry entry, boolean needsShowAll) {
        if (needsShowAll && !showAll.get()) {
            showAll.set(true);
        }
        selected.set(entry);
        revealed.set(null);
        revealed.set(entry);
    }

    /** A computed change to one row: its new state and, for opened entries, the children it lists. */
    record Update(ConfigEntry entry, EntryState state, List<ConfigEntry> children) {
    }
}
