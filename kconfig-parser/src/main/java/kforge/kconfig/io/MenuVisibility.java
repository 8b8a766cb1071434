package kforge.kconfig.io;

import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.model.Menu;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.Tristate;

/**
 * menu_is_visible, with its side effect until 6.11: a promptless-visible symbol with visible children
 * counts as set.
 */
public final class MenuVisibility {
    private MenuVisibility() {
    }

    public static boolean isVisible(Evaluator evaluator, Menu menu) {
        if (menu.prompt == null) {
            return false;
        }
        if (menu.visibility != null && evaluator.value(menu.visibility) == Tristate.NO) {
            return false;
        }
        Symbol sym = menu.sym;
        Tristate visible;
        if (sym != null) {
            evaluator.calcValue(sym);
            visible = menu.prompt.visibleTri;
        } else {
            visible = evaluator.value(menu.prompt.visibleExpr);
            menu.prompt.visibleTri = visible;
        }
        if (visible != Tristate.NO) {
            return true;
        }
        if (sym == null || sym.currTri == Tristate.NO) {
            return false;
        }
        for (Menu child = menu.list; child != null; child = child.next) {
            if (isVisible(evaluator, child)) {
                if (!evaluator.kconfig().dialect().has(KconfigChange.BOOL_CHOICE_BLOCKS)) {
                    sym.flags |= Symbol.DEF_USER;
                }
                return true;
            }
        }
        return false;
    }
}
