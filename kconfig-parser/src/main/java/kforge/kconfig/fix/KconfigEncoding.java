package kforge.kconfig.fix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.eval.CNumbers;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.model.Expr;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.PropertyType;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;
import kforge.kconfig.model.Tristate;

/**
 * The tree's value rules (symbol.c's sym_calc_value: visibility, user values, defaults, implies, selects,
 * the m limits, choices, ranges) as propositional logic over the symbols the wanted values depend on.
 * Encoding starts from the wanted symbols and follows what their values are computed from, so everything
 * else is a constant at its current value and folds away. Each user-settable symbol reached gets a change
 * literal: true when the fix gives it a new user value, which is then free within its type's values.
 */
final class KconfigEncoding {
    private final Circuit c;
    private final Evaluator evaluator;
    private final UserLines lines;
    private final Map<Symbol, String> wantedUserValues;
    private final Set<Symbol> kept;
    private final ComparedConstants compared;
    private final boolean boolChoiceBlocks;

    private final Map<Symbol, Tri> logic = new HashMap<>();
    private final Map<Symbol, Tri> placeholders = new HashMap<>();
    private final Map<Symbol, Map<String, Integer>> texts = new HashMap<>();
    private final Map<Symbol, ChoiceSelection> choices = new HashMap<>();
    private final Set<Symbol> inProgress = new HashSet<>();
    private final IdentityHashMap<Expr, Tri> exprs = new IdentityHashMap<>();
    private final Map<Symbol, Set<String>> domains = new HashMap<>();
    private final List<ChangeVariable> changes = new ArrayList<>();
    private Integer modulesYes;

    /** A symbol the fix may give a new user value; for a choice member, choosing it. */
    record ChangeVariable(Symbol symbol, int literal, Tri newLogic, Map<String, Integer> newText) {
    }

    /** For each member of a choice: the literal "this member is the chosen one". */
    private record ChoiceSelection(Map<Symbol, Integer> selected) {
    }

    KconfigEncoding(Circuit circuit, Evaluator evaluator, UserLines lines, Map<Symbol, String> wantedUserValues,
                    Set<Symbol> kept) {
        this.c = circuit;
        this.evaluator = evaluator;
        this.lines = lines;
        this.wantedUserValues = wantedUserValues;
        this.kept = kept;
        this.compared = ComparedConstants.of(evaluator.kconfig());
        this.boolChoiceBlocks = evaluator.kconfig().dialect().has(KconfigChange.BOOL_CHOICE_BLOCKS);
    }

    List<ChangeVariable> changes() {
        return changes;
    }

    int symbolsEncoded() {
        return logic.size() + texts.size();
    }

    /** The literal "SYMBOL has this value", its value as .config spells it. */
    int hasValue(Symbol sym, String value) {
        if (sym.type.isLogic()) {
            return logicValue(sym).is(c, Tristate.fromLetter(value.charAt(0)));
        }
        return textValue(sym).getOrDefault(value, Circuit.FALSE);
    }

    /** The literal "SYMBOL keeps the value it has now". */
    int keepsValue(Symbol sym) {
        return hasValue(sym, sym.type.isLogic() ? sym.currTri.text() : evaluator.stringValue(sym));
    }

    /** What the change literal's model gives the symbol, as a .config value. */
    String newValueIn(ChangeVariable change) {
        if (change.newText() != null) {
            for (Map.Entry<String, Integer> e : change.newText().entrySet()) {
                if (c.valueOf(e.getValue())) {
                    return e.getKey();
                }
            }
            return "";
        }
        return change.newLogic().valueIn(c).text();
    }

    // ---- expressions ----

    Tri expr(Expr e) {
        if (e == null) {
            return Tri.YES;
        }
        Tri cached = exprs.get(e);
        if (cached != null) {
            return cached;
        }
        Tri result;
        switch (e.type) {
            case SYMBOL:
                result = symbolTri(e.leftSym);
                break;
            case AND:
                result = expr(e.left).and(c, expr(e.right));
                break;
            case OR:
                result = expr(e.left).or(c, expr(e.right));
                break;
            case NOT:
                result = expr(e.left).not();
                break;
            case EQUAL: case UNEQUAL: case LTH: case LEQ: case GTH: case GEQ:
                result = Tri.bool(comparison(e));
                break;
            default:
                result = Tri.NO;
        }
        exprs.put(e, result);
        return result;
    }

