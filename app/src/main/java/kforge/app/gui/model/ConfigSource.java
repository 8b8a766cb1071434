package kforge.app.gui.model;

/** Where a build's .config comes from; whichever it is ends up as the out dir's .config. */
public enum ConfigSource {
    /** Made from the board profile's defconfig and fragments, as "kforge config --board" makes it. */
    BOARD_PROFILE,
    /** What the editor would save now, unsaved changes included: the user builds what they see. */
    EDITOR,
    /** A .config file the user picks, as "kforge build --config FILE". */
    FILE
}
