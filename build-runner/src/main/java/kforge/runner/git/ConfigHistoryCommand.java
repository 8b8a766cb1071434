package kforge.runner.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;

import kforge.kconfig.diag.KconfigException;

/**
 * The commits that changed a board's saved defconfig, newest first: from the checked-out commit for a
 * defconfig in the tree, from the configs branch's tip for one kept there.
 */
public final class ConfigHistoryCommand {
    private final KernelTree tree;
    private ConfigPlace place;

    ConfigHistoryCommand(KernelTree tree) {
        this.tree = tree;
    }

    public ConfigHistoryCommand setPlace(ConfigPlace place) {
        this.place = place;
        return this;
    }

    /** Empty when nothing was saved for the board yet. */
    public List<ConfigRevision> call() {
        if (place == null) {
            throw new IllegalStateException("setPlace was not called");
        }
        ObjectId start = start();
        if (start == null) {
            return List.of();
        }
        List<ConfigRevision> revisions = new ArrayList<>();
        try {
            for (RevCommit commit : tree.git().log().add(start).addPath(place.path()).call()) {
                revisions.add(ConfigRevision.of(commit));
            }
        } catch (GitAPIException | IOException e) {
            throw GitFailure.of("read the history of " + place.describe() + " in " + tree.directory(), e);
        }
        return revisions;
    }

    private ObjectId start() {
        String ref = place.isOnConfigsBranch() ? Constants.R_HEADS + place.branch() : Constants.HEAD;
        try {
            ObjectId id = tree.repository().resolve(ref);
            if (id == null && place.isOnConfigsBranch()) {
                throw new KconfigException("there is no branch " + place.branch() + " in " + tree.directory()
                        + ": no config was saved on it yet");
            }
            return id;
        } catch (IOException e) {
            throw GitFailure.of("resolve " + ref + " in " + tree.directory(), e);
        }
    }
}
