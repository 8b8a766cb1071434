package kforge.kconfig.dialect;

/**
 * One change to the Kconfig language or to conf's behaviour, named and dated by the first release whose
 * scripts/kconfig has it. A {@link Dialect} is the set of changes a tree's release has; the engine asks
 * the dialect, never the version, so each difference lives in one place and is tested on its own.
 *
 * <p>The engine is a port of Linux 6.1's scripts/kconfig: it does what a change names when the dialect has
 * it, and the older behaviour when it does not. Changes after 6.1 are absent from 6.1 (its code paths run
 * only when the dialect has them); changes before 6.1 are present in 6.1 and absent from older trees such as
 * 2.6.32, whose conf then gets the behaviour the change replaced. docs/dialects.md lists the known changes,
 * these and the ones not reproduced yet, with the commits they come from. Dates marked "about" were not
 * confirmed from the commit itself; only 2.6.32 and 6.1 and later are verified against their conf.
 */
public enum KconfigChange {
    // ---- Before 6.1: what 6.1 has and 2.6.32 lacks ----

    /**
     * The tree has a top-level Kconfig that sources "arch/$SRCARCH/Kconfig"; before, the kconfig Makefile
     * handed conf arch/$(SRCARCH)/Kconfig as the root (or $(KBUILD_KCONFIG)).
     */
    TOP_LEVEL_KCONFIG("2.6.37"),

    /**
     * autoconf.h is include/generated/autoconf.h ("kbuild: move autoconf.h to include/generated"); before, it
     * was include/linux/autoconf.h with AUTOCONF_INCLUDED, and auto.conf, auto.conf.cmd and the
     * include/config files had the older formats and order that kforge does not reproduce. About 2.6.33.
     */
    AUTOCONF_IN_INCLUDE_GENERATED("2.6.33"),

    /**
     * Every configuration target writes include/config/auto.conf and friends when auto.conf is missing
     * (00c864f8903d "kconfig: allow all config targets to write auto.conf if missing"); before, only
     * syncconfig (silentoldconfig) wrote them. About 5.0.
     */
    AUTOCONF_ALWAYS("5.0"),

    /**
     * Without any 'option modules' (later the 'modules' attribute) tristates act as bools; before, the
     * symbol named MODULES played that part (conf_parse's fallback default of the hidden modules symbol).
     * About 2.6.36.
     */
    NO_MODULES_FALLBACK("2.6.36"),

    /**
     * conf_set_all_new_symbols gives every choice without a user value one (set_all_choice_values, in
     * a64b44ead002 "kconfig: fix tristate choice with minimal config"): after a defconfig that sets a member
     * of a tristate choice to y but leaves a visible member unmentioned, the choice is y and the member y.
     * Before, such a choice had no user value, so its "visible &amp;&amp; m" reverse dependency made it m
     * and the member m. About 2.6.36.
     */
    NEW_CHOICES_GET_VALUES("2.6.36"),

    /**
     * conf takes long options (--defconfig FILE, --allnoconfig, ...; "kconfig: add savedefconfig" and the
     * getopt_long rework); before, the Makefile ran it with -d, -D FILE, -n, -y, -m, -o, -s, -r.
     */
    CONF_LONG_OPTIONS("2.6.36"),

    /**
     * A symbol selected beyond its own dependencies is reported ("WARNING: unmet direct dependencies
     * detected for X" and the dependency report); before, select forced the value silently. About 2.6.38.
     */
    UNMET_DEPENDENCY_WARNINGS("2.6.38"),

    /**
     * The .config header names the root menu's prompt (the mainmenu text) instead of
     * "Linux kernel version: $KERNELVERSION" ("kconfig: implement the `mainmenu' directive").
     */
    CONFIG_HEADER_PROMPT("2.6.37"),

    /**
     * The .config header says "Automatically generated file; DO NOT EDIT." and carries no date; before, it
     * said "Automatically generated make config: don't edit" and a ctime line unless KCONFIG_NOTIMESTAMP
     * was set. About 3.2.
     */
    CONFIG_HEADER_DO_NOT_EDIT("3.2"),

    /**
     * A choice member is written only while it is visible, and its "written" mark is recomputed on every
     * evaluation (cb67ab2cd2b8 "kconfig: do not write choice values when their dependency becomes n");
     * before, every member of a written choice was written, visible or not.
     */
    CHOICE_VALUES_WRITTEN_IF_VISIBLE("4.16"),

