package kforge.app.gui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the GUI remembers between runs: the theme, which columns show, recently opened trees, each
 * board's build directory and which trees may run which Kconfig $(shell,...) commands. Changes are written through to the store at once, so a crash loses nothing.
 */
public final class UserSettings {
    public static final String LIGHT = "light";
    public static final String DARK = "dark";
    private static final int MAX_RECENT = 10;

    private final Preferences store;
    private final StringProperty theme = new SimpleStringProperty(this, "theme");
    private final BooleanProperty showNameColumn = new SimpleBooleanProperty(this, "showNameColumn");
    private final BooleanProperty showValueColumn = new SimpleBooleanProperty(this, "showValueColumn");
    private final ObservableList<RecentTree> recent = FXCollections.observableArrayList();

    private UserSettings(Preferences store) {
        this.store = store;
        theme.set(DARK.equals(store.get("theme", LIGHT)) ? DARK : LIGHT);
        showNameColumn.set(store.getBoolean("showNameColumn", true));
        showValueColumn.set(store.getBoolean("showValueColumn", true));
        for (String line : store.get("recent", "").split("\n")) {
            RecentTree r = RecentTree.parse(line);
            if (r != null) {
                recent.add(r);
            }
        }
        theme.addListener((o, was, now) -> put("theme", now));
        showNameColumn.addListener((o, was, now) -> putBoolean("showNameColumn", now));
        showValueColumn.addListener((o, was, now) -> putBoolean("showValueColumn", now));
    }

    /** The user's own settings (java.util.prefs, under /kforge). */
    public static UserSettings forUser() {
        return new UserSettings(Preferences.userRoot().node("kforge"));
    }

    /** Settings kept in the given preferences node (tests pass a throwaway node). */
    public static UserSettings in(Preferences node) {
        return new UserSettings(node);
    }

    public StringProperty themeProperty() {
        return theme;
    }

    /** The stylesheet of the current theme's colours, from the themes module. */
    public String stylesheet() {
        return "/kforge/themes/" + theme.get() + ".css";
    }

    /** The stylesheets to apply, in order: what both themes share, then the current theme's colours. */
    public java.util.List<String> stylesheets() {
        return java.util.List.of("/kforge/themes/base.css", stylesheet());
    }

    public BooleanProperty showNameColumnProperty() {
        return showNameColumn;
    }

    public BooleanProperty showValueColumnProperty() {
        return showValueColumn;
    }

    /** Most recent first. */
    public ObservableList<RecentTree> recent() {
        return FXCollections.unmodifiableObservableList(recent);
    }

    public void remember(OpenRequest request) {
        if (request.isSample()) {
            return;
        }
        RecentTree r = RecentTree.of(request);
        if (r.format().contains("\n") || r.format().chars().filter(c -> c == '\t').count() != 3) {
            return;  // a path with a tab or newline cannot be stored in the one-line-per-tree format
        }
        List<RecentTree> list = new ArrayList<>(recent);
        list.remove(r);
        list.add(0, r);
        while (list.size() > MAX_RECENT || list.size() > 1 && format(list).length() > Preferences.MAX_VALUE_LENGTH) {
            list.remove(list.size() - 1);
        }
        if (format(list).length() > Preferences.MAX_VALUE_LENGTH) {
            return;
        }
        recent.setAll(list);
        put("recent", format(list));
    }

    /**
     * Where a board is built (make's O=): the user's choice, else ~/kforge-builds/BOARD. Never next to the
     * kernel tree: kforge must not write in the tree's parent unless asked to.
     */
    public java.nio.file.Path buildOutDir(String board) {
        String chosen = store.get(buildOutKey(board), "");
        return chosen.isEmpty() ? defaultBuildOutDir(board) : java.nio.file.Path.of(chosen);
    }

    public void setBuildOutDir(String board, java.nio.file.Path dir) {
        put(buildOutKey(board), dir.toAbsolutePath().normalize().toString());
    }

    static java.nio.file.Path defaultBuildOutDir(String board) {
        return java.nio.file.Path.of(System.getProperty("user.home"), "kforge-builds", board);
    }

    /** One key per board; preferences keys are limited to 80 characters, and a board name is short. */
    private static String buildOutKey(String board) {
        String key = "buildOut." + board;
        return key.length() <= Preferences.MAX_KEY_LENGTH ? key : key.substring(0, Preferences.MAX_KEY_LENGTH);
    }

    /**
     * True when the user has let this tree's Kconfig run exactly this set of $(shell,...) commands
     * ({@code fingerprint}, see ShellCommandListing): a tree moved elsewhere, or one whose commands
     * changed, is asked about again.
     */
    public boolean trustsShellCommands(java.nio.file.Path tree, String fingerprint) {
        return !store.get(shellTrustKey(tree, fingerprint), "").isEmpty();
    }

    /** Remembers that the user let this tree run this set of commands. */
    public void trustShellCommands(java.nio.file.Path tree, String fingerprint) {
        String path = tree.toAbsolutePath().normalize().toString();
        // The value is only for a person reading the store; the key is what counts.
        put(shellTrustKey(tree, fingerprint), path.length() <= Preferences.MAX_VALUE_LENGTH ? path
                : path.substring(0, Preferences.MAX_VALUE_LENGTH));
    }

    /**
     * "shellTrust." and 64 hex digits: keys are limited to 80 characters, and a path can be longer, so the
     * tree and the set of commands are hashed together.
     */
    private static String shellTrustKey(java.nio.file.Path tree, String fingerprint) {
        String path = tree.toAbsolutePath().normalize().toString();
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((path + "\0" + fingerprint).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "shellTrust." + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String format(List<RecentTree> list) {
        StringBuilder sb = new StringBuilder();
        for (RecentTree t : list) {
            sb.append(t.format()).append('\n');
        }
        return sb.toString();
    }

    private void put(String key, String value) {
        store.put(key, value);
        flush();
    }

    private void putBoolean(String key, boolean value) {
        store.putBoolean(key, value);
        flush();
    }

    private void flush() {
        try {
            store.flush();
        } catch (BackingStoreException e) {
            // Preferences are a convenience: a read-only home must not stop the editor.
        }
    }

    /** A tree opened before, with the ARCH, cross prefix and .config it was opened with. */
    public record RecentTree(String tree, String arch, String crossCompile, String configFile) {
        static RecentTree of(OpenRequest r) {
            return new RecentTree(r.tree().toString(), nz(r.arch()), nz(r.crossCompile()),
                    r.configFile().toAbsolutePath().toString());
        }

        static RecentTree parse(String line) {
            String[] f = line.split("\t", -1);
            return f.length == 4 && !f[0].isEmpty() ? new RecentTree(f[0], f[1], f[2], f[3]) : null;
        }

        String format() {
            return String.join("\t", tree, arch, crossCompile, configFile);
        }

        public OpenRequest toRequest() {
            return new OpenRequest(java.nio.file.Path.of(tree), arch.isEmpty() ? null : arch,
                    crossCompile.isEmpty() ? null : crossCompile, java.nio.file.Path.of(configFile));
        }

        @Override
        public String toString() {
            return tree + (arch.isEmpty() ? "" : "  ARCH=" + arch) + "  " + configFile;
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }
}
