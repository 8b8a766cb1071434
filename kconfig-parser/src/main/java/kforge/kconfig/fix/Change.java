package kforge.kconfig.fix;

/**
 * One symbol's value before and after a fix, as the engine computes them. {@code line} is what the fix
 * writes into .config for it; null for a symbol that changed only as a consequence.
 */
public record Change(String symbol, String before, String after, String line) {
    public boolean isEdit() {
        return line != null;
    }
}
