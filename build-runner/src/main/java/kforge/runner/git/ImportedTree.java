package kforge.runner.git;

import java.nio.file.Path;

/**
 * What a tarball import made.
 *
 * @param kernelVersion KERNELVERSION from the top Makefile, e.g. "6.1.158"
 * @param tag the tag on the commit, "v" and the version
 * @param files how many files (symlinks included) the commit holds
 */
public record ImportedTree(Path directory, String branch, String commitId, String kernelVersion, String tag,
                           int files) {
    public String shortId() {
        return CommitIds.abbreviate(commitId);
    }
}
