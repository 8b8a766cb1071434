package kforge.kconfig.constructs;

import static kforge.kconfig.constructs.ConfPair.same;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KernelRelease;

/**
 * The lexer: backslash line continuation, comments, quoting, keywords as names, and the warnings conf's
 * lexer prints (ignored characters, multi-line strings, no newline at end of file).
 */
class LexicalTest {
    @TempDir
    Path dir;

    @Test
    void backslashContinuesALine() {
        same(dir, """
                config A
                    bool \\
                        "continued prompt"
                    default \\
                        y
                config B
                    bool "b"
                    depends on A && \\
                               !C
                    default y
                config C
                    bool "c"
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void continuationLineNumbersInWarnings() {
        // A property's warning names the line its statement started on, before the continuation.
        same(dir, """
                config A
                    bool "a" \\
                    if B
                    default y
                    select \\
                      I
                config B
                    def_bool y
                config I
                    int "i"
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void continuationInsideAnAssignmentIsNotJoined() {
        // An assignment's value is the raw rest of the line, backslash included.
        same(dir, """
                X := a \\
                $(info,[$(X)])
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void commentsAnywhere() {
        same(dir, """
                # leading comment
                config A # trailing comment
                    bool "a # not a comment" # comment
                    default y # default y
                    # indented comment
                config B
                    string "b"
                    default "#hash"
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void singleAndDoubleQuotes() {
        same(dir, """
                config A
                    string 'single "with double"'
                    default 'value'
                config B
                    string "double 'with single'"
                    default "it's"
                config C
                    string "escaped \\" quote and \\\\ backslash"
                    default "\\a\\b"
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void unsupportedCharacterIsIgnoredWithAWarning() {
        same(dir, """
                config A
                    bool "a" %
                    default y @
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void multiLineStringWarns() {
        same(dir, """
                config A
                    bool "unterminated
                    default y
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void missingNewlineAtEndOfFile() {
        same(dir, "config A\n    bool \"a\"\n    default y", ConfMode.ALLDEFCONFIG);
    }

    @Test
    void keywordsAsSymbolNamesAreNotAllowed() {
        // 'config on' is a syntax error in conf; both must reject it (messages may differ in wording).
        ConfPair.kconfig(dir, """
                config on
                    bool "on"
                """).run(ConfMode.ALLDEFCONFIG).assertSameConfig();
    }

    @Test
    void symbolNamesWithDigitsAndDashes() {
        same(dir, """
                config 64BIT
                    bool "64-bit"
                    default y
                config A-B
                    bool "dash"
                    default 64BIT
                config lower_case
                    bool "lower"
                    default y
                """, ConfMode.ALLDEFCONFIG);
    }

    @Test
    void tabsAndSpacesMixed() {
        same(dir, "config A\n \t bool \"a\"\n\t    default y\n\t\n  \nconfig B\n\tbool \"b\"\n",
                ConfMode.ALLDEFCONFIG);
    }

    @Test
    void crlfLineEndings() {
        // conf treats '\r' as an unsupported character, warning on each line.
        same(dir, "config A\r\n\tbool \"a\"\r\n\tdefault y\r\n", ConfMode.ALLDEFCONFIG);
    }

    @Test
    void unknownAttributeWord() {
        ConfPair.kconfig(dir, """
                config A
                    bool "a"
                    bogus_attribute
                config B
                    bool "b"
                """).run(ConfMode.ALLDEFCONFIG).assertSameConfig();
    }

    @Test
    void optionKeywordIsAKeywordOnlyBefore513() {
        String kconfig = """
                config A
                    bool "a"
                    option allnoconfig_y
                """;
        // Linux 6.1 no longer knows 'option': kforge rejects it as conf does, with the same words.
        ConfPair.Outcome conf = ConfPair.kconfig(dir.resolve("6.1"), kconfig).runSame(ConfMode.ALLNOCONFIG);
        assertEquals(1, conf.exit());
        assertTrue(conf.stderr().contains("Kconfig:3: unknown statement \"option\""), conf.stderr());

        // A 5.12 tree still has it: allnoconfig_y keeps the symbol on in allnoconfig.
        ConfPair.Outcome older = ConfPair.kconfig(dir.resolve("5.12"), kconfig)
                .dialect(Dialect.of(KernelRelease.parse("5.12"))).runKforge(ConfMode.ALLNOCONFIG);
        assertEquals(0, older.exit(), older.stderr());
        assertTrue(older.has("CONFIG_A=y"), older.config());
    }
}
