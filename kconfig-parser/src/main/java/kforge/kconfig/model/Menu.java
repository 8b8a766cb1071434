package kforge.kconfig.model;

import kforge.kconfig.diag.SourceLocation;

/**
 * A node of the menu tree: a config/menuconfig/choice entry, a menu, a comment or an if block.
 * Children are a linked list (list/next) because finalization splices runs of siblings in and out
 * of automatic submenus exactly as menu.c does.
 */
public final class Menu {
    public static final int ROOT = 0x0002;

    public Menu next;
    public Menu parent;
    public Menu list;
    public Symbol sym;
    public Property prompt;
    public Expr visibility;
    public Expr dep;
    public int flags;
    public String help;
    public SourceLocation location;

    public Menu(Symbol sym, Menu parent, SourceLocation location) {
        this.sym = sym;
        this.parent = parent;
        this.location = location;
    }

    /** menu_get_prompt: the prompt text, or the symbol name for promptless entries. */
    public String promptText() {
        if (prompt != null) {
            return prompt.text;
        }
        return sym != null ? sym.name() : null;
    }

    /**
     * menu_next: the entry after this one in a depth-first walk of the subtree under root (the whole tree
     * when root is null), or null at its end.
     */
    public Menu following(Menu root) {
        if (list != null) {
            return list;
        }
        Menu menu = this;
        while (menu != root && menu.next == null) {
            menu = menu.parent;
            if (menu == null) {
                return null;
            }
        }
        return menu == root ? null : menu.next;
    }

    public boolean isMenu() {
        return prompt != null && prompt.type == PropertyType.MENU;
    }

    @Override
    public String toString() {
        return (sym != null ? sym.displayName() : String.valueOf(promptText())) + "@" + location;
    }
}
