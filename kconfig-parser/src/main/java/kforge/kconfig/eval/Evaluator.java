package kforge.kconfig.eval;

import kforge.kconfig.diag.Reporter;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.expr.ExprPrinter;
import kforge.kconfig.model.Expr;
import kforge.kconfig.model.ExprType;
import kforge.kconfig.model.Kconfig;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.PropertyType;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolTable;
import kforge.kconfig.model.SymbolType;
import kforge.kconfig.model.Tristate;

/**
 * Computes symbol values and visibility exactly as the kernel's symbol.c: tristate logic with selects and
 * implies, choices, defaults, ranges and the MODULES switch. Values are cached per symbol (VALID) and
 * recomputed after any user change.
 */
public final class Evaluator {
    private final Kconfig kconfig;
    private final SymbolTable symbols;
    private final Symbol modulesSym;
    private final Reporter reporter;
    private Tristate modulesVal = Tristate.NO;
    private int depWarnings;
    private boolean changed;
    /** Choices as of 6.11: bool blocks whose member is chosen by priority (see {@link KconfigChange}). */
    private final boolean boolChoiceBlocks;
    private final boolean intHexZeroDefault;
    /** KconfigChange.CHOICE_VALUES_WRITTEN_IF_VISIBLE. */
    private final boolean choiceValuesWrittenIfVisible;
    /** KconfigChange.PROMPTLESS_N_NOT_WRITTEN. */
    private final boolean promptlessNNotWritten;
    /** KconfigChange.UNMET_DEPENDENCY_WARNINGS. */
    private final boolean unmetDependencyWarnings;

    public Evaluator(Kconfig kconfig, Reporter reporter) {
        this.kconfig = kconfig;
        this.boolChoiceBlocks = kconfig.dialect().has(KconfigChange.BOOL_CHOICE_BLOCKS);
        this.intHexZeroDefault = kconfig.dialect().has(KconfigChange.INT_HEX_ZERO_DEFAULT);
        this.choiceValuesWrittenIfVisible = kconfig.dialect().has(KconfigChange.CHOICE_VALUES_WRITTEN_IF_VISIBLE);
        this.promptlessNNotWritten = kconfig.dialect().has(KconfigChange.PROMPTLESS_N_NOT_WRITTEN);
        this.unmetDependencyWarnings = kconfig.dialect().has(KconfigChange.UNMET_DEPENDENCY_WARNINGS);
        this.symbols = kconfig.symbols();
        this.modulesSym = kconfig.modulesSymbol();
        this.reporter = reporter;
        this.changed = true;
    }

    public Kconfig kconfig() {
        return kconfig;
    }

    public Reporter reporter() {
        return reporter;
    }

    /** Number of "unmet direct dependencies" warnings printed so far (KCONFIG_WERROR turns them into errors). */
    public int dependencyWarnings() {
        return depWarnings;
    }

    public boolean isChanged() {
        return changed;
    }

    public void setChanged(boolean value) {
        changed = value;
    }

    /** sym_get_type: a tristate is shown as bool without modules, or as a choice value of a 'y' choice. */
    public SymbolType effectiveType(Symbol sym) {
        SymbolType type = sym.type;
        if (type == SymbolType.TRISTATE) {
            if (!boolChoiceBlocks && sym.isChoiceValue() && sym.visible == Tristate.YES) {
                type = SymbolType.BOOLEAN;
            } else if (modulesVal == Tristate.NO) {
                type = SymbolType.BOOLEAN;
            }
        }
        return type;
    }

    public Tristate modulesValue() {
        return modulesVal;
    }

    // ---- expressions ----

