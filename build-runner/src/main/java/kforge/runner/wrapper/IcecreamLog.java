package kforge.runner.wrapper;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The icecream client's log (ICECC_LOGFILE at ICECC_DEBUG=debug). A compile the scheduler sent to another
 * node logs "&lt;send compile_file&gt;"; one it gave this node logs "building myself, but telling
 * localhost"; a run icecc never offers to the scheduler (no -c, preprocessing, assembler) logs
 * "&lt;building_local&gt;", as does a remote compile that had to be redone here ("local build forced").
 */
public final class IcecreamLog {
    /** The log kforge asks for in the out dir when the caller has not named one. */
    public static final String FILE = "kforge-icecc.log";

    private IcecreamLog() {
    }

    /** The compiles logged from offset on. */
    public static DistributedJobs count(Path log, long offset) throws IOException {
        return DistributedJobs.count(log, offset, IcecreamLog::count);
    }

    private static void count(String line, DistributedJobs.Counter counter) {
        if (line.endsWith(": <send compile_file>")) {
            counter.remote("scheduled");
        } else if (line.endsWith(": building myself, but telling localhost")) {
            counter.local();
        } else if (line.contains(": local build forced")) {
            counter.fallback();
        } else if (line.endsWith(": <building_local>")) {
            counter.keptLocal();
        }
    }
}

