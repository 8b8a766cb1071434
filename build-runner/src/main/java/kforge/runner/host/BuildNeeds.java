package kforge.runner.host;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import kforge.runner.config.ConfigValues;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.env.ExecutableSearch;

/**
 * What a given .config and target list need from the host that Documentation/process/changes.rst lists
 * only as "if you use it": checked before make starts, so a missing header is one clear line instead of
 * a failure deep in the build.
 */
public final class BuildNeeds {
    /** CONFIG_ symbol (without prefix) → what it makes the build compile or run. */
    private record Rule(String symbol, String builds, String what, boolean header, String debianPackage) {
    }

    private static final List<Rule> CONFIG_RULES = List.of(
            new Rule("MODULE_SIG_FORMAT", "scripts/sign-file", "openssl/opensslv.h", true, "libssl-dev"),
            new Rule("SYSTEM_TRUSTED_KEYRING", "certs/extract-cert", "openssl/opensslv.h", true, "libssl-dev"),
            new Rule("OBJTOOL", "tools/objtool", "gelf.h", true, "libelf-dev"),
            new Rule("DEBUG_INFO_BTF", "BTF type information", "pahole", false, "dwarves"));

    private BuildNeeds() {
    }

    /**
     * Everything the .config and the targets need, each marked present or not. The headers are looked for
     * with the host compiler (HOSTCC from the environment, else gcc), as the kernel's host programs will be.
     */
    public static List<BuildNeed> check(Path dotConfig, List<String> targets, Map<String, String> environment) {
        Map<String, String> config = ConfigValues.read(dotConfig);
        List<BuildNeed> needs = new ArrayList<>();
        Map<String, Boolean> checked = new HashMap<>();
        for (Rule rule : CONFIG_RULES) {
            if ("y".equals(config.get(rule.symbol()))) {
                boolean present = checked.computeIfAbsent(rule.what(), w -> isPresent(rule, environment));
                needs.add(new BuildNeed("CONFIG_" + rule.symbol() + "=y builds " + rule.builds(), rule.what(),
                        rule.header(), rule.debianPackage(), present));
            }
        }
        if (targets.contains("uImage")) {
            needs.add(new BuildNeed("target uImage wraps the zImage for U-Boot", "mkimage", false, "u-boot-tools",
                    ExecutableSearch.find("mkimage", environment).isPresent()));
        }
        return needs;
    }

    /** The needs that are missing, as one message; null when nothing is. */
    public static String missing(List<BuildNeed> needs) {
        List<String> lines = new ArrayList<>();
        for (BuildNeed need : needs) {
            if (!need.present()) {
                lines.add("  " + need.describe());
            }
        }
        return lines.isEmpty() ? null : "this build needs what the host lacks:\n" + String.join("\n", lines);
    }

    private static boolean isPresent(Rule rule, Map<String, String> environment) {
        return rule.header() ? headerCompiles(rule.what(), environment)
                : ExecutableSearch.find(rule.what(), environment).isPresent();
    }

    private static boolean headerCompiles(String header, Map<String, String> environment) {
        String hostcc = environment.getOrDefault("HOSTCC", "gcc");
        ProcessBuilder builder = new ProcessBuilder(hostcc, "-E", "-x", "c", "-include", header, "-o", "/dev/null",
                "/dev/null")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KconfigException("interrupted while checking for <" + header + ">");
        }
    }
}
