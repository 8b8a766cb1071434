package kforge.kconfig.model;

public enum PropertyType {
    UNKNOWN("unknown"), PROMPT("prompt"), COMMENT("comment"), MENU("menu"), DEFAULT("default"),
    CHOICE("choice"), SELECT("select"), IMPLY("imply"), RANGE("range"), SYMBOL("symbol");

    private final String displayName;

    PropertyType(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
