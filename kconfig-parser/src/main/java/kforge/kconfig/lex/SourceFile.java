package kforge.kconfig.lex;

import java.nio.file.Path;

/** One Kconfig file being read: its text, the read position and line, and who included it. */
final class SourceFile {
    final String name;
    final Path path;
    final String text;
    final SourceFile parent;
    int pos;
    int line = 1;
    /** conf's file->lineno: this file's line counter when it sourced its child, for the inclusion path. */
    int lineInParent;
    /** The line of the source statement with which this file sourced its child (6.9's buffer line). */
    int sourceLineInParent;

    SourceFile(String name, Path path, String text, SourceFile parent) {
        this.name = name;
        this.path = path;
        this.text = text;
        this.parent = parent;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    char peek() {
        return text.charAt(pos);
    }

    char peek(int offset) {
        int i = pos + offset;
        return i < text.length() ? text.charAt(i) : 0;
    }

    int lineEnd() {
        int i = text.indexOf('\n', pos);
        return i < 0 ? text.length() : i;
    }
}