    /**
     * A promptless bool or tristate is written only when its value is not n (f467c5640c29 "kconfig: only
     * write '# CONFIG_FOO is not set' for visible symbols"); before, any active default made it written, so
     * "# CONFIG_X is not set" lines appeared for invisible symbols that default to n.
     */
    PROMPTLESS_N_NOT_WRITTEN("4.17"),

    /**
     * The Kconfig preprocessor: $(VAR), $(shell,...) and variable assignments are expanded while scanning
     * ("kconfig: reference environment variables directly and remove 'option env='"). Before, '$' was an
     * ordinary character in strings, was skipped in words, and environment variables came only through
     * 'option env' symbols, which are never written.
     */
    PREPROCESSOR("4.18"),

    /**
     * The single-state scanner: keywords are keywords wherever they appear, words are [A-Za-z0-9_-]+,
     * unsupported characters warn, and source takes a quoted path. Before, keywords were only recognised
     * first on a line (so "---help---" was "help"), parameters could hold '/' and '.' (unquoted source
     * paths), "---" and stray characters were silently skipped, and "boolean" was a synonym of "bool".
     * About 4.19.
     */
    LEXER_REWRITE("4.19"),

    /** .config closes each visible menu with "# end of <prompt>" and a blank line. About 5.2. */
    END_OF_MENU_COMMENTS("5.2"),

    // Seen in Debian's 5.10.223 conf and not in 6.1's; each release is the merge window of the commit
    // (the kbuild or kconfig pull request that carried it), checked against the mailing list archives.

    /**
     * A symbol whose value changed is marked by touching include/config/FOO_BAR; before, it was
     * include/config/foo/bar.h (lower case, '_' as '/'), as 5.10 does (0e0345b77ac4 "kbuild: redo fake deps
     * at include/config/*.h", in "Kbuild updates for v5.13-rc1").
     */
    CONFIG_DEP_FILES_BY_NAME("5.13"),

    /**
     * autoconf.h's heading has no empty " *" lines around its text, and auto.conf.cmd is KCONFIG_AUTOCONFIG
     * plus ".cmd" with a backslash after every Kconfig file and "auto.conf: $(deps_config)" on one line
     * (conf_write_heading's comment styles, conf_write_autoconf_cmd). Before, as in 5.10, the heading began
     * and ended with " *", the dependency file was always include/config/auto.conf.cmd, its last file had no
     * backslash and the rule was split over two lines. "kconfig: refactor conf_write_heading()" and
     * "kconfig: refactor conf_write_dep()", both in "Kbuild updates for v5.16-rc1".
     */
    AUTOCONF_HEADING_REWRITE("5.16"),

    /**
     * randconfig prints "KCONFIG_SEED=0x..." on stdout (set_randconfig_seed); before, as in 5.10, on stderr
     * ("kconfig: split randconfig setup code into set_randconfig_seed()", in "Kconfig updates for v5.13-rc1").
     */
    RANDCONFIG_SEED_ON_STDOUT("5.13"),

    /**
     * Help text (helpnewconfig, menuconfig's help) always has a "Location:" list, and it ends with the entry
     * itself ("-> A0 (A0 [=y])") (7a263a040256 "kconfig: fix segmentation fault in menuconfig search", in
     * "Kbuild fixes for v6.1-rc4"). Before, as in 5.10, the list started at the entry's parent and was left out
     * for an entry of the main menu. Not reproduced: from 5.16 to 6.0 (d05377e184fc "kconfig: Create links to
     * main menu items in search") the list started at the parent, always, with the root menu as a first
     * "Main menu" line; kforge gives those releases the 5.10 form.
     */
    LOCATION_INCLUDES_ENTRY("6.1"),

    /**
     * include/generated/rustc_cfg is written beside autoconf.h ("Kbuild: add Rust support", in "Rust
     * introduction for v6.1-rc1").
     */
    RUSTC_CFG("6.1"),

    // ---- After 6.1 ----

    /**
     * The 'option' keyword is gone: its last form, "option modules", became the attribute "modules"
     * ("kconfig: change "modules" from sub-option to first-level attribute").
     */
    OPTION_KEYWORD_REMOVED("5.13"),

