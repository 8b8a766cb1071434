package kforge.app.gui.view;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import kforge.app.gui.model.ShellTrustViewModel;

/**
 * Asks before a tree's Kconfig runs its $(shell,...) commands: the commands by file, "Run Them" or
 * "Don't Run". Only shows the view model and hands it the answer; closing the dialog is "Don't Run".
 */
final class ShellTrustDialog extends Dialog<ButtonType> {
    static final ButtonType RUN = new ButtonType("Run Them", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType DONT_RUN = new ButtonType("Don't Run", ButtonBar.ButtonData.CANCEL_CLOSE);

    private ShellTrustDialog(Window owner, Scene scene, ShellTrustViewModel question) {
        initOwner(owner);
        setTitle(question.title());
        setHeaderText(question.heading());
        getDialogPane().setId("shell-trust");
        getDialogPane().getStylesheets().setAll(scene.getStylesheets());
        Label explanation = new Label(question.explanation());
        explanation.setWrapText(true);
        explanation.setMaxWidth(760);
        TextArea commands = new TextArea(question.listingText());
        commands.setId("shell-commands");
        commands.setEditable(false);
        commands.setStyle("-fx-font-family: monospace;");
        commands.setPrefSize(760, 320);
        VBox.setVgrow(commands, Priority.ALWAYS);
        VBox content = new VBox(8, explanation, commands);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(RUN, DONT_RUN);
        // Enter must not run a stranger's commands: the default button is the one that runs nothing.
        ((Button) getDialogPane().lookupButton(RUN)).setDefaultButton(false);
        ((Button) getDialogPane().lookupButton(DONT_RUN)).setDefaultButton(true);
        setResizable(true);
        setResultConverter(button -> button);
        setOnHidden(e -> {
            if (getResult() == RUN) {
                question.runThem();
            } else {
                question.dontRun();
            }
        });
    }

    /** Shows the question without waiting for it: the answer goes to the view model. */
    static void ask(Window owner, Scene scene, ShellTrustViewModel question) {
        new ShellTrustDialog(owner, scene, question).show();
    }
}
