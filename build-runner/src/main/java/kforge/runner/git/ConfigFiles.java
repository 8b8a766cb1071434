package kforge.runner.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Config texts as stored in git. They travel as ISO-8859-1 strings, one char per byte, so whatever bytes a
 * .config holds come back unchanged, as conf itself treats them.
 */
final class ConfigFiles {
    private ConfigFiles() {
    }

    static byte[] encode(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The blob at path in commit, or null when the commit has no such file. */
    static ObjectId blobAt(Repository repository, RevCommit commit, String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
            if (walk == null || !FileMode.REGULAR_FILE.equals(walk.getRawMode(0))) {
                return null;
            }
            return walk.getObjectId(0);
        }
    }

    /** The text at path in commit, or null when the commit has no such file. */
    static String read(Repository repository, RevCommit commit, String path) throws IOException {
        ObjectId blob = blobAt(repository, commit, path);
        return blob == null ? null : decode(repository.open(blob).getBytes());
    }
}
