package kforge.runner.record;

import java.util.List;
import java.util.Optional;

import kforge.runner.artifact.Artifact;
import kforge.runner.diag.Diagnostic;

/**
 * What a build did, written as &lt;out&gt;/kforge-build.json: which tree, board, toolchain and config went
 * in, how each target ended and how long it took, the warnings and errors, and the verified artifacts.
 *
 * @param started ISO-8601 instant
 * @param diagnostics the distinct warnings and errors, in the order make printed them
 */
public record BuildRecord(String kforge, String started, double seconds, BuildStatus status, Tree tree, String board,
                          String arch, Toolchain toolchain, String compilerWrapper, int jobs, Config config,
                          List<TargetResult> targets, int warnings, int errors, List<Diagnostic> diagnostics,
                          List<Artifact> artifacts) {

    /** @param gitHead the commit checked out, or null when the tree is not a git work tree */
    public record Tree(String path, String kernelVersion, String gitHead) {
    }

    public record Toolchain(String prefix, String machine, String version) {
    }

    public record Config(String path, String sha256) {
    }

    public BuildRecord {
        targets = targets == null ? List.of() : List.copyOf(targets);
        diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }

    public Optional<TargetResult> target(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
