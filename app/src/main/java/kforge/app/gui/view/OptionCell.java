package kforge.app.gui.view;

import javafx.css.PseudoClass;
import javafx.scene.control.TreeTableCell;
import kforge.app.gui.model.ConfigEntry;
import kforge.app.gui.model.EntryState;

/** The option column: menuconfig's row text, styled by kind; invisible rows (shown with "Show all") greyed. */
final class OptionCell extends TreeTableCell<ConfigEntry, EntryState> {
    static final PseudoClass INVISIBLE = PseudoClass.getPseudoClass("invisible");
    static final PseudoClass LOCKED = PseudoClass.getPseudoClass("locked");

    OptionCell() {
        getStyleClass().add("option-cell");
    }

    private String kindClass;

    @Override
    protected void updateItem(EntryState state, boolean empty) {
        super.updateItem(state, empty);
        // Style classes change only with the kind: touching them re-applies CSS to the cell.
        String wanted = empty || state == null ? null : state.kind().styleClass();
        if (!java.util.Objects.equals(wanted, kindClass)) {
            if (kindClass != null) {
                getStyleClass().remove(kindClass);
            }
            if (wanted != null) {
                getStyleClass().add(wanted);
            }
            kindClass = wanted;
        }
        if (empty || state == null) {
            setText(null);
            pseudoClassStateChanged(INVISIBLE, false);
            pseudoClassStateChanged(LOCKED, false);
            return;
        }
        setText(state.text());
        pseudoClassStateChanged(INVISIBLE, !state.visible());
        pseudoClassStateChanged(LOCKED, state.visible() && !state.changeable() && state.kind().takesTristate());
    }
}