    /** expr_calc_value. */
    public Tristate value(Expr e) {
        if (e == null) {
            return Tristate.YES;
        }
        switch (e.type) {
            case SYMBOL:
                calcValue(e.leftSym);
                return e.leftSym.currTri;
            case AND:
                return value(e.left).and(value(e.right));
            case OR:
                return value(e.left).or(value(e.right));
            case NOT:
                return value(e.left).not();
            case EQUAL: case GEQ: case GTH: case LEQ: case LTH: case UNEQUAL:
                return compare(e);
            default:
                reporter.out("expr_calc_value: " + e.type.ordinal() + "?");
                return Tristate.NO;
        }
    }

    private Tristate compare(Expr e) {
        calcValue(e.leftSym);
        calcValue(e.rightSym);
        boolean result = comparisonHolds(e.type, stringValue(e.leftSym), e.leftSym.type, stringValue(e.rightSym),
                e.rightSym.type);
        return result ? Tristate.YES : Tristate.NO;
    }

    /**
     * expr_calc_value of a comparison, on the operands' string values: two strings compare as bytes, anything
     * else as numbers when both parse (unsigned if either is hex), else as bytes again.
     */
    public static boolean comparisonHolds(ExprType op, String str1, SymbolType type1, String str2, SymbolType type2) {
        ParsedValue v1 = ParsedValue.STRING;
        ParsedValue v2 = ParsedValue.STRING;
        if (type1 != SymbolType.STRING || type2 != SymbolType.STRING) {
            v1 = ParsedValue.of(str1, type1);
            v2 = ParsedValue.of(str2, type2);
        }
        int res;
        if (v1.kind == ParsedValue.Kind.STRING || v2.kind == ParsedValue.Kind.STRING) {
            res = Integer.signum(compareBytes(str1, str2));
        } else if (v1.kind == ParsedValue.Kind.UNSIGNED || v2.kind == ParsedValue.Kind.UNSIGNED) {
            res = Integer.signum(Long.compareUnsigned(v1.value, v2.value));
        } else {
            res = Integer.signum(Long.compare(v1.value, v2.value));
        }
        switch (op) {
            case EQUAL: return res == 0;
            case GEQ: return res >= 0;
            case GTH: return res > 0;
            case LEQ: return res <= 0;
            case LTH: return res < 0;
            case UNEQUAL: return res != 0;
            default: return false;
        }
    }

    /** strcmp on the strings' bytes (the engine keeps bytes as Latin-1 chars). */
    static int compareBytes(String a, String b) {
        return a.compareTo(b);
    }

    /** expr_parse_string's classification of an operand. */
    private record ParsedValue(Kind kind, long value) {
        enum Kind { STRING, SIGNED, UNSIGNED }

        static final ParsedValue STRING = new ParsedValue(Kind.STRING, 0);

        static ParsedValue of(String str, SymbolType type) {
            switch (type) {
                case BOOLEAN: case TRISTATE: {
                    long v = "n".equals(str) ? 0 : "m".equals(str) ? 1 : "y".equals(str) ? 2 : -1;
                    return new ParsedValue(Kind.SIGNED, v);
                }
                case INT:
                    return check(str, CNumbers.parseSigned(str, 10), Kind.SIGNED);
                case HEX:
                    return check(str, CNumbers.parseUnsigned(str, 16), Kind.UNSIGNED);
                default:
                    return check(str, CNumbers.parseSigned(str, 0), Kind.SIGNED);
            }
        }

        private static ParsedValue check(String str, CNumbers.Parsed p, Kind kind) {
            boolean ok = !p.overflow() && p.end() == str.length() && p.end() > 0
                    && CNumbers.isXDigit(str.charAt(p.end() - 1));
            return ok ? new ParsedValue(kind, p.value()) : STRING;
        }
    }

    // ---- properties ----

    /** sym_get_default_prop: the first default whose condition holds (explanations name it). */
    public Property defaultProperty(Symbol sym) {
        for (Property prop : sym.properties) {
            if (prop.type == PropertyType.DEFAULT) {
                prop.visibleTri = value(prop.visibleExpr);
                if (prop.visibleTri != Tristate.NO) {
                    return prop;
                }
            }
        }
        return null;
    }

