package kforge.kconfig.model;

import kforge.kconfig.diag.SourceLocation;

/** A property of a symbol or menu node (prompt, default, select, ...), as in the kernel's struct property. */
public final class Property {
    /** Mutable because a menuconfig's prompt becomes a MENU prompt once its options are read. */
    public PropertyType type;
    public final SourceLocation location;
    public final Menu menu;
    /** The prompt text for PROMPT, MENU and COMMENT. */
    public String text;
    public Expr expr;
    /** The condition ("if ..." plus propagated dependencies). */
    public Expr visibleExpr;
    public Tristate visibleTri = Tristate.NO;

    public Property(PropertyType type, SourceLocation location, Menu menu, Expr expr, Expr visibleExpr) {
        this.type = type;
        this.location = location;
        this.menu = menu;
        this.expr = expr;
        this.visibleExpr = visibleExpr;
    }

    /** prop_get_symbol: the symbol a default/select/imply/choice property names. */
    public Symbol symbol() {
        if (expr != null && expr.type == ExprType.SYMBOL) {
            return expr.leftSym;
        }
        return null;
    }

    @Override
    public String toString() {
        return type.displayName() + "@" + location;
    }
}
