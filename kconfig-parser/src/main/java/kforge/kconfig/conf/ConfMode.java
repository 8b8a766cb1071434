package kforge.kconfig.conf;

/** conf's input modes (scripts/kconfig/conf.c), named by their command-line option. */
public enum ConfMode {
    OLDASKCONFIG("oldaskconfig"), SYNCCONFIG("syncconfig"), OLDCONFIG("oldconfig"),
    ALLNOCONFIG("allnoconfig"), ALLYESCONFIG("allyesconfig"), ALLMODCONFIG("allmodconfig"),
    ALLDEFCONFIG("alldefconfig"), RANDCONFIG("randconfig"), DEFCONFIG("defconfig"),
    SAVEDEFCONFIG("savedefconfig"), LISTNEWCONFIG("listnewconfig"), HELPNEWCONFIG("helpnewconfig"),
    OLDDEFCONFIG("olddefconfig"), YES2MODCONFIG("yes2modconfig"), MOD2YESCONFIG("mod2yesconfig"),
    MOD2NOCONFIG("mod2noconfig");

    private final String option;

    ConfMode(String option) {
        this.option = option;
    }

    /** The option name without dashes, e.g. "allnoconfig". */
    public String option() {
        return option;
    }

    public boolean takesFile() {
        return this == DEFCONFIG || this == SAVEDEFCONFIG;
    }

    /** The modes that start from KCONFIG_ALLCONFIG (allno/allyes/allmod/alldef/rand). */
    public boolean isAllConfig() {
        return this == ALLNOCONFIG || this == ALLYESCONFIG || this == ALLMODCONFIG || this == ALLDEFCONFIG
                || this == RANDCONFIG;
    }

    public static ConfMode fromOption(String option) {
        for (ConfMode m : values()) {
            if (m.option.equals(option)) {
                return m;
            }
        }
        return null;
    }
}
