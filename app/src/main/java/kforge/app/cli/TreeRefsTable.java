package kforge.app.cli;

import java.io.PrintStream;
import java.util.List;

import kforge.runner.git.TreeRef;

/** Branches or tags as git branch -v lists them: a mark for the current one, name, commit, subject. */
final class TreeRefsTable {
    private TreeRefsTable() {
    }

    static void print(List<TreeRef> refs, PrintStream out) {
        int width = refs.stream().mapToInt(ref -> ref.name().length()).max().orElse(0);
        for (TreeRef ref : refs) {
            out.printf("%s %-" + width + "s  %s %s%n", ref.current() ? "*" : " ", ref.name(), ref.shortId(),
                    ref.subject());
        }
    }
}
