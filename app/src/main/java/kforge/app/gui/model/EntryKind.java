package kforge.app.gui.model;

/** What a row of the tree is, as menuconfig distinguishes them; views style rows by it. */
public enum EntryKind {
    MENU, MENUCONFIG, CHOICE, CHOICE_VALUE, BOOL, TRISTATE, STRING, INT, HEX, COMMENT, PROMPTLESS, ROOT;

    public boolean takesTristate() {
        return this == MENUCONFIG || this == BOOL || this == TRISTATE || this == CHOICE || this == CHOICE_VALUE;
    }

    public boolean takesText() {
        return this == STRING || this == INT || this == HEX;
    }

    /** The CSS style class for rows of this kind, e.g. "entry-choice-value". */
    public String styleClass() {
        return "entry-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