    /** sym_get_range_prop: the first range whose condition holds. */
    public Property rangeProperty(Symbol sym) {
        for (Property prop : sym.properties) {
            if (prop.type == PropertyType.RANGE) {
                prop.visibleTri = value(prop.visibleExpr);
                if (prop.visibleTri != Tristate.NO) {
                    return prop;
                }
            }
        }
        return null;
    }

    private long rangeValue(Symbol sym, int base) {
        calcValue(sym);
        if (sym.type == SymbolType.INT) {
            base = 10;
        } else if (sym.type == SymbolType.HEX) {
            base = 16;
        }
        return CNumbers.strtoll((String) sym.currVal, base);
    }

    private void validateRange(Symbol sym) {
        int base;
        if (sym.type == SymbolType.INT) {
            base = 10;
        } else if (sym.type == SymbolType.HEX) {
            base = 16;
        } else {
            return;
        }
        Property prop = rangeProperty(sym);
        if (prop == null) {
            return;
        }
        long val = CNumbers.strtoll((String) sym.currVal, base);
        Symbol rangeSym = prop.expr.leftSym;
        long val2 = rangeValue(rangeSym, base);
        if (val >= val2) {
            rangeSym = prop.expr.rightSym;
            val2 = rangeValue(rangeSym, base);
            if (val <= val2) {
                return;
            }
        }
        sym.currVal = rangeSym.currVal;
    }

    /**
     * sym_set_changed. conf also marks the symbol's menu nodes changed, for its GUIs to redraw; nothing
     * here reads those marks, and doing it for every symbol whenever MODULES changes is costly.
     */
    private void setSymbolChanged(Symbol sym) {
        sym.flags |= Symbol.CHANGED;
    }

    private void setAllChanged() {
        for (Symbol s : symbols.inHashOrder()) {
            setSymbolChanged(s);
        }
    }

    // ---- visibility ----

    /** sym_calc_visibility. */
    public void calcVisibility(Symbol sym) {
        Symbol choiceSym = sym.isChoiceValue() && !boolChoiceBlocks ? sym.choice : null;
        Tristate tri = Tristate.NO;
        for (Property prop : sym.properties) {
            if (prop.text == null) {
                continue;
            }
            prop.visibleTri = value(prop.visibleExpr);
            // A tristate choice value with visibility m is hidden while its choice is y.
            if (choiceSym != null && sym.type == SymbolType.TRISTATE && prop.visibleTri == Tristate.MOD
                    && choiceSym.currTri == Tristate.YES) {
                prop.visibleTri = Tristate.NO;
            }
            tri = tri.or(prop.visibleTri);
        }
        if (tri == Tristate.MOD && (sym.type != SymbolType.TRISTATE || modulesVal == Tristate.NO)) {
            tri = Tristate.YES;
        }
        if (sym.visible != tri) {
            sym.visible = tri;
            setSymbolChanged(sym);
        }
        if (sym.isChoiceValue()) {
            return;
        }
        Tristate dirDep = dependencyValue(sym, sym.dirDep, Tristate.YES);
        Tristate revDep = dependencyValue(sym, sym.revDep, Tristate.NO);
        Tristate implied = dependencyValue(sym, sym.implied, Tristate.NO);
        if (sym.dirDepTri != dirDep || sym.revDepTri != revDep || sym.impliedTri != implied) {
            sym.dirDepTri = dirDep;
            sym.revDepTri = revDep;
            sym.impliedTri = implied;
            setSymbolChanged(sym);
        }
    }

    /** A dependency's value, with m counting as y for a symbol that is (effectively) bool. */
    private Tristate dependencyValue(Symbol sym, Expr dependency, Tristate whenAbsent) {
        Tristate tri = dependency == null ? whenAbsent : value(dependency);
        return tri == Tristate.MOD && effectiveType(sym) == SymbolType.BOOLEAN ? Tristate.YES : tri;
    }

