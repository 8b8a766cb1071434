/*
 * The Kconfig language as the kernel's scripts/kconfig/parser.y defines it (Linux 6.1), plus the extensions
 * kforge accepts from older kernels and Kconfiglib: the 'option' forms and rsource/osource/orsource.
 *
 * Tokens come from kforge.kconfig.lex.KconfigLexer, a hand-written token source: Kconfig's lexing is
 * context dependent (help text ends by indentation, '$(...)' is expanded while lexing, 'source' splices
 * another file into the token stream), as in the kernel's flex scanner.
 */
parser grammar KconfigParser;

@members {
    /** Dialect switches, set before parsing: named choices (until 6.9), bool-only choice types (6.11). */
    public boolean namedChoices = true;
    public boolean boolChoices = false;
    /** "modules" is an attribute of its own (5.13); before, only "option modules" (a keyword after "option"). */
    public boolean modulesAttribute = true;
}

tokens {
    T_HELPTEXT, T_WORD, T_WORD_QUOTE, T_ASSIGN_VAL, T_EOL,
    T_BOOL, T_CHOICE, T_COMMENT, T_CONFIG, T_DEF_BOOL, T_DEF_TRISTATE, T_DEFAULT, T_DEPENDS,
    T_ENDCHOICE, T_ENDIF, T_ENDMENU, T_HELP, T_HEX, T_IF, T_IMPLY, T_INT, T_MAINMENU, T_MENU,
    T_MENUCONFIG, T_MODULES, T_ON, T_OPTIONAL, T_PROMPT, T_RANGE, T_SELECT, T_SOURCE, T_STRING,
    T_TRISTATE, T_VISIBLE, T_OPTION,
    T_OR, T_AND, T_EQUAL, T_UNEQUAL, T_LESS, T_LESS_EQUAL, T_GREATER, T_GREATER_EQUAL, T_NOT,
    T_OPEN_PAREN, T_CLOSE_PAREN, T_COLON_EQUAL, T_PLUS_EQUAL
}

input
    : mainmenuStmt? stmtList EOF
    ;

mainmenuStmt
    : T_MAINMENU T_WORD_QUOTE T_EOL
    ;

stmtList
    : stmt*
    ;

stmt
    : assignmentStmt
    | choiceStmt
    | commentStmt
    | configStmt
    | ifStmt
    | menuStmt
    | sourceStmt
    ;

stmtListInChoice
    : stmtInChoice*
    ;

stmtInChoice
    : commentStmt
    | {_input.LA(1) == T_CONFIG}? configStmt
    | ifStmtInChoice
    ;

configStmt
    : kind=(T_CONFIG | T_MENUCONFIG) T_WORD T_EOL configOption*
    ;

configOption
    : type prompt? T_EOL                                   # typeOption
    | T_PROMPT T_WORD_QUOTE ifExpr? T_EOL                  # promptOption
    | kind=(T_DEFAULT | T_DEF_BOOL | T_DEF_TRISTATE) expr ifExpr? T_EOL   # defaultOption
    | T_SELECT T_WORD ifExpr? T_EOL                        # selectOption
    | T_IMPLY T_WORD ifExpr? T_EOL                         # implyOption
    | T_RANGE symbol symbol ifExpr? T_EOL                  # rangeOption
    | {modulesAttribute}? T_MODULES T_EOL                  # modulesOption
    | T_OPTION name=(T_WORD | T_MODULES) (T_EQUAL value=T_WORD_QUOTE)? T_EOL   # optionOption
    | depends                                              # dependsOption
    | help                                                 # helpOption
    ;

choiceStmt
    : T_CHOICE ({namedChoices}? T_WORD)? T_EOL choiceOption* stmtListInChoice end
    ;

choiceOption
    : T_PROMPT T_WORD_QUOTE ifExpr? T_EOL                  # choicePromptOption
    | {!boolChoices || (_input.LA(1) == T_BOOL && _input.LA(2) == T_WORD_QUOTE)}? logicType prompt? T_EOL  # choiceTypeOption
    | T_OPTIONAL T_EOL                                     # choiceOptionalOption
    | T_DEFAULT T_WORD ifExpr? T_EOL                       # choiceDefaultOption
    | depends                                              # choiceDependsOption
    | help                                                 # choiceHelpOption
    ;

type
    : logicType
    | T_INT
    | T_HEX
    | T_STRING
    ;

logicType
    : T_BOOL
    | T_TRISTATE
    ;

ifStmt
    : T_IF expr T_EOL stmtList end
    ;

ifStmtInChoice
    : T_IF expr T_EOL stmtListInChoice end
    ;

menuStmt
    : T_MENU T_WORD_QUOTE T_EOL menuOption* stmtList end
    ;

menuOption
    : visible
    | depends
    ;

sourceStmt
    : T_SOURCE T_WORD_QUOTE T_EOL
    ;

commentStmt
    : T_COMMENT T_WORD_QUOTE T_EOL depends*
    ;

help
    : T_HELP T_EOL T_HELPTEXT
    ;

depends
    : T_DEPENDS T_ON expr T_EOL
    ;

visible
    : T_VISIBLE ifExpr? T_EOL
    ;

prompt
    : T_WORD_QUOTE ifExpr?
    ;

end
    : kind=(T_ENDMENU | T_ENDCHOICE | T_ENDIF) T_EOL
    ;

ifExpr
    : T_IF expr
    ;

expr
    : left=symbol op=(T_LESS | T_LESS_EQUAL | T_GREATER | T_GREATER_EQUAL | T_EQUAL | T_UNEQUAL) right=symbol  # comparisonExpr
    | symbol                                   # symbolExpr
    | T_OPEN_PAREN expr T_CLOSE_PAREN          # parenExpr
    | T_NOT expr                               # notExpr
    | expr T_AND expr                          # andExpr
    | expr T_OR expr                           # orExpr
    ;

symbol
    : T_WORD
    | T_WORD_QUOTE
    ;

assignmentStmt
    : T_WORD op=(T_EQUAL | T_COLON_EQUAL | T_PLUS_EQUAL) T_ASSIGN_VAL? T_EOL
    ;
