package kforge.runner.make;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import kforge.runner.record.BuildRecord;
import kforge.runner.record.TreeIdentity;

/**
 * What Documentation/kbuild/reproducible-builds.rst says to fix so that two builds of one config give the
 * same image: the timestamp (SOURCE_DATE_EPOCH when the caller sets it, else the time of the HEAD commit
 * the record names as the tree's, else the epoch, 1970-01-01), the user and host, and the source and
 * output paths compiled into the objects.
 */
public final class ReproducibleBuild {
    /** The timestamp of a tree that is in no git repository and comes without SOURCE_DATE_EPOCH. */
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
            Instant commit = TreeIdentity.head(tree).map(TreeIdentity.Head::commitTime).orElse(null);
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
}