    // ---- choices ----

    /** sym_choice_default: the first visible default, else the first visible value. */
    public Symbol choiceDefault(Symbol choice) {
        for (Property prop : choice.properties) {
            if (prop.type != PropertyType.DEFAULT) {
                continue;
            }
            prop.visibleTri = value(prop.visibleExpr);
            if (prop.visibleTri == Tristate.NO) {
                continue;
            }
            Symbol def = prop.symbol();
            if (def.visible != Tristate.NO) {
                return def;
            }
        }
        for (Symbol value : choice.choiceValues) {
            if (value.visible != Tristate.NO) {
                return value;
            }
        }
        return null;
    }

    private Symbol calcChoice(Symbol choice) {
        int flags = choice.flags;
        for (Symbol value : choice.choiceValues) {
            calcVisibility(value);
            if (value.visible != Tristate.NO) {
                flags &= value.flags;
            }
        }
        choice.flags &= flags | ~Symbol.DEF_USER;
        Symbol userChoice = (Symbol) choice.defVal[Symbol.S_DEF_USER];
        if (userChoice != null && userChoice.visible != Tristate.NO) {
            return userChoice;
        }
        Symbol def = choiceDefault(choice);
        if (def == null) {
            choice.currTri = Tristate.NO;
        }
        return def;
    }

    /**
     * sym_calc_choice as of 6.11: the first visible member with the user value y in priority order; else
     * the default unless the user set it to n; else the first visible member the user left unset (menu
     * order); else the lowest-priority visible member. Every visible member gets its value here.
     */
    public Symbol calcChoiceMembers(Symbol choice) {
        Symbol res = null;
        for (Symbol member : choice.choicePriority()) {
            calcVisibility(member);
            if (member.visible != Tristate.NO && member.hasUserValue()
                    && member.defTri[Symbol.S_DEF_USER] == Tristate.YES) {
                res = member;
                break;
            }
        }
        if (res == null) {
            res = choiceDefault(choice);
            if (res != null && res.hasUserValue() && res.defTri[Symbol.S_DEF_USER] == Tristate.NO) {
                res = null;
            }
        }
        if (res == null) {
            for (Symbol member : choice.choiceValues) {
                if (member.visible != Tristate.NO && !member.hasUserValue()) {
                    res = member;
                    break;
                }
            }
        }
        if (res == null) {
            java.util.List<Symbol> priority = choice.choicePriority();
            for (int i = priority.size() - 1; i >= 0; i--) {
                if (priority.get(i).visible != Tristate.NO) {
                    res = priority.get(i);
                    break;
                }
            }
        }
        for (Symbol member : choice.choiceValues) {
            if (member.visible == Tristate.NO) {
                continue;
            }
            Tristate val = member == res ? Tristate.YES : Tristate.NO;
            if (member.currTri != val) {
                setSymbolChanged(member);
            }
            member.currTri = val;
            member.flags |= Symbol.VALID | Symbol.WRITE;
        }
        return res;
    }

    /**
     * choice_set_value (6.11): the user picked sym; every visible member gets a user value (y for sym, n for
     * the rest) and moves to the front, the first one ending with the lowest priority among them.
     */
    public void choiceSetValue(Symbol choice, Symbol sym) {
        boolean valueChanged = false;
        for (Symbol member : java.util.List.copyOf(choice.choiceValues)) {
            if (member.visible == Tristate.NO) {
                continue;
            }
            Tristate val = member == sym ? Tristate.YES : Tristate.NO;
            if (member.currTri != val) {
                valueChanged = true;
            }
            member.defTri[Symbol.S_DEF_USER] = val;
            member.flags |= Symbol.DEF_USER;
            member.preferInChoice();
        }
        if (valueChanged) {
            clearAllValid();
        }
    }

