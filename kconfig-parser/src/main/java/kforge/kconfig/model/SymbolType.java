package kforge.kconfig.model;

public enum SymbolType {
    UNKNOWN("unknown"), BOOLEAN("bool"), TRISTATE("tristate"), INT("integer"), HEX("hex"), STRING("string");

    private final String displayName;

    SymbolType(String displayName) {
        this.displayName = displayName;
    }

    /** The name conf prints (sym_type_name): note "integer", not "int". */
    public String displayName() {
        return displayName;
    }

    public boolean isLogic() {
        return this == BOOLEAN || this == TRISTATE;
    }

    public boolean isNumeric() {
        return this == INT || this == HEX;
    }

    public boolean holdsString() {
        return this == INT || this == HEX || this == STRING;
    }
}