    /**
     * An int or hex symbol without a value or default is "0" or "0x0" instead of empty, as its value and as
     * sym_get_string_default ("kconfig: default to zero if int/hex symbol lacks default property").
     */
    INT_HEX_ZERO_DEFAULT("6.8"),

    /**
     * conf_read no longer drops an out-of-range int, hex or string value from .config; the evaluation clamps
     * it to the range ("kconfig: do not clear SYMBOL_DEF_USER when the value is out of range").
     */
    OUT_OF_RANGE_KEPT("6.8"),

    /**
     * .config lines are read whole (getline_stripped): "is not set" must match exactly, and a CONFIG_ line
     * without '=' is "unexpected data" like any other stray line.
     */
    DOTCONFIG_STRICT_LINES("6.8"),

    /**
     * The symbol table has 16384 buckets instead of 9973 ("kconfig: use generic macros to implement symbol
     * hashtable"), which reorders for_all_symbols: auto.conf, autoconf.h, rustc_cfg, first warnings.
     */
    SYMBOL_HASH_16384("6.9"),

    /** auto.conf.cmd names an autoconfig variable and lists the Kconfig files in the order first read. */
    AUTOCONF_CMD_IN_ORDER("6.9"),

    /** A choice has no name any more ("kconfig: remove named choice support"). */
    NAMED_CHOICE_REMOVED("6.9"),

    /** A choice without a prompt is an error while parsing ("kconfig: check prompt for choice while parsing"). */
    CHOICE_PROMPT_REQUIRED("6.9"),

    /** An untyped choice member no longer takes the choice's type ("kconfig: do not imply the type of choice value"). */
    CHOICE_TYPE_NOT_IMPLIED("6.9"),

    /** "syntax error" is reported on the statement's own line, no longer on the line after it. */
    PARSER_LOCATIONS("6.9"),

    /** The recursive-dependency check walks the menu entries in parsed order, not the symbol table. */
    RECURSIVE_DEP_PARSE_ORDER("6.9"),

    /** Entries inside a choice are never moved into automatic submenus ("do not reparent the menu inside a choice block"). */
    CHOICE_NO_REPARENT("6.9"),

    /** 'optional' is no longer a keyword: every choice has a value ("kconfig: remove 'optional' property support"). */
    CHOICE_OPTIONAL_REMOVED("6.10"),

    /**
     * A choice member's default, or a prompt of it outside its choice, is an error of conf_parse after the
     * menus are final ("kconfig: turn defaults and additional prompt for choice members into error").
     */
    CHOICE_MEMBER_ERRORS("6.10"),

    /**
     * 6.11 rewrote choices ("kconfig: remove tristate choice support", "kconfig: refactor choice value
     * calculation", "kconfig: fix conditional prompt behavior for choice"): a choice is a block of bool
     * members; the chosen member is the first visible one in a priority list with the user value y (a
     * .config line or a user choice moves its member to the front, so a "# CONFIG_X is not set" for the
     * default moves the choice on), else the default unless the user set it to n, else the first visible
     * member the user left unset, else the lowest-priority visible member. The choice no longer bounds its
     * members' dependencies, is never changeable and has no "visible &amp;&amp; m" reverse dependency.
     * all*config and randconfig walk the menus; conf_read keeps the values of invisible symbols;
     * menu_is_visible no longer marks a menu symbol as set.
     */
    BOOL_CHOICE_BLOCKS("6.11"),

    /**
     * expr_eliminate_dups applies expr_eliminate_yn at least once ("call expr_eliminate_yn() at least once in
     * expr_eliminate_dups()"): "y &amp;&amp; A" becomes "A" in dependencies, so help texts print less.
     */
    EXPR_YN_ALWAYS("6.11"),

    /**
     * Recursive-dependency reports lose their file:line prefixes; a step into a choice reads "symbol X is
     * part of choice block at FILE:LINE" ("kconfig: recursive checks drop file/lineno").
     */
    RECURSIVE_DEP_PLAIN_MESSAGES("6.11"),

    /**
     * Symbols lose their P_SYMBOL property ("kconfig: remove P_SYMBOL property"): a dependency cycle through
     * an entry's menu dependencies is reported at the prompt, not at a "symbol" property.
     */
    SYMBOL_PROPERTY_REMOVED("6.12");

    private final KernelRelease since;

    KconfigChange(String since) {
        this.since = KernelRelease.parse(since);
    }

    /** The first release that has this change. */
    public KernelRelease since() {
        return since;
    }
}
