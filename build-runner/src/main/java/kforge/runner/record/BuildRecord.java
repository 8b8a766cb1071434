package kforge.runner.record;

import java.util.List;
import java.util.Optional;

import kforge.runner.artifact.Artifact;
import kforge.runner.diag.Diagnostic;
import kforge.runner.wrapper.CcacheStats;
import kforge.runner.wrapper.DistributedJobs;

/**
 * What a build did, written as &lt;out&gt;/kforge-build.json: which tree, board, toolchain and config went
 * in, how each target ended and how long it took, the warnings and errors, and the verified artifacts.
 *
 * @param started ISO-8601 instant
 * @param diagnostics the distinct warnings and errors, in the order make printed them
 * @param configWarnings the board's own .config lines this tree could not give, and why
 * @param reproducible what made the build reproducible, or null when it was turned off
 * @param boot how the boot test of this build ended, or null when it was not booted
 * @param wrapper what the compiler wrapper did, or null without one
 */
public record BuildRecord(String kforge, String started, double seconds, BuildStatus status, Tree tree, String board,
                          String arch, Toolchain toolchain, String compilerWrapper, int jobs, Config config,
                          List<TargetResult> targets, int warnings, int errors, List<Diagnostic> diagnostics,
                          List<Artifact> artifacts, List<String> configWarnings, Reproducible reproducible,
                          Boot boot, Wrapper wrapper) {

    /** @param gitHead the commit checked out, or null when the tree is not a git work tree */
    public record Tree(String path, String kernelVersion, String gitHead) {
    }

    public record Toolchain(String prefix, String machine, String version) {
    }

    public record Config(String path, String sha256) {
    }

    /**
     * The variables that fix what a build would otherwise take from the clock, the user and the host.
     *
     * @param timestampSource where the timestamp came from: "KBUILD_BUILD_TIMESTAMP" (the caller's own),
     *                        "SOURCE_DATE_EPOCH", "git HEAD" or "fixed"
     * @param prefixMap the -ffile-prefix-map options added to KCFLAGS and KAFLAGS, which take the tree's and
     *                  the out dir's paths out of the objects
     */
    public record Reproducible(String timestamp, String timestampSource, String user, String host,
                               String prefixMap) {
    }

    /**
     * @param status PASS when the marker came within the timeout
     * @param seconds from the start to the marker, or to the end of a boot without it
     * @param console the console log, relative to the out dir
     * @param detail why a boot that did not pass ended, or null
     */
    public record Boot(BuildStatus status, double seconds, String console, String marker, List<String> command,
                       String detail) {
    }

    /**
     * What the compiler wrapper did (compilerWrapper names it).
     *
     * @param distributor "distcc" or "icecc", or null for ccache alone
     * @param hosts distcc's host list as distcc read it
     * @param hostsSource where that list came from: DISTCC_HOSTS or a hosts file
     * @param jobs where the compiles went, counted from the client's log
     * @param log the client's log, relative to the out dir when it is in it
     * @param icecreamEnvironment the ICECC_VERSION sent to other nodes
     * @param ccache what ccache did in this build, or null without it
     */
    public record Wrapper(String distributor, List<String> hosts, String hostsSource, DistributedJobs jobs, String log,
                          String icecreamEnvironment, CcacheStats ccache) {
        public Wrapper {
            hosts = hosts == null ? List.of() : List.copyOf(hosts);
        }

        /** One line for a person: where the compiles went, and ccache's hits. */
        public String summary() {
            StringBuilder text = new StringBuilder();
            if (distributor != null) {
                text.append(distributor).append(": ");
                if (jobs == null) {
                    text.append("no count (").append(log).append(" unreadable)");
                } else {
                    text.append(jobs.remote()).append(" compile(s) went out");
                    if (!jobs.byHost().isEmpty() && distributor.equals("distcc")) {
                        text.append(" ").append(jobs.byHost());
                    }
                    text.append(", ").append(jobs.local()).append(" ran here (").append(jobs.fallbacks())
                            .append(" after a host failed), ").append(jobs.keptLocal())
                            .append(" other compiler run(s) stayed here");
                }
                if (distributor.equals("distcc")) {
                    text.append(hosts.isEmpty() ? "; no host list, so distcc compiled everything here"
                            : "; hosts " + String.join(" ", hosts) + " from " + hostsSource);
                }
            }
            if (ccache != null) {
                text.append(text.length() > 0 ? "; " : "").append("ccache: ").append(ccache.hits()).append(" hit(s), ")
                        .append(ccache.misses()).append(" miss(es)");
            }
            return text.toString();
        }
    }

    public BuildRecord {
        configWarnings = configWarnings == null ? List.of() : List.copyOf(configWarnings);
        targets = targets == null ? List.of() : List.copyOf(targets);
        diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }

    /** This record with a boot result. */
    public BuildRecord withBoot(Boot result) {
        return new BuildRecord(kforge, started, seconds, status, tree, board, arch, toolchain, compilerWrapper, jobs,
                config, targets, warnings, errors, diagnostics, artifacts, configWarnings, reproducible, result,
                wrapper);
    }

    public Optional<TargetResult> target(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