    private Tri symbolTri(Symbol sym) {
        if (isEncodedLogic(sym)) {
            return logicValue(sym);
        }
        if (sym.isChoice() && sym.type.isLogic()) {
            // A choice's members depend on it; a choice is on (y, or m in m mode) exactly while visible.
            return visibility(sym);
        }
        evaluator.calcValue(sym);
        return Tri.of(sym.currTri);
    }

    private boolean isEncodedLogic(Symbol sym) {
        return sym.type.isLogic() && !sym.isConst() && !sym.isChoice();
    }

    private boolean isEncodedText(Symbol sym) {
        return sym.type.holdsString() && !sym.isConst() && !sym.isChoice();
    }

    private int comparison(Expr e) {
        Map<String, Integer> left = operand(e.leftSym);
        Map<String, Integer> right = operand(e.rightSym);
        int result = Circuit.FALSE;
        for (Map.Entry<String, Integer> l : left.entrySet()) {
            for (Map.Entry<String, Integer> r : right.entrySet()) {
                if (Evaluator.comparisonHolds(e.type, l.getKey(), e.leftSym.type, r.getKey(), e.rightSym.type)) {
                    result = c.or(result, c.and(l.getValue(), r.getValue()));
                }
            }
        }
        return result;
    }

    /** The values a symbol can take, each with its literal, as the strings comparisons see. */
    private Map<String, Integer> operand(Symbol sym) {
        if (isEncodedLogic(sym)) {
            Tri t = logicValue(sym);
            Map<String, Integer> options = new LinkedHashMap<>();
            for (Tristate v : Tristate.values()) {
                options.put(v.text(), t.is(c, v));
            }
            return options;
        }
        if (isEncodedText(sym)) {
            return textValue(sym);
        }
        evaluator.calcValue(sym);
        String now = evaluator.stringValue(sym);
        return Map.of(now == null ? "" : now, Circuit.TRUE);
    }

    // ---- bool and tristate symbols ----

    Tri logicValue(Symbol sym) {
        Tri cached = logic.get(sym);
        if (cached != null) {
            return cached;
        }
        if (!inProgress.add(sym)) {
            return placeholders.computeIfAbsent(sym, s -> freeTri(s.type));
        }
        Tri value = sym.isChoiceValue() ? Tri.bool(chosen(sym)) : computedLogic(sym);
        inProgress.remove(sym);
        Tri placeholder = placeholders.remove(sym);
        if (placeholder != null) {
            c.require(placeholder.equalTo(c, value));
        }
        logic.put(sym, value);
        return value;
    }

    private Tri computedLogic(Symbol sym) {
        int bool = effectivelyBool(sym);
        Tri visible = visibility(sym);
        Tri dirDep = dependency(sym.dirDep, Tri.YES, bool);
        Tri revDep = dependency(sym.revDep, Tri.NO, bool);
        Tri implied = dependency(sym.implied, Tri.NO, bool);
        UserTri user = userLogic(sym);
        int useUser = c.and(visible.atLeastMod(), user.has());
        Tri fromUser = user.value().and(c, visible);
        Tri fromDefault = firstDefault(sym);
        fromDefault = Tri.ite(c, implied.atLeastMod(), fromDefault.or(c, implied).and(c, dirDep), fromDefault);
        Tri raw = Tri.ite(c, useUser, fromUser, fromDefault).or(c, revDep);
        return raw.mToYesWhen(c, bool);
    }

    /** sym_get_type's bool: a bool, or a tristate while MODULES is not y. */
    private int effectivelyBool(Symbol sym) {
        return sym.type == SymbolType.TRISTATE ? Circuit.not(modulesYes()) : Circuit.TRUE;
    }

    private int modulesYes() {
        if (modulesYes == null) {
            Symbol modules = evaluator.kconfig().modulesSymbol();
            modulesYes = modules == null ? Circuit.FALSE : logicValue(modules).isYes();
        }
        return modulesYes;
    }

    /** sym_calc_visibility: the prompts' conditions; m counts as y unless a tristate with modules. */
    private Tri visibility(Symbol sym) {
        Tri visible = Tri.NO;
        for (Property p : sym.properties) {
            if (p.text != null) {
                visible = visible.or(c, expr(p.visibleExpr));
            }
        }
        int bool = sym.type == SymbolType.TRISTATE ? Circuit.not(modulesYes()) : Circuit.TRUE;
        return visible.mToYesWhen(c, bool);
    }

    private Tri dependency(Expr dependency, Tri whenAbsent, int bool) {
        Tri value = dependency == null ? whenAbsent : expr(dependency);
        return value.mToYesWhen(c, bool);
    }

