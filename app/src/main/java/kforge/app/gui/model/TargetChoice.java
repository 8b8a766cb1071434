package kforge.app.gui.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import kforge.runner.board.BoardProfile;

/** A make target the panel offers as a checkbox; a profile's own targets start ticked. */
public final class TargetChoice {
    private final String name;
    private final BooleanProperty selected;

    TargetChoice(String name, boolean selected) {
        this.name = name;
        this.selected = new SimpleBooleanProperty(this, "selected", selected);
    }

    /**
     * The profile's targets first, then the others kforge knows for its ARCH. The list order is the order
     * make runs them in, so modules always comes before modules_install.
     */
    static List<TargetChoice> offered(BoardProfile profile) {
        Set<String> names = new LinkedHashSet<>(profile.targets());
        names.addAll(extras(profile));
        List<TargetChoice> choices = new ArrayList<>();
        for (String n : names) {
            choices.add(new TargetChoice(n, profile.targets().contains(n)));
        }
        return choices;
    }

    private static List<String> extras(BoardProfile profile) {
        List<String> extras = new ArrayList<>();
        switch (profile.srcArch()) {
            case "arm":
                extras.add("zImage");
                if (profile.loadAddress() != null && !profile.loadAddress().isBlank()) {
                    extras.add("uImage");  // mkimage needs the board's load address
                }
                extras.add("dtbs");
                break;
            case "arm64":
                extras.addAll(List.of("Image", "Image.gz", "dtbs"));
                break;
            case "x86":
                extras.add("bzImage");
                break;
            case "um":
                extras.add("linux");
                break;
            default:
                break;
        }
        extras.addAll(List.of("vmlinux", "modules", "modules_install", "headers_install"));
        return extras;
    }

    public String name() {
        return name;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    @Override
    public String toString() {
        return name + (isSelected() ? " [x]" : " [ ]");
    }
}
