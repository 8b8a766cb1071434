package kforge.kconfig.dialect;

/**
 * One change to the Kconfig language or to conf's behaviour, named and dated by the first release whose
 * scripts/kconfig has it. A {@link Dialect} is the set of changes a tree's release has; the engine asks
 * the dialect, never the version, so each difference lives in one place and is tested on its own.
 *
 * <p>The engine's baseline is Linux 6.1: changes before it are part of the baseline until kforge
 * supports older trees, changes after it are listed here. docs/dialects.md lists the known changes,
 * these and the ones not reproduced yet, with the commits they come from.
 */
public enum KconfigChange {
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

    /** Entries inside a choice are never moved into automatic submenus ("do not reparent the menu inside a choice block"). */
    CHOICE_NO_REPARENT("6.9"),

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
    BOOL_CHOICE_BLOCKS("6.11");

    private final KernelRelease since;

    KconfigChange(String since) {
        this.since = KernelRelease.parse(since);
    }

    /** The first release that has this change. */
    public KernelRelease since() {
        return since;
    }
}
