package kforge.kconfig.lex;

import java.util.Map;

import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KconfigChange;

import static kforge.kconfig.parse.KconfigParser.*;

/**
 * Kconfig keywords, as the tree's lexer.l lists them; a keyword is only one when the whole word matches.
 * A word a release no longer knows is a plain word there, so its parser rejects it where conf does.
 */
final class Keywords {
    private static final Map<String, Integer> KEYWORDS = Map.ofEntries(
            Map.entry("bool", T_BOOL), Map.entry("choice", T_CHOICE), Map.entry("comment", T_COMMENT),
            Map.entry("config", T_CONFIG), Map.entry("def_bool", T_DEF_BOOL),
            Map.entry("def_tristate", T_DEF_TRISTATE), Map.entry("default", T_DEFAULT),
            Map.entry("depends", T_DEPENDS), Map.entry("endchoice", T_ENDCHOICE), Map.entry("endif", T_ENDIF),
            Map.entry("endmenu", T_ENDMENU), Map.entry("help", T_HELP), Map.entry("hex", T_HEX),
            Map.entry("if", T_IF), Map.entry("imply", T_IMPLY), Map.entry("int", T_INT),
            Map.entry("mainmenu", T_MAINMENU), Map.entry("menu", T_MENU), Map.entry("menuconfig", T_MENUCONFIG),
            Map.entry("modules", T_MODULES), Map.entry("on", T_ON), Map.entry("optional", T_OPTIONAL),
            Map.entry("prompt", T_PROMPT), Map.entry("range", T_RANGE), Map.entry("select", T_SELECT),
            Map.entry("source", T_SOURCE), Map.entry("string", T_STRING), Map.entry("tristate", T_TRISTATE),
            Map.entry("visible", T_VISIBLE),
            Map.entry("option", T_OPTION),
            // Kconfiglib's extensions, which kforge accepts in every dialect.
            Map.entry("rsource", T_SOURCE), Map.entry("osource", T_SOURCE), Map.entry("orsource", T_SOURCE));

    /** zconf.gperf's TF_COMMAND words before the 4.19 lexer rewrite ("boolean" among them). */
    private static final Map<String, Integer> LEGACY_COMMANDS = Map.ofEntries(
            Map.entry("mainmenu", T_MAINMENU), Map.entry("menu", T_MENU), Map.entry("endmenu", T_ENDMENU),
            Map.entry("source", T_SOURCE), Map.entry("choice", T_CHOICE), Map.entry("endchoice", T_ENDCHOICE),
            Map.entry("comment", T_COMMENT), Map.entry("config", T_CONFIG), Map.entry("menuconfig", T_MENUCONFIG),
            Map.entry("help", T_HELP), Map.entry("if", T_IF), Map.entry("endif", T_ENDIF),
            Map.entry("depends", T_DEPENDS), Map.entry("optional", T_OPTIONAL), Map.entry("default", T_DEFAULT),
            Map.entry("prompt", T_PROMPT), Map.entry("tristate", T_TRISTATE), Map.entry("def_tristate", T_DEF_TRISTATE),
            Map.entry("bool", T_BOOL), Map.entry("boolean", T_BOOL), Map.entry("def_bool", T_DEF_BOOL),
            Map.entry("int", T_INT), Map.entry("hex", T_HEX), Map.entry("string", T_STRING),
            Map.entry("select", T_SELECT), Map.entry("range", T_RANGE), Map.entry("option", T_OPTION));

    private final boolean option;
    private final boolean optional;

    Keywords(Dialect dialect) {
        this.option = !dialect.has(KconfigChange.OPTION_KEYWORD_REMOVED);
        this.optional = !dialect.has(KconfigChange.CHOICE_OPTIONAL_REMOVED);
    }

    /** The token type of a statement's first word in the scanner before the 4.19 rewrite, or T_WORD. */
    static int legacyCommandTypeOf(String word) {
        return LEGACY_COMMANDS.getOrDefault(word, T_WORD);
    }

    /** Statements whose second word is a prompt (or a path), quoted or not, before the 4.19 rewrite. */
    static boolean takesLegacyPrompt(int firstToken) {
        switch (firstToken) {
            case T_SOURCE: case T_MENU: case T_COMMENT: case T_MAINMENU: case T_PROMPT:
            case T_BOOL: case T_TRISTATE: case T_INT: case T_HEX: case T_STRING:
                return true;
            default:
                return false;
        }
    }

    /** The token type of a keyword, or T_WORD. */
    int typeOf(String word) {
        int type = KEYWORDS.getOrDefault(word, T_WORD);
        if ((type == T_OPTION && !option) || (type == T_OPTIONAL && !optional)) {
            return T_WORD;
        }
        return type;
    }

    static KconfigToken.SourceKind sourceKindOf(String word) {
        switch (word) {
            case "rsource": return KconfigToken.SourceKind.RELATIVE;
            case "osource": return KconfigToken.SourceKind.OPTIONAL;
            case "orsource": return KconfigToken.SourceKind.OPTIONAL_RELATIVE;
            default: return KconfigToken.SourceKind.PLAIN;
        }
    }
}
