package kforge.app.gui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import kforge.app.gui.model.EntryInfo;
import kforge.kconfig.model.Tristate;

/**
 * The selected entry's verdict (style class "info-verdict" with "verdict-ok" or "verdict-refused"), help,
 * type, value, definitions and dependencies. Symbol names are links; what is true now is highlighted
 * (style classes "active" and "inactive"), and a dependency's terms by their truth ("term-true",
 * "term-mod", "term-false").
 */
final class InfoPane {
    private final VBox content = new VBox(6);
    private final ScrollPane scroll = new ScrollPane(content);
    private final Consumer<String> onSymbol;

    InfoPane(Consumer<String> onSymbol) {
        this.onSymbol = onSymbol;
        content.setId("info-pane");
        content.getStyleClass().add("info-pane");
        scroll.setFitToWidth(true);
    }

    Node node() {
        return scroll;
    }

    void show(EntryInfo info) {
        content.getChildren().clear();
        if (info == null) {
            return;
        }
        Label title = new Label(info.title());
        title.getStyleClass().add("info-title");
        content.getChildren().add(title);
        if (info.verdict() != null) {
            content.getChildren().add(verdict(info.verdict()));
        }
        if (!info.name().isEmpty()) {
            content.getChildren().add(field("Symbol", info.name()));
        }
        content.getChildren().add(field("Type", info.type()));
        if (!info.value().isEmpty()) {
            content.getChildren().add(field("Value", info.value()));
        }
        if (!info.prompt().isEmpty()) {
            content.getChildren().add(field("Prompt", info.prompt()));
        }
        content.getChildren().add(field("Defined at", String.join(", ", info.definedAt())));
        if (!info.location().isEmpty()) {
            content.getChildren().add(field("Location", String.join(" → ", info.location())));
        }
        Text help = new Text(info.help());
        help.getStyleClass().add("info-help");
        TextFlow helpFlow = new TextFlow(help);
        helpFlow.getStyleClass().add("info-help-box");
        content.getChildren().add(helpFlow);
        for (EntryInfo.Section section : info.sections()) {
            content.getChildren().add(section(section));
        }
    }

    private static Node verdict(EntryInfo.Verdict verdict) {
        Label label = new Label(verdict.text());
        label.setId("info-verdict");
        label.setWrapText(true);
        label.getStyleClass().addAll("info-verdict", verdict.holds() ? "verdict-ok" : "verdict-refused");
        return label;
    }

    private static Node field(String name, String value) {
        Text label = new Text(name + ": ");
        label.getStyleClass().add("info-label");
        Text text = new Text(value);
        text.getStyleClass().add("info-value");
        return new TextFlow(label, text);
    }

    private Node section(EntryInfo.Section section) {
        VBox box = new VBox(2);
        box.getStyleClass().add("info-section");
        Label heading = new Label(section.title());
        heading.getStyleClass().add("info-section-title");
        box.getChildren().add(heading);
        for (EntryInfo.Line line : section.lines()) {
            List<Node> pieces = new ArrayList<>();
            for (EntryInfo.Fragment f : line.fragments()) {
                pieces.add(fragment(f));
            }
            TextFlow flow = new TextFlow(pieces.toArray(Node[]::new));
            flow.getStyleClass().addAll("info-expression", line.active() ? "active" : "inactive");
            box.getChildren().add(flow);
        }
        return box;
    }

    private Node fragment(EntryInfo.Fragment f) {
        if (f.symbol() == null) {
            Text t = new Text(f.text());
            t.getStyleClass().add("info-operator");
            if (f.truth() != null) {
                t.getStyleClass().add(termClass(f.truth()));
            }
            return t;
        }
        Hyperlink link = new Hyperlink(f.text());
        // In a term, the term's truth is what matters: a symbol at n makes "!FOO" true.
        link.getStyleClass().addAll("symbol-link",
                f.truth() != null ? termClass(f.truth()) : f.active() ? "active" : "inactive");
        link.setOnAction(e -> onSymbol.accept(f.symbol()));
        return link;
    }

    private static String termClass(Tristate truth) {
        switch (truth) {
            case NO: return "term-false";
            case MOD: return "term-mod";
            default: return "term-true";
        }
    }
}
