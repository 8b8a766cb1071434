package kforge.kconfig.constructs;

import static kforge.kconfig.constructs.ConfPair.same;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.conf.ConfMode;

/**
 * help blocks, as conf's lexer reads them: the first line's indentation (tabs to the next multiple of 8)
 * is the block's, deeper lines keep the difference as spaces, trailing blanks go, and the block ends at
 * the first non-empty line indented less. helpnewconfig prints each new symbol's help, so the text is
 * compared byte for byte.
 */
class HelpTextTest {
    @TempDir
    Path dir;

    @Test
    void tabIndentedHelp() {
        ConfPair.Outcome conf = same(dir, """
                config A
                \tbool "a"
                \thelp
                \t  First line.
                \t  Second line.

                \t  After a blank line.
                """, ConfMode.HELPNEWCONFIG);

        assertTrue(conf.stdout().contains("First line.\nSecond line.\n\nAfter a blank line.\n"), conf.stdout());
    }

    @Test
    void deeperLinesKeepTheirExtraIndentationAsSpaces() {
        same(dir, """
                config A
                \tbool "a"
                \thelp
                \t  Base.
                \t    Two more.
                \t\t  A tab deeper.
                \t\t\t\t  Several tabs deeper (over 8 columns).
                \t  Base again.
                """, ConfMode.HELPNEWCONFIG);
    }

    @Test
    void spaceIndentedHelp() {
        same(dir, """
                config A
                    bool "a"
                    help
                      Spaces only.
                         Three more.
                config B
                    bool "b"
                """, ConfMode.HELPNEWCONFIG);
    }

    @Test
    void trailingBlanksAreTrimmed() {
        same(dir, """
                config A
                \tbool "a"
                \thelp
                \t  Trailing spaces.   \s
                \t  Trailing tab.\t
                """, ConfMode.HELPNEWCONFIG);
    }

    @Test
    void helpEndsAtALessIndentedLine() {
        // The less indented line is parsed as Kconfig again: here another attribute of the same symbol.
        same(dir, """
                config A
                \tbool "a"
                \thelp
                \t  Indented help.
                \tdefault y
                config B
                \tbool "b"
                """, ConfMode.HELPNEWCONFIG);
    }

    @Test
    void firstLineSetsTheIndentation() {
        // A first line indented deeper than the rest: a shallower line ends the help and is parsed again.
        same(dir, """
                config A
                \tbool "a"
                \thelp
                \t      Deep first line.
                \t  default y
                config B
                \tbool "b"
                """, ConfMode.HELPNEWCONFIG);
    }

    @Test
    void blankLinesBeforeTheTextAndAtTheEnd() {
        same(dir, """
                config A
                \tbool "a"
                \thelp

                \t  Text after a blank line.



                config B
                \tbool "b"
                \thelp
                \t  B's help.
                """, ConfMode.HELPNEWCONFIG);
    }

    @Test
    void emptyHelp() {
        same(dir, """
                config A
                \tbool "a"
                \thelp
                config B
                \tbool "b"
                \thelp
                """, ConfMode.HELPNEWCONFIG);
    }

    @Test
    void helpWithKeywordsAndSpecialCharacters() {
        // Help text is raw: keywords, quotes, '#' and backslashes are not interpreted.
        same(dir, """
                config A
                \tbool "a"
                \thelp
                \t  config B, "quoted", 'single' # not a comment
                \t  backslash \\ at the end \\
                \t  endmenu
                """, ConfMode.HELPNEWCONFIG);
    }

    @Test
    void helpOnChoiceMenuAndComment() {
        same(dir, """
                choice
                \tprompt "pick"
                \thelp
                \t  Choice help.
                config C1
                \tbool "c1"
                \thelp
                \t  Entry help.
                config C2
                \tbool "c2"
                endchoice
                """, ConfMode.HELPNEWCONFIG);
    }

    @Test
    void helpOfASymbolDefinedTwice() {
        // Each definition may carry help; conf shows the one of the menu entry being asked.
        same(dir, """
                config A
                \tbool "a"
                \thelp
                \t  First definition.
                menu "m"
                config A
                \tbool "a again"
                \thelp
                \t  Second definition.
                endmenu
                """, ConfMode.HELPNEWCONFIG);
    }

    @Test
    void helpAtEndOfFileWithoutNewline() {
        same(dir, "config A\n\tbool \"a\"\n\thelp\n\t  Last line without newline", ConfMode.HELPNEWCONFIG);
    }

    @Test
    void helpAskedInOldconfig() {
        // Answering '?' prints the help, then the question is asked again.
        ConfPair.kconfig(dir, """
                config A
                \tbool "a"
                \tdepends on B
                \thelp
                \t  Help for A.
                config B
                \tdef_bool y
                """).stdin("?\ny\n").runSame(ConfMode.OLDCONFIG);
    }

    /**
     * The rest of conf's help output (menu_get_ext_help): Symbol/Type/Range lines, each definition with its
     * prompt, "Depends on" and "Visible if" after menu_finalize propagated every menu/if dependency, a
     * Location path cut to 8 levels, Selects/Implies and "Selected by [y/m/n]" / "Implied by" lists.
     */
    @Test
    void symbolInformationForNewSymbols() {
        ConfPair.kconfig(dir, ConfPair.resource("symbol_info.Kconfig")).runSame(ConfMode.HELPNEWCONFIG);
    }

    @Test
    void symbolInformationWithValuesFromDotConfig() {
        // With these values the deeply nested symbols become visible, so their help is printed too.
        ConfPair.kconfig(dir, ConfPair.resource("symbol_info.Kconfig")).dotConfig("""
                CONFIG_A=y
                CONFIG_B=m
                CONFIG_C=4
                CONFIG_D=0x11
                CONFIG_S="a\\"b"
                CONFIG_X=y
                """).runSame(ConfMode.HELPNEWCONFIG);
    }

}
