package kforge.runner.git;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * How the work tree differs from the checked-out commit, file by file (paths relative to the tree's top,
 * sorted). Untracked files do not count as uncommitted changes: checking out another commit keeps them,
 * and git refuses to overwrite them anyway.
 */
public record WorkTreeStatus(List<String> modified, List<String> added, List<String> removed,
                             List<String> conflicting, List<String> untracked) {
    /** How many paths a refusal names before it says "and N more": enough to recognise, short enough to read. */
    static final int NAMED_IN_MESSAGES = 10;

    public WorkTreeStatus {
        modified = List.copyOf(modified);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        conflicting = List.copyOf(conflicting);
        untracked = List.copyOf(untracked);
    }

    public boolean hasUncommittedChanges() {
        return !uncommitted().isEmpty();
    }

    /** Everything a checkout could lose: modified, added, removed and conflicting paths, sorted. */
    public List<String> uncommitted() {
        return Stream.of(modified, added, removed, conflicting).flatMap(List::stream).sorted().distinct().toList();
    }

    /** Whether nothing differs at all, untracked files included. */
    public boolean isClean() {
        return !hasUncommittedChanges() && untracked.isEmpty();
    }

    /** "a, b, c and 12 more": the uncommitted paths for a one-line message. */
    public String namedUncommitted() {
        return named(uncommitted());
    }

    static String named(List<String> paths) {
        List<String> shown = new ArrayList<>(paths.subList(0, Math.min(paths.size(), NAMED_IN_MESSAGES)));
        String text = String.join(", ", shown);
        int rest = paths.size() - shown.size();
        return rest > 0 ? text + " and " + rest + " more" : text;
    }
}
