package kforge.app.gui.view;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import kforge.app.gui.model.BuildViewModel;
import kforge.runner.artifact.Artifact;
import kforge.runner.config.BoardConfig;
import kforge.runner.diag.Diagnostic;
import kforge.runner.record.BuildRecord;
import kforge.runner.record.TargetResult;

/** The panel's tables: diagnostics, artifacts, the out dir's history and the values that did not hold. */
final class BuildTables {

    private BuildTables() {
    }

    /** Severity, a clickable location (opens the file at the line), message, tool. */
    static TableView<Diagnostic> diagnostics(BuildViewModel build, Consumer<Diagnostic> open) {
        TableView<Diagnostic> table = new TableView<>(build.diagnostics());
        table.setId("build-diagnostics");
        table.setPlaceholder(new Label("No warnings or errors."));
        TableColumn<Diagnostic, String> severity = column("Severity", d -> d.severity().name()
                .toLowerCase(Locale.ROOT), 80);
        TableColumn<Diagnostic, Diagnostic> location = new TableColumn<>("Location");
        location.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        location.setCellFactory(c -> new LocationCell(build, open));
        location.setPrefWidth(300);
        table.getColumns().add(severity);
        table.getColumns().add(location);
        table.getColumns().add(column("Message", Diagnostic::message, 520));
        table.getColumns().add(column("Tool", d -> d.tool().name().toLowerCase(Locale.ROOT), 60));
        table.setRowFactory(t -> {
            TableRow<Diagnostic> row = new TableRow<>() {
                @Override
                protected void updateItem(Diagnostic d, boolean empty) {
                    super.updateItem(d, empty);
                    getStyleClass().removeAll("diagnostic-error", "diagnostic-warning");
                    if (d != null && !empty) {
                        getStyleClass().add("diagnostic-" + d.severity().name().toLowerCase(Locale.ROOT));
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && row.getItem().file() != null) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            Diagnostic d = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && d != null && d.file() != null) {
                open.accept(d);
                e.consume();
            }
        });
        return table;
    }

    static TableView<Artifact> artifacts(BuildViewModel build) {
        TableView<Artifact> table = new TableView<>(build.artifacts());
        table.setId("build-artifacts");
        table.setPlaceholder(new Label("No artifacts: nothing built in this out dir yet."));
        table.getColumns().add(column("File", Artifact::path, 240));
        table.getColumns().add(column("Kind", a -> a.kind().name().toLowerCase(Locale.ROOT), 90));
        table.getColumns().add(column("Size", a -> String.format("%,d", a.size()), 100));
        table.getColumns().add(column("Check", a -> (a.verified() ? "\u2713 " : "\u2717 ") + a.detail(), 330));
        table.getColumns().add(column("SHA-256", Artifact::sha256, 480));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Artifact a, boolean empty) {
                super.updateItem(a, empty);
                getStyleClass().remove("artifact-unverified");
                if (a != null && !empty && !a.verified()) {
                    getStyleClass().add("artifact-unverified");
                }
            }
        });
        return table;
    }

    /** The out dir's records, newest first; selecting one shows its artifacts and diagnostics. */
    static TableView<BuildRecord> history(BuildViewModel build) {
        TableView<BuildRecord> table = new TableView<>(build.history());
        table.setId("build-history");
        table.setPlaceholder(new Label("No builds recorded in this out dir."));
        table.getColumns().add(column("Started", BuildRecord::started, 210));
        table.getColumns().add(column("Status", r -> r.status().name(), 90));
        table.getColumns().add(column("Boot", r -> r.boot() == null ? "" : r.boot().status() + " "
                + String.format("%.1f s", r.boot().seconds()), 90));
        table.getColumns().add(column("Board", BuildRecord::board, 100));
        table.getColumns().add(column("Targets", r -> String.join(" ", r.targets().stream()
                .map(TargetResult::name).toList()), 160));
        table.getColumns().add(column("Warnings", r -> String.valueOf(r.warnings()), 80));
        table.getColumns().add(column("Errors", r -> String.valueOf(r.errors()), 70));
        table.getColumns().add(column("Seconds", r -> String.format("%.1f", r.seconds()), 80));
        table.getColumns().add(column("Toolchain", r -> r.toolchain() == null ? "" : r.toolchain().version(), 260));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                build.show(now);
            }
        });
        return table;
    }

    static TableView<BoardConfig.UnmetValue> unmet(BuildViewModel build) {
        TableView<BoardConfig.UnmetValue> table = new TableView<>(build.unmet());
        table.setId("build-unmet");
        table.setPlaceholder(new Label("Every value the board asks for holds."));
        table.getColumns().add(column("Symbol", BoardConfig.UnmetValue::symbol, 200));
        table.getColumns().add(column("Requested", BoardConfig.UnmetValue::requested, 220));
        table.getColumns().add(column("Actual", BoardConfig.UnmetValue::actual, 180));
        table.getColumns().add(column("Why", BoardConfig.UnmetValue::why, 520));
        return table;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** file:line:col as a link when the diagnostic names a file; plain text otherwise. */
    private static final class LocationCell extends TableCell<Diagnostic, Diagnostic> {
        private final Hyperlink link = new Hyperlink();

        private final BuildViewModel build;

        LocationCell(BuildViewModel build, Consumer<Diagnostic> open) {
            this.build = build;
            link.getStyleClass().add("diagnostic-link");
            link.setOnAction(e -> {
                if (getItem() != null) {
                    open.accept(getItem());
                }
                link.setVisited(false);
            });
        }

        @Override
        protected void updateItem(Diagnostic d, boolean empty) {
            super.updateItem(d, empty);
            if (empty || d == null) {
                setGraphic(null);
                setText(null);
            } else if (d.file() == null) {
                setGraphic(null);
                setText("(" + d.tool().name().toLowerCase(Locale.ROOT) + ")");
            } else {
                link.setText(build.location(d));
                link.setTooltip(new javafx.scene.control.Tooltip(d.location()));
                setText(null);
                setGraphic(link);
            }
        }
    }
}
