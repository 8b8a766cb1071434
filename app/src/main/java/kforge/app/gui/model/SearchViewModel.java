package kforge.app.gui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kforge.kconfig.io.MenuVisibility;
import kforge.kconfig.model.Menu;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.PropertyType;
import kforge.kconfig.model.Symbol;

/**
 * Incremental search over symbol names, prompts and help, as a case-insensitive regular expression (like
 * menuconfig's "/"). Each keystroke starts a new search; results of an outdated query are dropped.
 */
public final class SearchViewModel {
    static final int MAX_RESULTS = 1000;

    private final EngineThread engine;
    private final EditorViewModel editor;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final BooleanProperty inHelp = new SimpleBooleanProperty(this, "inHelp", false);
    private final ObservableList<SearchResult> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final AtomicLong generation = new AtomicLong();

    SearchViewModel(EngineThread engine, EditorViewModel editor) {
        this.engine = engine;
        this.editor = editor;
        query.addListener((obs, was, now) -> search());
        inHelp.addListener((obs, was, now) -> search());
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** Also match the help text (slower; off by default, like menuconfig which matches names and prompts). */
    public BooleanProperty inHelpProperty() {
        return inHelp;
    }

    public ObservableList<SearchResult> results() {
        return results;
    }

    /** Why the query is not a valid regular expression; empty when it is. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Jumps to a result: selects it in the tree, opening menus (and "Show all" for a hidden one). */
    public void choose(SearchResult result) {
        editor.jumpTo(result.menu());
    }

    void search() {
        String text = query.get() == null ? "" : query.get().strip();
        long mine = generation.incrementAndGet();
        if (text.isEmpty()) {
            results.clear();
            error.set("");
            return;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(text, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            error.set("not a regular expression: " + e.getDescription());
            return;
        }
        error.set("");
        boolean help = inHelp.get();
        engine.submit(() -> mine == generation.get() ? find(pattern, help) : null, found -> {
            if (found != null && mine == generation.get()) {
                results.setAll(found);
            }
        });
    }

    /** Engine thread. */
    private List<SearchResult> find(Pattern pattern, boolean help) {
        ConfigSession session = editor.sessionOnEngine();
        if (session == null) {
            return List.of();
        }
        List<SearchResult> found = new ArrayList<>();
        String prefix = session.settings(session.configFile()).configPrefix();
        for (Symbol sym : session.kconfig().symbols().inCreationOrder()) {
            if (sym.name() == null || sym.isConst() || sym.properties.isEmpty()) {
                continue;
            }
            for (Property p : sym.properties) {
                if (p.type != PropertyType.SYMBOL || !matches(pattern, sym, p.menu, prefix, help)) {
                    continue;
                }
                session.evaluator().calcValue(sym);
                found.add(new SearchResult(sym.name(), p.menu.promptText(), location(p.menu),
                        String.valueOf(session.evaluator().stringValue(sym)),
                        MenuVisibility.isVisible(session.evaluator(), p.menu), p.menu));
                if (found.size() >= MAX_RESULTS) {
                    return found;
                }
            }
        }
        found.sort(java.util.Comparator.comparing(SearchResult::name));
        return found;
    }

    private static boolean matches(Pattern pattern, Symbol sym, Menu menu, String prefix, boolean help) {
        if (pattern.matcher(sym.name()).find() || pattern.matcher(prefix + sym.name()).find()) {
            return true;
        }
        if (menu.prompt != null && pattern.matcher(menu.prompt.text).find()) {
            return true;
        }
        return help && menu.help != null && pattern.matcher(menu.help).find();
    }

    static String location(Menu menu) {
        return String.join(" > ", MenuPath.of(menu));
    }
}