    /** sym_get_default_prop: the first default whose condition holds, limited by that condition. */
    private Tri firstDefault(Symbol sym) {
        Tri result = Tri.NO;
        int earlier = Circuit.FALSE;
        for (Property p : sym.properties) {
            if (p.type != PropertyType.DEFAULT) {
                continue;
            }
            Tri condition = expr(p.visibleExpr);
            int active = c.and(Circuit.not(earlier), condition.atLeastMod());
            result = Tri.ite(c, active, expr(p.expr).and(c, condition), result);
            earlier = c.or(earlier, condition.atLeastMod());
        }
        return result;
    }

    private record UserTri(int has, Tri value) {
    }

    private UserTri userLogic(Symbol sym) {
        String wanted = wantedUserValues.get(sym);
        if (wanted != null) {
            return new UserTri(Circuit.TRUE, Tri.of(Tristate.fromLetter(wanted.charAt(0))));
        }
        String line = lines.value(sym);
        Tri current = line == null ? Tri.NO : Tri.of(Tristate.fromLetter(line.charAt(0)));
        int has = Circuit.constant(line != null);
        if (!isChangeable(sym)) {
            return new UserTri(has, current);
        }
        int change = c.newVar();
        Tri newValue = freeTri(sym.type);
        if (line != null) {
            c.clause(Circuit.not(change), Circuit.not(newValue.equalTo(c, current)));
        }
        changes.add(new ChangeVariable(sym, change, newValue, null));
        return new UserTri(c.or(change, has), Tri.ite(c, change, newValue, current));
    }

    /** Two fresh literals with y implying m; one for a bool. */
    private Tri freeTri(SymbolType type) {
        int atLeastMod = c.newVar();
        if (type != SymbolType.TRISTATE) {
            return Tri.bool(atLeastMod);
        }
        int isYes = c.newVar();
        c.clause(Circuit.not(isYes), atLeastMod);
        return new Tri(atLeastMod, isYes);
    }

    private boolean isChangeable(Symbol sym) {
        return !kept.contains(sym) && !sym.isConst() && !sym.isChoice() && sym.hasPrompt()
                && !wantedUserValues.containsKey(sym);
    }

    // ---- choices ----

    /**
     * A choice member is y when the choice is visible, the member is, and it is the pick: the member the fix
     * chooses; else the member chosen now, while still visible; else the choice's first default whose
     * condition holds and whose member is visible; else the first visible member.
     */
    private int chosen(Symbol member) {
        Symbol choice = member.choice;
        ChoiceSelection selection = choices.get(choice);
        if (selection == null) {
            selection = choiceSelection(choice);
            choices.put(choice, selection);
        }
        return selection.selected().getOrDefault(member, Circuit.FALSE);
    }

    private ChoiceSelection choiceSelection(Symbol choice) {
        List<Symbol> members = choice.choiceValues;
        int on = visibility(choice).atLeastMod();
        Map<Symbol, Integer> visible = new LinkedHashMap<>();
        for (Symbol m : members) {
            visible.put(m, visibility(m).atLeastMod());
        }
        Map<Symbol, Integer> choose = chooseLiterals(members, visible);
        int anyChosen = Circuit.FALSE;
        for (int lit : choose.values()) {
            anyChosen = c.or(anyChosen, lit);
        }
        Symbol current = currentPick(members);
        int currentStays = current == null ? Circuit.FALSE : visible.get(current);
        Map<Symbol, Integer> byDefault = defaultPick(choice, visible);
        Map<Symbol, Integer> selected = new LinkedHashMap<>();
        for (Symbol m : members) {
            int kept = Circuit.constant(m == current);
            int pick = c.ite(anyChosen, choose.getOrDefault(m, Circuit.FALSE),
                    c.ite(currentStays, kept, byDefault.getOrDefault(m, Circuit.FALSE)));
            selected.put(m, c.and(on, c.and(visible.get(m), pick)));
        }
        return new ChoiceSelection(selected);
    }

