package kforge.app.gui.view;

import java.util.List;

import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import kforge.app.gui.model.ConfigEntry;
import kforge.app.gui.model.EditorViewModel;
import kforge.app.gui.model.FixProposals;
import kforge.kconfig.model.Tristate;

/**
 * "Make it so…" for the selected row: asks for the value wanted, shows the fixes the view model found (each
 * with a preview of everything it changes), and applies the chosen one as one undoable step.
 */
final class MakeItSoDialog {
    static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);

    private MakeItSoDialog() {
    }

    static void open(Window owner, Scene scene, EditorViewModel editor, ConfigEntry entry) {
        if (entry == null || entry.state().name() == null || entry.state().name().isEmpty()) {
            return;
        }
        String wanted = askValue(owner, entry);
        if (wanted == null) {
            return;
        }
        editor.findFixes(entry, wanted).thenAcceptAsync(found -> showFixes(owner, scene, editor, found),
                javafx.application.Platform::runLater);
    }

    private static String askValue(Window owner, ConfigEntry entry) {
        if (entry.state().kind().takesTristate()) {
            List<String> values = entry.state().marker().startsWith("<") ? List.of("y", "m", "n") : List.of("y", "n");
            String proposed = entry.state().tri() == Tristate.YES ? "n" : "y";
            ChoiceDialog<String> ask = new ChoiceDialog<>(proposed, values);
            ask.initOwner(owner);
            ask.setTitle("Make It So");
            ask.setHeaderText("Which value should " + entry.state().name() + " have?");
            return ask.showAndWait().orElse(null);
        }
        TextInputDialog ask = new TextInputDialog(entry.state().value());
        ask.initOwner(owner);
        ask.setTitle("Make It So");
        ask.setHeaderText("Which value should " + entry.state().name() + " have?");
        return ask.showAndWait().orElse(null);
    }

    private static void showFixes(Window owner, Scene scene, EditorViewModel editor, FixProposals found) {
        Alert dialog = new Alert(Alert.AlertType.NONE);
        dialog.initOwner(owner);
        dialog.setTitle("Make It So: " + found.wanted());
        dialog.getDialogPane().getStylesheets().setAll(scene.getStylesheets());
        if (found.fixes().isEmpty()) {
            dialog.setHeaderText("No fix for " + found.wanted());
            dialog.setContentText(found.reason());
            dialog.getButtonTypes().setAll(ButtonType.CLOSE);
            dialog.show();
            return;
        }
        ListView<String> fixes = new ListView<>(FXCollections.observableArrayList(found.titles()));
        fixes.setId("fix-list");
        fixes.setPrefHeight(90);
        TextArea preview = new TextArea();
        preview.setId("fix-preview");
        preview.setEditable(false);
        preview.setPrefSize(640, 300);
        fixes.getSelectionModel().selectedIndexProperty().addListener((o, old, index) ->
                preview.setText(index.intValue() < 0 ? "" : found.preview(index.intValue())));
        fixes.getSelectionModel().select(0);
        dialog.setHeaderText(found.fixes().size() + (found.fixes().size() == 1 ? " fix" : " fixes")
                + " for " + found.wanted() + ", fewest changes first, each verified by the engine");
        dialog.getDialogPane().setContent(new VBox(8, fixes, new Label("What it changes:"), preview));
        dialog.getButtonTypes().setAll(APPLY, ButtonType.CANCEL);
        dialog.showAndWait().filter(APPLY::equals).ifPresent(b ->
                editor.applyFix(found, Math.max(0, fixes.getSelectionModel().getSelectedIndex())));
    }
}
