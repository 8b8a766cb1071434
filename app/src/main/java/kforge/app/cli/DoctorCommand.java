package kforge.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import kforge.runner.host.BuildNeed;
import kforge.runner.host.BuildNeeds;
import kforge.runner.host.HostRequirements;
import kforge.runner.host.HostToolCheck;
import kforge.runner.host.HostToolResult;
import kforge.runner.toolchain.Toolchain;
import kforge.runner.toolchain.Toolchains;
import kforge.runner.wrapper.CompilerWrapper;
import kforge.runner.wrapper.WrapperCheck;
import kforge.kconfig.ConfigEngine;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.parse.ShellCommandListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * kforge doctor: can this machine build the kernel? The toolchains on PATH, and the host tools against
 * the minimums the tree itself documents (Documentation/process/changes.rst), and with --wrapper whether
 * distcc's hosts answer and compile, or a local icecream daemon runs. With --tree it also lists the
 * $(shell,...) commands the tree's Kconfig runs, without running them: every kforge command that reads the
 * tree runs them, as make does (scripts rely on it); only the editor asks first.
 */
@Command(name = "doctor", description = "Check the toolchains and the host tools a kernel build needs.")
public final class DoctorCommand implements Callable<Integer> {
    /** The tools every build runs; the others in changes.rst serve particular configurations. */
    private static final List<String> ESSENTIAL = List.of("gcc", "make", "ld", "flex", "bison", "bc", "perl");

    @Option(names = "--tree", paramLabel = "DIR", description = "Kernel tree whose documented minimums to check against.")
    Path tree;

    @Option(names = "--arch", paramLabel = "A", description = "With --tree: the ARCH whose Kconfig commands to list"
            + " (by default the host's, as make's).")
    String arch;

    @Option(names = "--cross-compile", paramLabel = "PREFIX", description = "The toolchain prefix the build will use.")
    String crossCompile;

    @Option(names = "--config", paramLabel = "FILE", description = "Also check what this .config needs from the host"
            + " (OpenSSL headers for module signing, libelf for objtool, pahole for BTF).")
    Path config;

    @Option(names = "--targets", split = ",", paramLabel = "T[,T...]", description = "With --config: the make targets"
            + " (uImage needs mkimage).")
    List<String> targets = List.of();

    @Option(names = "--wrapper", paramLabel = "WRAPPER", description = "Check this compiler wrapper too (ccache,"
            + " distcc, icecc, ccache+distcc, ccache+icecc): each distcc host is sent a one-line compile with the"
            + " --cross-compile compiler.")
    String wrapper;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> env = System.getenv();
        boolean ok = true;
        System.out.println("Toolchains on PATH:");
        List<Toolchain> found = Toolchains.find(env);
        for (Toolchain t : found) {
            System.out.println("  " + t.describe());
        }
        if (found.isEmpty()) {
            System.out.println("  none");
        }
        if (crossCompile != null) {
            try {
                System.out.println("CROSS_COMPILE=" + crossCompile + ": " + Toolchains.require(crossCompile, env).describe());
            } catch (KconfigException e) {
                System.out.println("CROSS_COMPILE=" + crossCompile + ": " + e.getMessage());
                ok = false;
            }
        }
        if (wrapper != null) {
            CompilerWrapper w = CompilerWrapper.parse(wrapper);
            System.out.println("Compiler wrapper " + w.label() + ":");
            for (WrapperCheck.Finding f : WrapperCheck.check(w, crossCompile == null ? "" : crossCompile, env)) {
                System.out.println("  " + (f.ok() ? "" : "FAIL: ") + f.message());
                ok &= f.ok();
            }
        }
        if (config != null) {
            System.out.println("Needs of " + config + ":");
            List<BuildNeed> needs = BuildNeeds.check(config, targets, env);
            for (BuildNeed need : needs) {
                System.out.println("  " + (need.present() ? "" : "FAIL: ") + need.describe());
                ok &= need.present();
            }
            if (needs.isEmpty()) {
                System.out.println("  nothing beyond the usual tools");
            }
        }
        if (tree == null) {
            System.out.println("Host tools: give --tree DIR to check them against that tree's documented minimums.");
            return ok ? 0 : 1;
        }
        ok &= listShellCommands(env);
        System.out.println("Host tools (" + tree.resolve(HostRequirements.CHANGES_RST) + "):");
        for (HostToolResult r : HostToolCheck.checkAll(HostRequirements.fromTree(tree), env)) {
            boolean essential = ESSENTIAL.contains(r.requirement().executable());
            if (!essential && r.status() == HostToolResult.Status.MISSING) {
                continue;  // needed only by configurations that use it; not worth a line each
            }
            String hint = r.debianPackage() != null ? " (apt-get install " + r.debianPackage() + ")" : "";
            System.out.println("  " + (r.ok() ? "" : essential ? "FAIL: " : "warning: ") + r.message() + hint);
            ok &= r.ok() || !essential;
        }
        return ok ? 0 : 1;
    }

    /**
     * The tree's Kconfig $(shell,...) commands by file, found without running them. Conf would run them in
     * the object tree; without O= that is the tree itself, which only matters to the commands, not the list.
     */
    private boolean listShellCommands(Map<String, String> env) {
        ShellCommandListing listing;
        try {
            listing = ConfigEngine.listShellCommands(tree, arch, crossCompile, tree, env);
        } catch (KconfigException e) {
            System.out.println("Shell commands the Kconfig runs: FAIL: " + e.getMessage());
            return false;
        }
        int n = listing.commands().size();
        System.out.println("Shell commands the Kconfig runs (" + n + ", each with the lines that call it; every"
                + " kforge command that reads the tree runs them, as make does; the editor asks first):");
        if (listing.isEmpty() && listing.stoppedBecause() == null) {
            System.out.println("  none");
        }
        for (String line : listing.describe()) {
            System.out.println("  " + line);
        }
        return true;
    }
}
