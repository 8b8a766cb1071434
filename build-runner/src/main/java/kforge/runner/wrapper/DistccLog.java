package kforge.runner.wrapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distcc client's log (DISTCC_LOG): each compiler run ends with a line
 * "compile SOURCE on HOST completed ok" (SOURCE "(null)" when there was none to send), and a host that
 * fails gives "failed to distribute SOURCE to HOST, running locally instead".
 */
public final class DistccLog {
    /** The log kforge asks for in the out dir when the caller has not named one. */
    public static final String FILE = "kforge-distcc.log";

    private static final Pattern COMPLETED = Pattern.compile("\\] compile (\\S+) on (\\S+) completed ok$");
    private static final Pattern FALLBACK = Pattern.compile("\\] Warning: failed to distribute \\S+ to \\S+, running"
            + " locally instead$");

    private DistccLog() {
    }

    /** The compiles logged from offset on. */
    public static DistributedJobs count(Path log, long offset) throws IOException {
        return DistributedJobs.count(log, offset, DistccLog::count);
    }


    private static void count(String line, DistributedJobs.Counter counter) {
        Matcher done = COMPLETED.matcher(line);
        if (done.find()) {
            String source = done.group(1);
            String host = done.group(2);
            if (source.equals("(null)")) {
                counter.keptLocal();
            } else if (host.equals("localhost")) {
                counter.local();
            } else {
                counter.remote(host);
            }
        } else if (FALLBACK.matcher(line).find()) {
            counter.fallback();
        }
    }
}
