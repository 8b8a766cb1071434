package kforge.runner.wrapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kforge.runner.record.BuildRecord;

/**
 * A compiler wrapper around one build: the make variables and environment it needs, and afterwards what
 * it did. distcc and icecream are asked to log to the out dir (unless the caller named a log), so the
 * record can say how many compiles left the machine; ccache's counters are read before and after.
 */
public final class WrapperRun {
    private final CompilerWrapper wrapper;
    private final Path outDir;
    private final Map<String, String> variables;
    private final Map<String, String> environment;
    private final String ccache;
    private final Path log;
    private long logStart;
    private CcacheStats ccacheBefore;

    private WrapperRun(CompilerWrapper wrapper, Path outDir, Map<String, String> variables,
                       Map<String, String> environment, String ccache, Path log) {
        this.wrapper = wrapper;
        this.outDir = outDir;
        this.variables = variables;
        this.environment = environment;
        this.ccache = ccache;
        this.log = log;
    }

    /**
     * Finds the wrapper's programs (an error names the package to install) and, for icecream with a cross
     * compiler and no ICECC_VERSION, makes the compiler environment it sends to other nodes.
     *
     * @param callerEnvironment the environment the build is started in
     */
    public static WrapperRun prepare(CompilerWrapper wrapper, String crossCompile, Path outDir,
                                     Map<String, String> callerEnvironment) throws InterruptedException {
        if (wrapper == CompilerWrapper.NONE) {
            return new WrapperRun(wrapper, outDir, Map.of(), Map.of(), null, null);
        }
        List<String> programs = wrapper.require(callerEnvironment);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("CC", programs.get(0) + " " + crossCompile + "gcc");
        if (wrapper == CompilerWrapper.CCACHE) {
            vars.put("HOSTCC", programs.get(0) + " gcc");
        } else if (crossCompile.isEmpty() || wrapper.caches()) {
            // Host programs (fixdep, conf, dtc) are few and small: they compile here, never on another
            // machine, also when CCACHE_PREFIX would send ccache's misses there.
            vars.put("HOSTCC", "gcc");
        }
        Map<String, String> env = new HashMap<>();
        String ccache = wrapper.caches() ? programs.get(0) : null;
        Path log = null;
        CompilerWrapper.Distributor distributor = wrapper.distributor().orElse(null);
        if (wrapper.caches() && distributor != null) {
            env.put("CCACHE_PREFIX", programs.get(1));
        }
        if (distributor == CompilerWrapper.Distributor.DISTCC) {
            log = logFile(callerEnvironment, "DISTCC_LOG", outDir.resolve(DistccLog.FILE));
            env.put("DISTCC_LOG", log.toString());
        } else if (distributor == CompilerWrapper.Distributor.ICECC) {
            log = logFile(callerEnvironment, "ICECC_LOGFILE", outDir.resolve(IcecreamLog.FILE));
            env.put("ICECC_LOGFILE", log.toString());
            // Only the debug level says which compiles the scheduler kept on this node.
            env.put("ICECC_DEBUG", "debug");
            if (!crossCompile.isEmpty() && !callerEnvironment.containsKey("ICECC_VERSION")) {
                env.put("ICECC_VERSION", IcecreamEnvironment.forCompiler(crossCompile + "gcc", callerEnvironment)
                        .toString());
            }
        }
        return new WrapperRun(wrapper, outDir, Map.copyOf(vars), Map.copyOf(env), ccache, log);
    }

    private static Path logFile(Map<String, String> callerEnvironment, String variable, Path ours) {
        String theirs = callerEnvironment.get(variable);
        return theirs != null && !theirs.isEmpty() ? Path.of(theirs) : ours;
    }

    /** CC (and HOSTCC) for make's command line. */
    public Map<String, String> makeVariables() {
        return variables;
    }

    /** The build's environment with what the wrapper needs added. */
    public Map<String, String> applyTo(Map<String, String> makeEnvironment) {
        Map<String, String> env = new HashMap<>(makeEnvironment);
        env.putAll(environment);
        return env;
    }

    /** Called just before make starts: where the log is now, and ccache's counters. */
    public void started(Map<String, String> makeEnvironment) throws InterruptedException {
        if (log != null) {
            try {
                logStart = Files.exists(log) ? Files.size(log) : 0;
            } catch (IOException e) {
                logStart = 0;
            }
        }
        if (ccache != null) {
            ccacheBefore = CcacheStats.read(ccache, makeEnvironment);
        }
    }

    /** What the wrapper did since {@link #started}, or null without a wrapper. */
    public BuildRecord.Wrapper finished(Map<String, String> makeEnvironment) throws InterruptedException {
        if (wrapper == CompilerWrapper.NONE) {
            return null;
        }
        CcacheStats ccacheDone = null;
        if (ccache != null && ccacheBefore != null) {
            CcacheStats after = CcacheStats.read(ccache, makeEnvironment);
            ccacheDone = after == null ? null : after.since(ccacheBefore);
        }
        CompilerWrapper.Distributor distributor = wrapper.distributor().orElse(null);
        if (distributor == null) {
            return new BuildRecord.Wrapper(null, List.of(), null, null, null, null, ccacheDone);
        }
        DistributedJobs jobs = countJobs(distributor);
        String logName = log.startsWith(outDir) ? outDir.relativize(log).toString() : log.toString();
        if (distributor == CompilerWrapper.Distributor.DISTCC) {
            DistccHosts hosts = DistccHosts.of(makeEnvironment);
            return new BuildRecord.Wrapper(distributor.program(), hosts.specs(), hosts.source(), jobs, logName, null,
                    ccacheDone);
        }
        return new BuildRecord.Wrapper(distributor.program(), List.of(), null, jobs, logName,
                makeEnvironment.get("ICECC_VERSION"), ccacheDone);
    }

    /** Null when the log cannot be read: the build itself is not at fault. */
    private DistributedJobs countJobs(CompilerWrapper.Distributor distributor) {
        try {
            return distributor == CompilerWrapper.Distributor.DISTCC ? DistccLog.count(log, logStart)
                    : IcecreamLog.count(log, logStart);
        } catch (IOException e) {
            return null;
        }
    }
}