    /** The value of an int, hex or string symbol with nothing better: "" (and since 6.11 "0", "0x0"). */
    public Object emptyValue(SymbolType type) {
        if (intHexZeroDefault) {
            if (type == SymbolType.INT) {
                return "0";
            }
            if (type == SymbolType.HEX) {
                return "0x0";
            }
        }
        return symbols.empty.currVal;
    }

    /** set_all_choice_values: unset values of the choice become n, and the choice counts as set. */
    public void setAllChoiceValues(Symbol choice) {
        for (Symbol value : choice.choiceValues) {
            if (!value.hasUserValue()) {
                value.defTri[Symbol.S_DEF_USER] = Tristate.NO;
            }
        }
        choice.flags |= Symbol.DEF_USER;
        choice.flags &= ~(Symbol.VALID | Symbol.NEED_SET_CHOICE_VALUES);
    }

    // ---- values ----

    private void warnUnmetDependency(Symbol sym) {
        StringBuilder gs = new StringBuilder();
        gs.append("\nWARNING: unmet direct dependencies detected for ").append(sym.name()).append('\n');
        gs.append("  Depends on [").append(sym.dirDepTri == Tristate.MOD ? 'm' : 'n').append("]: ");
        gs.append(ExprPrinter.withValues(sym.dirDep, this::stringValue));
        gs.append('\n');
        gs.append(ExprPrinter.reverseDependencies(sym.revDep, Tristate.YES, "  Selected by [y]:\n", this::value,
                this::stringValue));
        gs.append(ExprPrinter.reverseDependencies(sym.revDep, Tristate.MOD, "  Selected by [m]:\n", this::value,
                this::stringValue));
        String text = gs.toString();
        // fputs without a trailing newline: the reporter adds one, so drop the last one.
        reporter.err(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        depWarnings++;
    }

    /** sym_calc_value: computes and caches the symbol's current value. */
    public void calcValue(Symbol sym) {
        if (sym == null || sym.has(Symbol.VALID)) {
            return;
        }
        if (!boolChoiceBlocks && sym.isChoiceValue() && sym.has(Symbol.NEED_SET_CHOICE_VALUES)) {
            sym.flags &= ~Symbol.NEED_SET_CHOICE_VALUES;
            calcValue(sym.choice);
        }
        sym.flags |= Symbol.VALID;
        Object oldVal = sym.currVal;
        Tristate oldTri = sym.currTri;

        Object newVal;
        Tristate newTri;
        switch (sym.type) {
            case INT: case HEX: case STRING:
                newVal = emptyValue(sym.type);
                newTri = symbols.empty.currTri;
                break;
            case BOOLEAN: case TRISTATE:
                newVal = symbols.no.currVal;
                newTri = symbols.no.currTri;
                break;
            default:
                sym.currVal = sym.name();
                sym.currTri = Tristate.NO;
                return;
        }
        if (choiceValuesWrittenIfVisible || !sym.isChoiceValue()) {
            // Before 4.16 a choice value, once written, stayed written for the rest of the run.
            sym.flags &= ~Symbol.WRITE;
        }
        calcVisibility(sym);
        if (sym.visible != Tristate.NO) {
            sym.flags |= Symbol.WRITE;
        }
        // the default while recursively called
        sym.currVal = newVal;
        sym.currTri = newTri;

        switch (effectiveType(sym)) {
            case BOOLEAN: case TRISTATE:
                newTri = logicValue(sym, newTri);
                if (newTri == Tristate.MOD && effectiveType(sym) == SymbolType.BOOLEAN) {
                    newTri = Tristate.YES;
                }
                break;
            case STRING: case HEX: case INT:
                newVal = stringLikeValue(sym, newVal);
                break;
            default:
                break;
        }

        sym.currVal = newVal;
        sym.currTri = newTri;
        if (!boolChoiceBlocks && sym.isChoice() && newTri == Tristate.YES) {
            sym.currVal = calcChoice(sym);
        }
        validateRange(sym);

        if (oldVal != sym.currVal || oldTri != sym.currTri) {
            setSymbolChanged(sym);
            if (modulesSym == sym) {
                setAllChanged();
                modulesVal = modulesSym.currTri;
            }
        }

        if (!boolChoiceBlocks && sym.isChoice()) {
            for (Symbol value : sym.choiceValues) {
                if (sym.has(Symbol.WRITE) && (value.visible != Tristate.NO || !choiceValuesWrittenIfVisible)) {
                    value.flags |= Symbol.WRITE;
                }
                if (sym.has(Symbol.CHANGED)) {
                    setSymbolChanged(value);
                }
            }
        }
        if (sym.has(Symbol.NO_WRITE)) {
            sym.flags &= ~Symbol.WRITE;
        }
        if (sym.has(Symbol.NEED_SET_CHOICE_VALUES)) {
            setAllChoiceValues(sym);
        }
    }

    private Tristate logicValue(Symbol sym, Tristate newTri) {
        if (boolChoiceBlocks && sym.choice != null) {
            calcChoiceMembers(sym.choice);
            return sym.currTri;
        }
        if (!boolChoiceBlocks && sym.isChoiceValue() && sym.visible == Tristate.YES) {
            return sym.choice.currVal == sym ? Tristate.YES : Tristate.NO;
        }
        boolean useUserValue = sym.visible != Tristate.NO && sym.hasUserValue();
        if (useUserValue) {
            newTri = sym.defTri[Symbol.S_DEF_USER].and(sym.visible);
        } else {
            if (sym.revDepTri != Tristate.NO) {
                sym.flags |= Symbol.WRITE;
            }
            if (!sym.isChoice()) {
                Property prop = defaultProperty(sym);
                if (prop != null) {
                    newTri = value(prop.expr).and(prop.visibleTri);
                    // Before 4.17 an active default made the symbol written, whatever its value.
                    if (newTri != Tristate.NO || !promptlessNNotWritten) {
                        sym.flags |= Symbol.WRITE;
                    }
                }
                if (sym.impliedTri != Tristate.NO) {
                    sym.flags |= Symbol.WRITE;
                    newTri = newTri.or(sym.impliedTri).and(sym.dirDepTri);
                }
            }
        }
        if (unmetDependencyWarnings && sym.dirDepTri.lessThan(sym.revDepTri)) {
            warnUnmetDependency(sym);
        }
        return newTri.or(sym.revDepTri);
    }

    private Object stringLikeValue(Symbol sym, Object newVal) {
        if (sym.visible != Tristate.NO && sym.hasUserValue()) {
            return sym.defVal[Symbol.S_DEF_USER];
        }
        Property prop = defaultProperty(sym);
        if (prop != null) {
            Symbol ds = prop.symbol();
            if (ds != null) {
                sym.flags |= Symbol.WRITE;
                calcValue(ds);
                return ds.currVal;
            }
        }
        return newVal;
    }

    /** sym_clear_all_valid: forces recomputation of every symbol. */
    public void clearAllValid() {
        for (Symbol s : symbols.inHashOrder()) {
            s.flags &= ~Symbol.VALID;
        }
        changed = true;
        calcValue(modulesSym);
    }

    /** sym_get_string_value. */
    public String stringValue(Symbol sym) {
        if (sym.type == SymbolType.BOOLEAN || sym.type == SymbolType.TRISTATE) {
            return sym.currTri.text();
        }
        Object v = sym.currVal;
        return v instanceof String ? (String) v : null;
    }

    /** sym_is_changeable. */
    public boolean isChangeable(Symbol sym) {
        if (boolChoiceBlocks && sym.isChoice()) {
            return false;
        }
        return sym.visible.ordinal() > sym.revDepTri.ordinal();
    }

    // ---- setting values ----

    /** sym_tristate_within_range. */
    public boolean tristateWithinRange(Symbol sym, Tristate val) {
        SymbolType type = effectiveType(sym);
        if (sym.visible == Tristate.NO) {
            return false;
        }
        if (type != SymbolType.BOOLEAN && type != SymbolType.TRISTATE) {
            return false;
        }
        if (type == SymbolType.BOOLEAN && val == Tristate.MOD) {
            return false;
        }
        if (sym.visible.ordinal() <= sym.revDepTri.ordinal()) {
            return false;
        }
        if (!boolChoiceBlocks && sym.isChoiceValue() && sym.visible == Tristate.YES) {
            return val == Tristate.YES;
        }
        return val.ordinal() >= sym.revDepTri.ordinal() && val.ordinal() <= sym.visible.ordinal();
    }

    /** sym_set_tristate_value. */
    public boolean setTristate(Symbol sym, Tristate val) {
        if (boolChoiceBlocks) {
            return setTristateSince611(sym, val);
        }
        Tristate oldVal = sym.currTri;
        if (oldVal != val && !tristateWithinRange(sym, val)) {
            return false;
        }
        if (!sym.has(Symbol.DEF_USER)) {
            sym.flags |= Symbol.DEF_USER;
            setSymbolChanged(sym);
        }
        // Choosing a value also marks the choice and its other visible values as set by the user.
        if (sym.isChoiceValue() && val == Tristate.YES) {
            Symbol cs = sym.choice;
            cs.defVal[Symbol.S_DEF_USER] = sym;
            cs.flags |= Symbol.DEF_USER;
            for (Symbol value : cs.choiceValues) {
                if (value.visible != Tristate.NO) {
                    value.flags |= Symbol.DEF_USER;
                }
            }
        }
        sym.defTri[Symbol.S_DEF_USER] = val;
        if (oldVal != val) {
            clearAllValid();
        }
        return true;
    }

    /** sym_set_tristate_value as of 6.11: a value out of range is refused even when it is the current one. */
    private boolean setTristateSince611(Symbol sym, Tristate val) {
        Tristate oldVal = sym.currTri;
        if (!tristateWithinRange(sym, val)) {
            return false;
        }
        if (!sym.has(Symbol.DEF_USER) || sym.defTri[Symbol.S_DEF_USER] != val) {
            sym.defTri[Symbol.S_DEF_USER] = val;
            sym.flags |= Symbol.DEF_USER;
            setSymbolChanged(sym);
        }
        if (oldVal != val) {
            clearAllValid();
        }
        return true;
    }

    /** sym_toggle_tristate_value: n -> m -> y -> n, skipping values out of range; a choice member is chosen. */
    public Tristate toggle(Symbol sym) {
        if (boolChoiceBlocks && sym.choice != null) {
            choiceSetValue(sym.choice, sym);
            return Tristate.YES;
        }
        Tristate oldVal = sym.currTri;
        Tristate newVal = oldVal;
        do {
            newVal = newVal == Tristate.NO ? Tristate.MOD : newVal == Tristate.MOD ? Tristate.YES : Tristate.NO;
            if (setTristate(sym, newVal)) {
                break;
            }
        } while (oldVal != newVal);
        return newVal;
    }

    /** sym_string_valid: the text is a well-formed value for the symbol's type. */
    public static boolean stringValid(Symbol sym, String str) {
        switch (sym.type) {
            case STRING:
                return true;
            case INT: {
                int i = 0;
                char ch = charAt(str, i++);
                if (ch == '-') {
                    ch = charAt(str, i++);
                }
                if (!CNumbers.isDigit(ch)) {
                    return false;
                }
                if (ch == '0' && i < str.length()) {
                    return false;
                }
                for (; i < str.length(); i++) {
                    if (!CNumbers.isDigit(str.charAt(i))) {
                        return false;
                    }
                }
                return true;
            }
            case HEX: {
                int i = 0;
                if (str.length() >= 2 && str.charAt(0) == '0' && (str.charAt(1) == 'x' || str.charAt(1) == 'X')) {
                    i = 2;
                }
                char ch = charAt(str, i++);
                do {
                    if (!CNumbers.isXDigit(ch)) {
                        return false;
                    }
                    ch = charAt(str, i++);
                } while (ch != 0);
                return true;
            }
            case BOOLEAN: case TRISTATE:
                return !str.isEmpty() && Tristate.fromLetter(str.charAt(0)) != null;
            default:
                return false;
        }
    }

    private static char charAt(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    /** sym_string_within_range. */
    public boolean stringWithinRange(Symbol sym, String str) {
        switch (sym.type) {
            case STRING:
                return stringValid(sym, str);
            case INT: case HEX: {
                if (!stringValid(sym, str)) {
                    return false;
                }
                Property prop = rangeProperty(sym);
                if (prop == null) {
                    return true;
                }
                int base = sym.type == SymbolType.INT ? 10 : 16;
                long val = CNumbers.strtoll(str, base);
                return val >= rangeValue(prop.expr.leftSym, base) && val <= rangeValue(prop.expr.rightSym, base);
            }
            case BOOLEAN: case TRISTATE: {
                Tristate t = str.isEmpty() ? null : Tristate.fromLetter(str.charAt(0));
                return t != null && tristateWithinRange(sym, t);
            }
            default:
                return false;
        }
    }

    /** sym_set_string_value. */
    public boolean setString(Symbol sym, String newVal) {
        if (sym.type == SymbolType.BOOLEAN || sym.type == SymbolType.TRISTATE) {
            Tristate t = newVal.isEmpty() ? null : Tristate.fromLetter(newVal.charAt(0));
            return t != null && setTristate(sym, t);
        }
        if (!stringWithinRange(sym, newVal)) {
            return false;
        }
        if (!sym.has(Symbol.DEF_USER)) {
            sym.flags |= Symbol.DEF_USER;
            setSymbolChanged(sym);
        }
        String oldVal = (String) sym.defVal[Symbol.S_DEF_USER];
        String val;
        if (sym.type == SymbolType.HEX && !(newVal.length() >= 2 && newVal.charAt(0) == '0'
                && (newVal.charAt(1) == 'x' || newVal.charAt(1) == 'X'))) {
            val = "0x" + newVal;
        } else if (oldVal == null || !oldVal.equals(newVal)) {
            val = newVal;
        } else {
            return true;
        }
        sym.defVal[Symbol.S_DEF_USER] = val;
        clearAllValid();
        return true;
    }

    /** sym_get_string_default: what the symbol would be without a user value. */
    public String stringDefault(Symbol sym) {
        calcVisibility(sym);
        calcValue(modulesSym);
        Tristate val = Tristate.NO;
        String str = "";
        Property prop = defaultProperty(sym);
        if (prop != null) {
            if (sym.type == SymbolType.BOOLEAN || sym.type == SymbolType.TRISTATE) {
                val = value(prop.expr).and(prop.visibleTri);
            } else {
                Symbol ds = prop.symbol();
                if (ds != null) {
                    calcValue(ds);
                    str = (String) ds.currVal;
                }
            }
        }
        val = val.or(sym.revDepTri);
        if (val == Tristate.MOD && !sym.isChoiceValue() && modulesSym.currTri == Tristate.NO) {
            val = Tristate.YES;
        }
        if (sym.type == SymbolType.BOOLEAN && val == Tristate.MOD) {
            val = Tristate.YES;
        }
        if (val.lessThan(sym.impliedTri)) {
            val = sym.impliedTri;
        }
        switch (sym.type) {
            case BOOLEAN: case TRISTATE:
                return val.text();
            case INT: case HEX:
                return str.isEmpty() ? (String) emptyValue(sym.type) : str;
            case STRING:
                return str;
            default:
                return "";
        }
    }
}
