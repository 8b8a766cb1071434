package kforge.app.gui.model;

import java.util.IdentityHashMap;
import java.util.Map;

import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.io.MenuVisibility;
import kforge.kconfig.model.Menu;
import kforge.kconfig.model.PropertyType;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;
import kforge.kconfig.model.Tristate;

/** Works out how an entry looks, following mconf.c's build_conf; engine thread only. */
final class EntryStates {
    private final Evaluator evaluator;
    /** menu_is_visible per entry, for one pass: an entry's state asks about its children more than once. */
    private final Map<Menu, Boolean> visibility = new IdentityHashMap<>();

    EntryStates(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    private boolean isVisible(Menu menu) {
        Boolean known = visibility.get(menu);
        if (known == null) {
            known = MenuVisibility.isVisible(evaluator, menu);
            visibility.put(menu, known);
        }
        return known;
    }

    /** Whether the entry is listed: menuconfig lists visible entries; "Show all" lists every one. */
    boolean isListed(Menu menu, boolean showAll) {
        if (showAll) {
            // An emptied "if" block (no prompt, no symbol) is structure, not an option.
            return menu.prompt != null || menu.sym != null;
        }
        return isVisible(menu);
    }

    boolean hasListedChild(Menu menu, boolean showAll) {
        for (Menu child = menu.list; child != null; child = child.next) {
            if (isListed(child, showAll)) {
                return true;
            }
        }
        return false;
    }

    EntryState of(Menu menu, boolean showAll) {
        boolean visible = isVisible(menu);
        boolean hasChildren = hasListedChild(menu, showAll);
        Symbol sym = menu.sym;
        if (menu.parent == null) {
            return new EntryState(EntryKind.ROOT, "", menu.promptText(), "", "", "", Tristate.NO, true, false,
                    false, hasChildren);
        }
        if (sym == null) {
            return plainEntry(menu, visible, hasChildren);
        }
        evaluator.calcValue(sym);
        if (sym.isChoice()) {
            return choice(menu, sym, visible, hasChildren);
        }
        SymbolType type = evaluator.effectiveType(sym);
        Tristate tri = sym.currTri;
        boolean changeable = evaluator.isChangeable(sym);
        String name = sym.name() == null ? "" : sym.name();
        String value = valueOf(sym);
        String prompt = menu.prompt != null ? menu.prompt.text : name;
        boolean isNew = menu.prompt != null && changeable && !sym.hasUserValue();
        if (menu.prompt == null) {
            return new EntryState(EntryKind.PROMPTLESS, markerOf(sym, type, tri, false), prompt, "", name, value,
                    tri, visible, false, false, hasChildren);
        }
        if (sym.isChoiceValue()) {
            String marker = sym.choice.currTri == Tristate.YES ? (tri == Tristate.YES ? "(X)" : "( )")
                    : markerOf(sym, type, tri, changeable);
            return new EntryState(EntryKind.CHOICE_VALUE, marker, prompt, "", name, value, tri, visible,
                    changeable, isNew, hasChildren);
        }
        EntryKind kind = kindOf(type);
        String suffix = "";
        if (menu.prompt.type == PropertyType.MENU) {
            kind = EntryKind.MENUCONFIG;
            suffix = hasVisibleChild(menu) ? "  --->" : "  ----";
        }
        return new EntryState(kind, markerOf(sym, type, tri, changeable), prompt, suffix, name, value, tri,
                visible, changeable, isNew, hasChildren);
    }

    private EntryState plainEntry(Menu menu, boolean visible, boolean hasChildren) {
        String prompt = menu.promptText() == null ? "" : menu.promptText();
        if (menu.prompt != null && menu.prompt.type == PropertyType.COMMENT) {
            return new EntryState(EntryKind.COMMENT, "", "*** " + prompt + " ***", "", "", "", Tristate.NO,
                    visible, false, false, hasChildren);
        }
        String suffix = hasVisibleChild(menu) ? "  --->" : "  ----";
        return new EntryState(EntryKind.MENU, "", prompt, suffix, "", "", Tristate.NO, visible, false, false,
                hasChildren);
    }

    private EntryState choice(Menu menu, Symbol sym, boolean visible, boolean hasChildren) {
        Symbol selected = sym.choiceSelection();
        Menu selectedMenu = null;
        for (Menu child = menu.list; child != null; child = child.next) {
            if (child.sym == selected && isVisible(child)) {
                selectedMenu = child;
            }
        }
        Tristate tri = sym.currTri;
        boolean changeable = evaluator.isChangeable(sym);
        String marker = changeable ? markerOf(sym, evaluator.effectiveType(sym), tri, true) : "";
        String suffix = tri == Tristate.YES && selectedMenu != null ? " (" + selectedMenu.promptText() + ")" : "";
        String value = selected != null && selected.name() != null ? selected.name() : tri.text();
        String name = sym.name() == null ? "" : sym.name();
        String prompt = menu.promptText() == null ? "<choice>" : menu.promptText();
        return new EntryState(EntryKind.CHOICE, marker, prompt, suffix, name, value, tri, visible, changeable,
                false, hasChildren);
    }

    /** menu_is_empty's opposite: what decides between "--->" and "----". */
    private boolean hasVisibleChild(Menu menu) {
        return hasListedChild(menu, false);
    }

    private String valueOf(Symbol sym) {
        String v = evaluator.stringValue(sym);
        return v == null ? "" : v;
    }

    private String markerOf(Symbol sym, SymbolType type, Tristate tri, boolean changeable) {
        switch (type) {
            case BOOLEAN:
                return changeable ? (tri == Tristate.NO ? "[ ]" : "[*]") : (tri == Tristate.NO ? "- -" : "-*-");
            case TRISTATE: {
                char ch = tri == Tristate.YES ? '*' : tri == Tristate.MOD ? 'M' : ' ';
                if (!changeable) {
                    return "-" + ch + "-";
                }
                return sym.revDepTri == Tristate.MOD ? "{" + ch + "}" : "<" + ch + ">";
            }
            case UNKNOWN:
                return "";
            default:
                return "(" + valueOf(sym) + ")";
        }
    }

    private static EntryKind kindOf(SymbolType type) {
        switch (type) {
            case BOOLEAN: return EntryKind.BOOL;
            case TRISTATE: return EntryKind.TRISTATE;
            case INT: return EntryKind.INT;
            case HEX: return EntryKind.HEX;
            case STRING: return EntryKind.STRING;
            default: return EntryKind.PROMPTLESS;
        }
    }
}
