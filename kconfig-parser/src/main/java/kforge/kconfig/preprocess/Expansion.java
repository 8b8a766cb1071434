package kforge.kconfig.preprocess;

/**
 * The result of expanding the front of an input: the text it expands to, and how many input chars
 * were used, so the lexer can push the rest back (as lexer.l does with unput()).
 */
public record Expansion(String value, int consumed) {
}
