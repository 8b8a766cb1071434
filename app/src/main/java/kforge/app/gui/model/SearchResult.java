package kforge.app.gui.model;

import kforge.kconfig.model.Menu;

/** A search hit: the symbol, where it sits in the menus, and its value now. */
public record SearchResult(String name, String prompt, String location, String value, boolean visible, Menu menu) {
}
