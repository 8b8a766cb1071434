package kforge.runner.git;

import java.io.IOException;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A commit that changes one file of its parent's tree, made from objects alone: no index file, work tree
 * or HEAD is read or written, so it can go onto a branch that is not checked out.
 */
final class OneFileCommit {
    private OneFileCommit() {
    }

    /**
     * Inserts the commit (flushed, so a ref may point to it at once) and returns its id.
     *
     * @param parent the commit to build on, or null for a branch's first commit, whose tree holds path alone
     */
    static ObjectId insert(Repository repository, RevCommit parent, String path, byte[] content, PersonIdent who,
                           String message) throws IOException {
        try (ObjectInserter inserter = repository.newObjectInserter();
             ObjectReader reader = repository.newObjectReader()) {
            DirCache files = parent == null ? DirCache.newInCore() : DirCache.read(reader, parent.getTree());
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, content);
            DirCacheEditor editor = files.editor();
            editor.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.REGULAR_FILE);
                    entry.setObjectId(blob);
                }
            });
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(files.writeTree(inserter));
            if (parent != null) {
                commit.setParentId(parent);
            }
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message.endsWith("\n") ? message : message + "\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }
}
