package kforge.kconfig.ast;

import kforge.kconfig.diag.SourceLocation;
import kforge.kconfig.model.SymbolType;

/** A property line inside a config, choice, menu or comment entry. Conditions are null when absent. */
public sealed interface Option {
    SourceLocation location();

    /** "bool", "tristate", ... with an optional inline prompt. */
    record Type(SourceLocation location, SymbolType type, String prompt, ExprNode promptCondition)
            implements Option {
    }

    record Prompt(SourceLocation location, String text, ExprNode condition) implements Option {
    }

    /** "default", "def_bool" or "def_tristate" (the latter two also set the type). */
    record Default(SourceLocation location, SymbolType impliedType, ExprNode value, ExprNode condition)
            implements Option {
    }

    record Select(SourceLocation location, String symbol, ExprNode condition) implements Option {
    }

    record Imply(SourceLocation location, String symbol, ExprNode condition) implements Option {
    }

    record Range(SourceLocation location, ExprNode.SymbolRef low, ExprNode.SymbolRef high, ExprNode condition)
            implements Option {
    }

    record DependsOn(SourceLocation location, ExprNode condition) implements Option {
    }

    record VisibleIf(SourceLocation location, ExprNode condition) implements Option {
    }

    record Help(SourceLocation location, String text) implements Option {
    }

    /** The 'modules' keyword: this symbol is the MODULES switch. */
    record Modules(SourceLocation location) implements Option {
    }

    /** 'optional' in a choice. */
    record Optional(SourceLocation location) implements Option {
    }

    /** The old 'option NAME[="value"]' forms (env, defconfig_list, modules, allnoconfig_y). */
    record Legacy(SourceLocation location, String name, String value) implements Option {
    }
}
