package kforge.kconfig.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A Kconfig symbol with its evaluation state. The state is held here, as in the kernel's struct symbol,
 * because the evaluator's caching (VALID), write marks and user values are per symbol and must be
 * reproduced exactly for .config output to match conf.
 */
public final class Symbol {
    public static final int CONST = 0x0001;
    public static final int CHECK = 0x0008;
    public static final int CHOICE = 0x0010;
    public static final int CHOICEVAL = 0x0020;
    public static final int VALID = 0x0080;
    public static final int OPTIONAL = 0x0100;
    public static final int WRITE = 0x0200;
    public static final int CHANGED = 0x0400;
    public static final int WRITTEN = 0x0800;
    public static final int NO_WRITE = 0x1000;
    public static final int CHECKED = 0x2000;
    public static final int WARNED = 0x8000;
    public static final int DEF_USER = 0x10000;
    public static final int DEF_AUTO = 0x20000;
    public static final int NEED_SET_CHOICE_VALUES = 0x100000;

    /** Index into the def arrays: the user's value (from .config or the UI). */
    public static final int S_DEF_USER = 0;
    /** Index into the def arrays: values read from include/config/auto.conf. */
    public static final int S_DEF_AUTO = 1;

    private final String name;
    public SymbolType type = SymbolType.UNKNOWN;
    public int flags;

    /** Current value: a String for string-like types, the chosen Symbol for choices. */
    public Object currVal;
    public Tristate currTri = Tristate.NO;
    public final Object[] defVal = new Object[4];
    public final Tristate[] defTri = {Tristate.NO, Tristate.NO, Tristate.NO, Tristate.NO};

    public Tristate visible = Tristate.NO;
    public final List<Property> properties = new ArrayList<>();

    public Expr dirDep;
    public Tristate dirDepTri = Tristate.NO;
    public Expr revDep;
    public Tristate revDepTri = Tristate.NO;
    public Expr implied;
    public Tristate impliedTri = Tristate.NO;

    /** For a choice: its values in menu order. */
    public final List<Symbol> choiceValues = new ArrayList<>();
    /** For a choice value: the choice it belongs to. */
    public Symbol choice;
    /**
     * For a choice, since 6.11: its members in priority order (choice_members). It starts in parse order;
     * each .config line and each user choice moves its member to the front.
     */
    private final List<Symbol> choicePriority = new ArrayList<>();

    private final int initialFlags;
    private final Object initialVal;
    private final Tristate initialTri;

    public Symbol(String name, int flags) {
        this(name, flags, null, Tristate.NO);
    }

    /** The flags the symbol was created with (kept across state resets). */
    public int initialFlags() {
        return initialFlags;
    }

    /** For the constants y, m, n and the empty string. */
    Symbol(String name, int flags, Object currVal, Tristate currTri) {
        this.name = name;
        this.flags = flags;
        this.currVal = currVal;
        this.currTri = currTri;
        this.initialFlags = flags;
        this.initialVal = currVal;
        this.initialTri = currTri;
    }

    /** The symbol's name; null for an unnamed choice. */
    public String name() {
        return name;
    }

    /** The name as conf prints it in messages. */
    public String displayName() {
        return name != null ? name : "<choice>";
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public boolean isChoice() {
        return has(CHOICE);
    }

    public boolean isChoiceValue() {
        return has(CHOICEVAL);
    }

    public boolean isOptional() {
        return has(OPTIONAL);
    }

    public boolean isConst() {
        return has(CONST);
    }

    /** sym_has_value: the user gave this symbol a value. */
    public boolean hasUserValue() {
        return has(DEF_USER);
    }

    public Tristate tristateValue() {
        return currTri;
    }

    /** The chosen value of a choice (sym_get_choice_value). */
    public Symbol choiceSelection() {
        return currVal instanceof Symbol ? (Symbol) currVal : null;
    }

    /** The choice's members in priority order (evaluation state, reset with the rest). */
    public List<Symbol> choicePriority() {
        if (choicePriority.size() != choiceValues.size()) {
            choicePriority.clear();
            choicePriority.addAll(choiceValues);
        }
        return choicePriority;
    }

    /** list_move to the head: the member now has the highest priority in its choice. */
    public void preferInChoice() {
        List<Symbol> priority = choice.choicePriority();
        priority.remove(this);
        priority.add(0, this);
    }

    /** list_move_tail: the member now has the lowest priority in its choice. */
    public void deferInChoice() {
        List<Symbol> priority = choice.choicePriority();
        priority.remove(this);
        priority.add(this);
    }

    /** Has a prompt (a config's or a menuconfig's): what sym_calc_visibility counts, so what user values need. */
    public boolean hasPrompt() {
        for (Property p : properties) {
            if (p.text != null) {
                return true;
            }
        }
        return false;
    }

    public Property choiceProperty() {
        for (Property p : properties) {
            if (p.type == PropertyType.CHOICE) {
                return p;
            }
        }
        return null;
    }

    /**
     * Forgets all evaluation state, back to how the symbol was right after parsing, so one parsed tree can
     * serve many independent configurations (batch mode) with results identical to a fresh conf process.
     */
    public void resetEvaluationState(int parseTimeFlagMask) {
        flags = (flags & parseTimeFlagMask) | initialFlags;
        currVal = initialVal;
        currTri = initialTri;
        for (int i = 0; i < defVal.length; i++) {
            defVal[i] = null;
            defTri[i] = Tristate.NO;
        }
        visible = Tristate.NO;
        dirDepTri = Tristate.NO;
        revDepTri = Tristate.NO;
        impliedTri = Tristate.NO;
        for (Property p : properties) {
            p.visibleTri = Tristate.NO;
        }
        choicePriority.clear();
    }

    @Override
    public String toString() {
        return displayName();
    }
}