    /** A wanted member is chosen outright; otherwise each member the fix may choose has a change literal. */
    private Map<Symbol, Integer> chooseLiterals(List<Symbol> members, Map<Symbol, Integer> visible) {
        Map<Symbol, Integer> choose = new LinkedHashMap<>();
        for (Symbol m : members) {
            String wanted = wantedUserValues.get(m);
            if (wanted != null && wanted.equals("y")) {
                return Map.of(m, Circuit.TRUE);
            }
        }
        for (Symbol m : members) {
            if (m.currTri == Tristate.YES || kept.contains(m) || !m.hasPrompt() || wantedUserValues.containsKey(m)) {
                continue;
            }
            int change = c.newVar();
            c.clause(Circuit.not(change), visible.get(m));
            for (int other : choose.values()) {
                c.clause(Circuit.not(change), Circuit.not(other));
            }
            choose.put(m, change);
            changes.add(new ChangeVariable(m, change, Tri.YES, null));
        }
        return choose;
    }

    /** The member the .config chooses: y now and y in its line. */
    private Symbol currentPick(List<Symbol> members) {
        for (Symbol m : members) {
            if (m.currTri == Tristate.YES && "y".equals(lines.value(m))) {
                return m;
            }
        }
        return null;
    }

    private Map<Symbol, Integer> defaultPick(Symbol choice, Map<Symbol, Integer> visible) {
        Map<Symbol, Integer> pick = new HashMap<>();
        int earlier = Circuit.FALSE;
        for (Property p : choice.properties) {
            Symbol target = p.type == PropertyType.DEFAULT ? p.symbol() : null;
            if (target == null || !visible.containsKey(target)) {
                continue;
            }
            int active = c.and(expr(p.visibleExpr).atLeastMod(), visible.get(target));
            pick.merge(target, c.and(Circuit.not(earlier), active), c::or);
            earlier = c.or(earlier, active);
        }
        for (Map.Entry<Symbol, Integer> m : visible.entrySet()) {
            pick.merge(m.getKey(), c.and(Circuit.not(earlier), m.getValue()), c::or);
            earlier = c.or(earlier, m.getValue());
        }
        return pick;
    }

    // ---- int, hex and string symbols ----

    /** For each value the symbol can end with, the literal "it has this value". */
    Map<String, Integer> textValue(Symbol sym) {
        Map<String, Integer> cached = texts.get(sym);
        if (cached != null) {
            return cached;
        }
        if (!inProgress.add(sym)) {
            evaluator.calcValue(sym);
            return Map.of(evaluator.stringValue(sym), Circuit.TRUE);
        }
        int visible = visibility(sym).atLeastMod();
        UserText user = userText(sym);
        Map<String, Integer> fromDefault = textDefault(sym);
        Map<String, Integer> value = merge(c.and(visible, user.has()), user.value(), fromDefault);
        value = clampedToRange(sym, value);
        inProgress.remove(sym);
        texts.put(sym, value);
        return value;
    }

    private Map<String, Integer> textDefault(Symbol sym) {
        Map<String, Integer> result = Map.of((String) evaluator.emptyValue(sym.type), Circuit.TRUE);
        List<Property> defaults = new ArrayList<>();
        for (Property p : sym.properties) {
            if (p.type == PropertyType.DEFAULT) {
                defaults.add(p);
            }
        }
        // The first default whose condition holds wins: fold from the last one back.
        for (int i = defaults.size() - 1; i >= 0; i--) {
            Property p = defaults.get(i);
            Symbol source = p.symbol();
            Map<String, Integer> value = source == null ? result : operand(source);
            result = merge(expr(p.visibleExpr).atLeastMod(), value, result);
        }
        return result;
    }

    private Map<String, Integer> merge(int condition, Map<String, Integer> whenTrue, Map<String, Integer> whenFalse) {
        if (condition == Circuit.TRUE) {
            return whenTrue;
        }
        if (condition == Circuit.FALSE) {
            return whenFalse;
        }
        Map<String, Integer> result = new LinkedHashMap<>();
        for (String v : whenTrue.keySet()) {
            result.put(v, Circuit.FALSE);
        }
        for (String v : whenFalse.keySet()) {
            result.put(v, Circuit.FALSE);
        }
        for (Map.Entry<String, Integer> e : result.entrySet()) {
            String v = e.getKey();
            e.setValue(c.ite(condition, whenTrue.getOrDefault(v, Circuit.FALSE),
                    whenFalse.getOrDefault(v, Circuit.FALSE)));
        }
        return result;
    }

