package kforge.kconfig.cache;

import java.util.List;
import java.util.Map;

import kforge.kconfig.diag.RecordingReporter;
import kforge.kconfig.lex.SourceResolver;
import kforge.kconfig.preprocess.Preprocessor;
import kforge.kconfig.preprocess.ShellCall;

/**
 * A parse remembered with everything it depended on: how each file name resolved (and what the file
 * was), the environment variables it looked up, the $(shell,...) commands it ran with their results,
 * and the messages it printed.
 */
public record CacheEntry(List<SourceResolver.Resolution> resolutions, Map<String, String> environmentQueried,
                         List<ShellCall> shellCalls, List<RecordingReporter.Message> messages, ModelSource model) {

    /** The encoded model, read only when needed: a cache hit starts the shell commands first. */
    @FunctionalInterface
    public interface ModelSource {
        byte[] bytes();

        static ModelSource of(byte[] bytes) {
            return () -> bytes;
        }
    }

    /** True when every name still resolves to the same, unchanged file. */
    public boolean filesUnchanged(SourceResolver resolver) {
        for (SourceResolver.Resolution r : resolutions) {
            if (!r.unchanged(resolver)) {
                return false;
            }
        }
        return true;
    }

    /** True when every environment variable the parse looked up still has the same value (or is still unset). */
    public boolean environmentUnchanged(Map<String, String> environment) {
        for (Map.Entry<String, String> e : environmentQueried.entrySet()) {
            if (!java.util.Objects.equals(e.getValue(), Preprocessor.getenv(environment, e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    public List<String> commands() {
        return shellCalls.stream().map(ShellCall::command).toList();
    }
}
