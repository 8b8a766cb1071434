package kforge.kconfig.explain;

import java.util.ArrayList;
import java.util.List;

import kforge.kconfig.model.Property;
import kforge.kconfig.model.Symbol;

/** A symbol's prompts: a symbol is visible when one of them is, and only a visible one takes user values. */
final class Prompts {
    private Prompts() {
    }

    static List<Property> of(Symbol sym) {
        List<Property> prompts = new ArrayList<>();
        for (Property p : sym.properties) {
            // What calcVisibility counts as a prompt.
            if (p.text != null) {
                prompts.add(p);
            }
        }
        return prompts;
    }

    static Property first(Symbol sym) {
        List<Property> prompts = of(sym);
        return prompts.isEmpty() ? null : prompts.get(0);
    }

    static boolean has(Symbol sym) {
        return sym.hasPrompt();
    }
}
