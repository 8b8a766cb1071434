package kforge.runner.patch;

import java.util.List;

/**
 * One patch applied (or unapplied), and what is worth telling about it.
 *
 * @param notes hunks that applied at an offset, "not a git repository: work tree only", and the like
 */
public record ApplyOutcome(AppliedPatch patch, List<String> notes) {
}
