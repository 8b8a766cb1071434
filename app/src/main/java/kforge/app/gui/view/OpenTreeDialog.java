package kforge.app.gui.view;

import java.io.File;
import java.nio.file.Path;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import kforge.app.gui.model.OpenRequest;
import kforge.app.gui.model.UserSettings;

/** Choose a kernel tree (or a recent one), ARCH, cross prefix and .config; or the bundled sample tree. */
final class OpenTreeDialog extends Dialog<OpenRequest> {
    static final ButtonType OPEN = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType SAMPLE = new ButtonType("Sample Tree", ButtonBar.ButtonData.LEFT);

    private final TextField tree = new TextField();
    private final TextField arch = new TextField();
    private final TextField cross = new TextField();
    private final TextField config = new TextField();

    /** suggested fills the fields in (e.g. a just-extracted Debian tree); null leaves them empty. */
    OpenTreeDialog(Window owner, UserSettings settings, OpenRequest suggested) {
        initOwner(owner);
        setTitle("Open Kernel Tree");
        setHeaderText("Which kernel tree, architecture and .config?");
        ComboBox<UserSettings.RecentTree> recent = new ComboBox<>(settings.recent());
        recent.setPromptText(settings.recent().isEmpty() ? "No recent trees" : "Recent trees");
        recent.setMaxWidth(Double.MAX_VALUE);
        recent.setOnAction(e -> {
            UserSettings.RecentTree r = recent.getValue();
            if (r != null) {
                tree.setText(r.tree());
                arch.setText(r.arch());
                cross.setText(r.crossCompile());
                config.setText(r.configFile());
            }
        });
        tree.setPromptText("/path/to/linux");
        arch.setPromptText("host (e.g. arm, x86_64, um)");
        cross.setPromptText("e.g. arm-linux-gnueabi-");
        config.setPromptText("where the .config is read and saved");
        config.setText(Path.of("").toAbsolutePath().resolve(".config").toString());
        if (suggested != null) {
            tree.setText(suggested.tree().toString());
            arch.setText(suggested.arch() == null ? "" : suggested.arch());
            cross.setText(suggested.crossCompile() == null ? "" : suggested.crossCompile());
            config.setText(suggested.configFile().toString());
        }
        Button browseTree = new Button("Browse...");
        browseTree.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle("Kernel source tree");
            File dir = c.showDialog(owner);
            if (dir != null) {
                tree.setText(dir.getPath());
            }
        });
        Button browseConfig = new Button("Browse...");
        browseConfig.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setTitle(".config to edit");
            File f = c.showSaveDialog(owner);
            if (f != null) {
                config.setText(f.getPath());
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Recent"), recent);
        grid.addRow(1, new Label("Tree"), grow(tree), browseTree);
        grid.addRow(2, new Label("ARCH"), arch);
        grid.addRow(3, new Label("CROSS_COMPILE"), cross);
        grid.addRow(4, new Label(".config"), grow(config), browseConfig);
        GridPane.setColumnSpan(recent, 2);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(OPEN, SAMPLE, ButtonType.CANCEL);
        getDialogPane().lookupButton(OPEN).disableProperty()
                .bind(tree.textProperty().isEmpty().or(config.textProperty().isEmpty()));
        setResultConverter(button -> {
            if (button == OPEN) {
                return new OpenRequest(Path.of(tree.getText().strip()), blankToNull(arch.getText()),
                        blankToNull(cross.getText()), Path.of(config.getText().strip()));
            }
            return button == SAMPLE ? KforgeApplication.sampleRequest() : null;
        });
    }

    private static TextField grow(TextField f) {
        HBox.setHgrow(f, Priority.ALWAYS);
        f.setPrefColumnCount(40);
        return f;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
