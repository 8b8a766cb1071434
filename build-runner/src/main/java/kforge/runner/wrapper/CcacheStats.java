package kforge.runner.wrapper;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kforge.runner.process.HelperCommand;

/** ccache's counters (ccache --print-stats), read before and after a build to say what it did. */
public record CcacheStats(long hits, long misses) {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The cache's counters now, in this environment (CCACHE_DIR picks the cache); null when unreadable. */
    public static CcacheStats read(String ccache, Map<String, String> environment) throws InterruptedException {
        try {
            HelperCommand.Result result = HelperCommand.run(List.of(ccache, "--print-stats"), null, environment,
                    TIMEOUT);
            return result.succeeded() ? parse(result.output()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    static CcacheStats parse(String printStats) {
        Map<String, Long> counters = new HashMap<>();
        for (String line : printStats.split("\n")) {
            String[] fields = line.split("\t");
            if (fields.length == 2 && fields[1].strip().matches("\\d+")) {
                counters.put(fields[0].strip(), Long.parseLong(fields[1].strip()));
            }
        }
        long hits = counters.getOrDefault("direct_cache_hit", 0L) + counters.getOrDefault("preprocessed_cache_hit", 0L);
        return new CcacheStats(hits, counters.getOrDefault("cache_miss", 0L));
    }

    /** What happened between the two readings. */
    public CcacheStats since(CcacheStats before) {
        return new CcacheStats(hits - before.hits, misses - before.misses);
    }
}
