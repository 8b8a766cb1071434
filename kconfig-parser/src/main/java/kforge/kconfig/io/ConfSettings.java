package kforge.kconfig.io;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import kforge.kconfig.lex.SourceResolver;

/**
 * What conf takes from its environment and working directory: the KCONFIG_* variables, the CONFIG_
 * prefix, where relative file names resolve, and whether messages are silenced (-s).
 */
public record ConfSettings(Map<String, String> environment, Path workingDirectory, Path srctree, boolean silent) {

    public String env(String name) {
        return environment.get(name);
    }

    /** The symbol prefix, "CONFIG_" unless the CONFIG_ variable says otherwise. */
    public String configPrefix() {
        String p = environment.get("CONFIG_");
        return p != null ? p : "CONFIG_";
    }

    /** KCONFIG_CONFIG, or ".config". */
    public String configName() {
        String name = environment.get("KCONFIG_CONFIG");
        return name != null ? name : ".config";
    }

    /** A path as conf would open it for writing: relative to the working directory. */
    public Path output(String name) {
        Path p = Path.of(name);
        return p.isAbsolute() || workingDirectory == null ? p : workingDirectory.resolve(p);
    }

    /** zconf_fopen for reading: the working directory first, then srctree. Null when missing. */
    public Path input(String name) {
        return new SourceResolver(workingDirectory, srctree).resolve(name);
    }

    /** The same settings with one more environment variable, e.g. a run's own KCONFIG_ALLCONFIG. */
    public ConfSettings withVariable(String name, String value) {
        Map<String, String> env = new HashMap<>(environment);
        env.put(name, value);
        return new ConfSettings(Map.copyOf(env), workingDirectory, srctree, silent);
    }

    public ConfSettings withSilent(boolean value) {
        return new ConfSettings(environment, workingDirectory, srctree, value);
    }
}
