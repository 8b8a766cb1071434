package kforge.kconfig.ast;

import java.util.List;

import kforge.kconfig.diag.SourceLocation;

/** A statement of a Kconfig file, in file order; blocks hold their statements. */
public sealed interface Entry {
    SourceLocation location();

    /**
     * A config or menuconfig entry. {@code endLocation} is where the entry was seen to end: the start of
     * the next statement, which is where conf reports problems it finds only once the entry is complete.
     */
    record Config(SourceLocation location, String name, boolean menuconfig, List<Option> options,
                  SourceLocation endLocation) implements Entry {
    }

    /** A choice; name is null for the usual unnamed choice. */
    record Choice(SourceLocation location, String name, List<Option> options, List<Entry> body, End end)
            implements Entry {
    }

    record Menu(SourceLocation location, String title, List<Option> options, List<Entry> body, End end)
            implements Entry {
    }

    record If(SourceLocation location, ExprNode condition, List<Entry> body, End end) implements Entry {
    }

    record Comment(SourceLocation location, String text, List<Option> options) implements Entry {
    }

    /** Where another file's statements were spliced in; they follow this entry directly. */
    record Source(SourceLocation location, String path) implements Entry {
    }

    /** A preprocessor variable assignment (already carried out while scanning). */
    record Assignment(SourceLocation location, String name, String operator, String value) implements Entry {
    }

    /** The endmenu/endchoice/endif that closed a block; keyword is "menu", "choice" or "if". */
    /** An end statement; {@code afterFileEnded} when its line was the file's last, without a newline. */
    record End(SourceLocation location, String keyword, boolean afterFileEnded) {
    }
}
