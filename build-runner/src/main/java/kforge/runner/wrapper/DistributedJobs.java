package kforge.runner.wrapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Where a build's compiler runs went, as the distributing client logged them.
 *
 * @param remote compiles that ran on another machine's daemon
 * @param local compiles of a source file that ran here: a "localhost" slot, or a fallback
 * @param fallbacks compiles that were meant for a host but ran here because it failed (included in local)
 * @param keptLocal compiler runs with no source file to send, which the client always keeps here: Kbuild's
 *                  $(CC) probes, preprocessing to stdout, links
 * @param byHost the remote compiles per host
 */
public record DistributedJobs(int remote, int local, int fallbacks, int keptLocal, Map<String, Integer> byHost) {
    public DistributedJobs {
        byHost = Map.copyOf(byHost);
    }

    /** Counts a client's log from offset on (what this build appended), line by line. */
    static DistributedJobs count(Path log, long offset, BiConsumer<String, Counter> countLine) throws IOException {
        Counter counter = new Counter();
        if (!Files.exists(log)) {
            return counter.jobs();
        }
        try (InputStream in = Files.newInputStream(log)) {
            in.skipNBytes(Math.min(offset, Files.size(log)));
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                countLine.accept(line, counter);
            }
        }
        return counter.jobs();
    }

    /** A counter to feed line by line. */
    static final class Counter {
        private int remote;
        private int local;
        private int fallbacks;
        private int keptLocal;
        private final Map<String, Integer> byHost = new TreeMap<>();

        void remote(String host) {
            remote++;
            byHost.merge(host, 1, Integer::sum);
        }

        void local() {
            local++;
        }

        void fallback() {
            fallbacks++;
        }

        void keptLocal() {
            keptLocal++;
        }

        DistributedJobs jobs() {
            return new DistributedJobs(remote, local, fallbacks, keptLocal, byHost);
        }
    }
}