    /** sym_validate_range: below the first active range's bound becomes the bound, above it the other. */
    private Map<String, Integer> clampedToRange(Symbol sym, Map<String, Integer> value) {
        if (!sym.type.isNumeric()) {
            return value;
        }
        int base = sym.type == SymbolType.INT ? 10 : 16;
        Map<String, Integer> result = new LinkedHashMap<>();
        int earlier = Circuit.FALSE;
        for (Property p : sym.properties) {
            if (p.type != PropertyType.RANGE) {
                continue;
            }
            int active = c.and(Circuit.not(earlier), expr(p.visibleExpr).atLeastMod());
            earlier = c.or(earlier, expr(p.visibleExpr).atLeastMod());
            for (Map.Entry<String, Integer> low : operand(p.expr.leftSym).entrySet()) {
                for (Map.Entry<String, Integer> high : operand(p.expr.rightSym).entrySet()) {
                    int bounds = c.and(active, c.and(low.getValue(), high.getValue()));
                    long lo = CNumbers.strtoll(low.getKey(), boundBase(p.expr.leftSym, base));
                    long hi = CNumbers.strtoll(high.getKey(), boundBase(p.expr.rightSym, base));
                    for (Map.Entry<String, Integer> v : value.entrySet()) {
                        long n = CNumbers.strtoll(v.getKey(), base);
                        String clamped = n >= lo ? (n <= hi ? v.getKey() : high.getKey()) : low.getKey();
                        result.merge(clamped, c.and(bounds, v.getValue()), c::or);
                    }
                }
            }
        }
        int noRange = Circuit.not(earlier);
        for (Map.Entry<String, Integer> v : value.entrySet()) {
            result.merge(v.getKey(), c.and(noRange, v.getValue()), c::or);
        }
        return result;
    }

    private static int boundBase(Symbol bound, int base) {
        return bound.type == SymbolType.INT ? 10 : bound.type == SymbolType.HEX ? 16 : base;
    }

    private record UserText(int has, Map<String, Integer> value) {
    }

    private UserText userText(Symbol sym) {
        String wanted = wantedUserValues.get(sym);
        if (wanted != null) {
            return new UserText(Circuit.TRUE, Map.of(wanted, Circuit.TRUE));
        }
        String line = lines.value(sym);
        Map<String, Integer> current = line == null ? Map.of() : Map.of(line, Circuit.TRUE);
        int has = Circuit.constant(line != null);
        if (!isChangeable(sym)) {
            return new UserText(has, current);
        }
        Map<String, Integer> candidates = new LinkedHashMap<>();
        for (String v : domain(sym)) {
            if (!v.equals(line) && Evaluator.stringValid(sym, v) && evaluator.stringWithinRange(sym, v)) {
                candidates.put(v, c.newVar());
            }
        }
        if (candidates.isEmpty()) {
            return new UserText(has, current);
        }
        int change = c.newVar();
        List<Integer> options = new ArrayList<>(candidates.values());
        int[] atLeastOne = new int[options.size() + 1];
        atLeastOne[0] = Circuit.not(change);
        for (int i = 0; i < options.size(); i++) {
            atLeastOne[i + 1] = options.get(i);
            c.clause(Circuit.not(options.get(i)), change);
            for (int j = 0; j < i; j++) {
                c.clause(Circuit.not(options.get(i)), Circuit.not(options.get(j)));
            }
        }
        c.clause(atLeastOne);
        changes.add(new ChangeVariable(sym, change, null, candidates));
        return new UserText(c.or(change, has), merge(change, candidates, current));
    }

    /**
     * The values worth trying for a symbol: what it has and had, its defaults (and their sources' values),
     * its ranges' bounds, and the constants the tree compares it with (with their neighbours, for < and >).
     */
    private Set<String> domain(Symbol sym) {
        Set<String> cached = domains.get(sym);
        if (cached != null) {
            return cached;
        }
        Set<String> values = new java.util.LinkedHashSet<>();
        domains.put(sym, values);
        evaluator.calcValue(sym);
        values.add(evaluator.stringValue(sym));
        values.add((String) evaluator.emptyValue(sym.type));
        for (Property p : sym.properties) {
            if (p.type == PropertyType.DEFAULT && p.symbol() != null) {
                values.addAll(sourceValues(p.symbol()));
            } else if (p.type == PropertyType.RANGE) {
                values.addAll(sourceValues(p.expr.leftSym));
                values.addAll(sourceValues(p.expr.rightSym));
            }
        }
        values.addAll(compared.of(sym));
        String wanted = wantedUserValues.get(sym);
        if (wanted != null) {
            values.add(wanted);
        }
        return values;
    }

    private Set<String> sourceValues(Symbol source) {
        if (isEncodedText(source)) {
            return domain(source);
        }
        evaluator.calcValue(source);
        String now = evaluator.stringValue(source);
        return now == null ? Set.of() : Set.of(now);
    }
}
