package kforge.app.gui.model;

import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import kforge.runner.board.BoardProfile;

/** The board profiles a panel offers and the one chosen. Listeners go on first, then selectFirst(). */
final class BoardChoice {
    private final ObservableList<BoardProfile> boards;
    private final ObjectProperty<BoardProfile> board;

    BoardChoice(Object bean, List<BoardProfile> boards) {
        this.boards = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(boards));
        this.board = new SimpleObjectProperty<>(bean, "board");
    }

    ObservableList<BoardProfile> boards() {
        return boards;
    }

    ObjectProperty<BoardProfile> board() {
        return board;
    }

    void selectFirst() {
        if (!boards.isEmpty()) {
            board.set(boards.get(0));
        }
    }

    /** Selects a board by name; false when there is none of that name. */
    boolean select(String name) {
        for (BoardProfile p : boards) {
            if (p.name().equals(name)) {
                board.set(p);
                return true;
            }
        }
        return false;
    }
}
