package kforge.runner.make;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import kforge.runner.record.BuildRecord;

/**
 * What Documentation/kbuild/reproducible-builds.rst says to fix so that two builds of one config give the
 * same image: the timestamp (SOURCE_DATE_EPOCH when the caller sets it, else the tree's HEAD commit date,
 * else the epoch, 1970-01-01), the user and host, and the source and output paths compiled into the objects.
 */
public final class ReproducibleBuild {
    /** The timestamp of a tree that is not a git work tree and comes without SOURCE_DATE_EPOCH. */
    public static final Instant FIXED_TIMESTAMP = Instant.EPOCH;
    public static final String USER = "kforge";
    public static final String HOST = "kforge";

    /** date -R's format: the kernel's scripts hand the timestamp to date -d, which reads it. */
    private static final DateTimeFormatter DATE_R =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final BuildRecord.Reproducible settings;

    private ReproducibleBuild(BuildRecord.Reproducible settings) {
        this.settings = settings;
    }

    /** The settings for a build of tree into outDir; the caller's own KBUILD_BUILD_* values are kept. */
    public static ReproducibleBuild of(Path tree, Path outDir, Map<String, String> environment) {
        String timestamp = environment.get("KBUILD_BUILD_TIMESTAMP");
        String source = "KBUILD_BUILD_TIMESTAMP";
        if (timestamp == null) {
            String epoch = environment.get("SOURCE_DATE_EPOCH");
            Instant commit = headCommitTime(tree);
            if (epoch != null && epoch.matches("[0-9]+")) {
                timestamp = DATE_R.format(Instant.ofEpochSecond(Long.parseLong(epoch)));
                source = "SOURCE_DATE_EPOCH";
            } else if (commit != null) {
                timestamp = DATE_R.format(commit);
                source = "git HEAD";
            } else {
                timestamp = DATE_R.format(FIXED_TIMESTAMP);
                source = "fixed";
            }
        }
        String prefixMap = "-ffile-prefix-map=" + tree.toAbsolutePath().normalize() + "/="
                + " -ffile-prefix-map=" + outDir.toAbsolutePath().normalize() + "/=";
        return new ReproducibleBuild(new BuildRecord.Reproducible(timestamp, source,
                environment.getOrDefault("KBUILD_BUILD_USER", USER),
                environment.getOrDefault("KBUILD_BUILD_HOST", HOST), prefixMap));
    }

    public BuildRecord.Reproducible settings() {
        return settings;
    }

    /** The environment make gets: the settings, with the prefix maps after any KCFLAGS/KAFLAGS given. */
    public Map<String, String> applyTo(Map<String, String> environment) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("KBUILD_BUILD_TIMESTAMP", settings.timestamp());
        env.put("KBUILD_BUILD_USER", settings.user());
        env.put("KBUILD_BUILD_HOST", settings.host());
        for (String flags : new String[] {"KCFLAGS", "KAFLAGS"}) {
            String given = environment.get(flags);
            env.put(flags, given == null || given.isBlank() ? settings.prefixMap() : given + " " + settings.prefixMap());
        }
        return env;
    }

    /** The commit time of HEAD when tree is the top of a git work tree, else null. */
    static Instant headCommitTime(Path tree) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setWorkTree(tree.toFile());
        builder.setGitDir(tree.resolve(".git").toFile());
        if (!builder.getGitDir().exists()) {
            return null;
        }
        try (Repository repository = builder.build(); RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve("HEAD");
            if (head == null) {
                return null;
            }
            RevCommit commit = walk.parseCommit(head);
            return Instant.ofEpochSecond(commit.getCommitTime());
        } catch (IOException e) {
            return null;
        }
    }
}
