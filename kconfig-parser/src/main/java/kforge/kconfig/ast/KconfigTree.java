package kforge.kconfig.ast;

import java.util.List;

import kforge.kconfig.diag.SourceLocation;

/** The whole parsed Kconfig, all sourced files spliced in: the optional mainmenu and the statements. */
public record KconfigTree(String mainmenu, SourceLocation mainmenuLocation, List<Entry> entries) {
}
