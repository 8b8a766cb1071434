package kforge.app.gui.model;

import java.util.LinkedList;
import java.util.List;

import kforge.kconfig.model.Menu;

/** Where an entry sits: the prompts of the menus above it, from the top (menuconfig's "Location"). */
final class MenuPath {
    private MenuPath() {
    }

    static List<String> of(Menu menu) {
        LinkedList<String> names = new LinkedList<>();
        for (Menu m = menu.parent; m != null && m.parent != null; m = m.parent) {
            names.addFirst(m.promptText());
        }
        return List.copyOf(names);
    }
}
