package kforge.runner.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kforge.kconfig.diag.KconfigException;

/**
 * The configuration targets arch/$(SRCARCH)/Makefile makes itself instead of shipping a file in
 * arch/$(SRCARCH)/configs: mips's generic {@code 32r2el_defconfig} and friends, the merged defconfigs of
 * powerpc, arm and arm64 ({@code $(call merge_into_defconfig,BASE,FRAGMENTS)}), and targets that are only
 * other targets in a row (riscv's {@code rv32_defconfig}). Make takes these explicit rules before the
 * pattern rules of scripts/kconfig/Makefile, and so does kforge.
 */
public final class GeneratedDefconfigs {
    /** How the arch Makefile makes one target. Paths are relative to the source tree. */
    public sealed interface Recipe {
    }

    /** merge_config.sh -m BASE FRAGMENTS..., then olddefconfig; warnOverrides is false for the script's -Q. */
    public record Merged(String base, List<String> fragments, boolean warnOverrides) implements Recipe {
    }

    /**
     * arch/mips/Makefile's generic defconfigs: generic_defconfig with the ISA and endian fragments, then each
     * board fragment whose "# require" lines the result meets (arch/mips/tools/generic-board-config.sh).
     *
     * @param boards the BOARDS given on make's command line, or empty for every board-*.config
     */
    public record MipsGeneric(String base, List<String> fragments, List<String> boards) implements Recipe {
    }

    /** Other targets made in order, as {@code $(MAKE) -f $(srctree)/Makefile T...} or prerequisites alone. */
    public record Targets(List<String> targets) implements Recipe {
    }

    /** {@code $(MAKE) KCONFIG_ALLCONFIG=FILE -f $(srctree)/Makefile MODE}: a conf mode seeded with a fragment. */
    public record SeededMode(String allconfig, String mode) implements Recipe {
    }

    /** A target the arch Makefile refuses (echoes why, then fails), like mips's generic_defconfig. */
    public record Refused(String why) implements Recipe {
    }

    /** A target whose recipe kforge does not reproduce; making it is an error rather than a guess. */
    public record Unsupported(String why) implements Recipe {
    }

    private static final Pattern RULE = Pattern.compile("^([A-Za-z0-9_.+-]+config)\\s*:(?![=:])\\s*(.*)$");
    private static final Pattern MERGE_CALL =
            Pattern.compile("^\\+?\\$\\(call merge_into_defconfig(_override)?,([^,]*),([^)]*)\\)$");
    private static final Pattern MAKE_CALL = Pattern.compile("^\\+?\\$\\(Q\\)\\$\\(MAKE\\) -f \\$\\(srctree\\)/Makefile\\s+(.*)$");
    private static final Pattern MIPS_GENERIC =
            Pattern.compile("^\\$\\(eval \\$\\(call gen_generic_defconfigs,([^,]*),([^,]*),([^)]*)\\)\\)$");
    private static final Pattern MIPS_LEGACY = Pattern.compile("^([A-Za-z0-9_]+_defconfig)-y\\s*:=\\s*(\\S+)\\s+BOARDS=(.*)$");
    private static final Pattern SEEDED_MAKE = Pattern.compile(
            "^\\$\\(Q\\)\\$\\(MAKE\\) KCONFIG_ALLCONFIG=\\$\\(srctree\\)/(\\S+)\\s+-f \\$\\(srctree\\)/Makefile\\s+([a-z0-9]+config)$");
    private static final Pattern ECHO = Pattern.compile("^\\$\\(Q\\)echo \"(.*)\"$");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.+-]+config");

    private final String configsDir;
    private final Map<String, Recipe> recipes = new LinkedHashMap<>();

    private GeneratedDefconfigs(String srcArch) {
        this.configsDir = "arch/" + srcArch + "/configs/";
    }

    /** The generated targets of the tree's arch/$(SRCARCH)/Makefile (none when it has no Makefile). */
    public static GeneratedDefconfigs of(Path srctree, String srcArch) {
        GeneratedDefconfigs found = new GeneratedDefconfigs(srcArch);
        Path makefile = srctree.resolve("arch").resolve(srcArch).resolve("Makefile");
        if (Files.isRegularFile(makefile)) {
            found.read(logicalLines(makefile));
        }
        return found;
    }

    public Optional<Recipe> recipe(String target) {
        return Optional.ofNullable(recipes.get(target));
    }

    private void read(List<String> lines) {
        Map<String, MipsGeneric> mipsGeneric = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher generic = MIPS_GENERIC.matcher(line.strip());
            if (generic.matches()) {
                mipsGeneric.putAll(mipsGenericTargets(words(generic.group(1)), words(generic.group(2)),
                        words(generic.group(3))));
                continue;
            }
            Matcher rule = RULE.matcher(line);
            if (!rule.matches()) {
                continue;
            }
            List<String> recipe = new ArrayList<>();
            for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("\t"); j++) {
                recipe.add(lines.get(j).strip());
            }
            recipes.putIfAbsent(rule.group(1), recipeOf(rule.group(1), words(rule.group(2)), recipe));
        }
        recipes.putAll(mipsGeneric);
        for (String line : lines) {
            Matcher legacy = MIPS_LEGACY.matcher(line.strip());
            if (legacy.matches() && mipsGeneric.containsKey(legacy.group(2))) {
                MipsGeneric of = mipsGeneric.get(legacy.group(2));
                recipes.put(legacy.group(1), new MipsGeneric(of.base(), of.fragments(), words(legacy.group(3))));
            }
        }
    }

    private Recipe recipeOf(String target, List<String> prerequisites, List<String> recipe) {
        if (recipe.isEmpty()) {
            if (!prerequisites.isEmpty() && prerequisites.stream().allMatch(p -> PLAIN_NAME.matcher(p).matches())) {
                return new Targets(prerequisites);
            }
            return new Unsupported(target + " has no recipe in arch Makefile that kforge can follow");
        }
        Matcher merge = MERGE_CALL.matcher(recipe.get(0));
        if (recipe.size() == 1 && merge.matches()) {
            List<String> fragments = new ArrayList<>();
            for (String name : words(merge.group(3))) {
                fragments.add(configsDir + name + ".config");
            }
            return new Merged(configsDir + merge.group(2).strip(), fragments, merge.group(1) == null);
        }
        Matcher seeded = SEEDED_MAKE.matcher(recipe.get(0));
        if (recipe.size() == 1 && seeded.matches()) {
            return new SeededMode(seeded.group(1), seeded.group(2));
        }
        if (recipe.get(recipe.size() - 1).equals("$(Q)false")) {
            StringBuilder said = new StringBuilder();
            for (String line : recipe) {
                Matcher echo = ECHO.matcher(line);
                if (echo.matches() && !echo.group(1).isBlank()) {
                    said.append(said.length() > 0 ? " " : "").append(echo.group(1));
                }
            }
            return new Refused(target + ": " + (said.length() > 0 ? said : "the arch Makefile refuses to make it"));
        }
        List<String> targets = new ArrayList<>();
        for (String line : recipe) {
            Matcher make = MAKE_CALL.matcher(line);
            if (!make.matches() || make.group(1).contains("$") || make.group(1).contains("=")) {
                return new Unsupported(target + " is made by a recipe in the arch Makefile that kforge does not"
                        + " reproduce: " + line);
            }
            targets.addAll(words(make.group(1)));
        }
        return new Targets(targets);
    }

    /** gen_generic_defconfigs: one target per bits, revision and endianness, e.g. 32r2el_defconfig. */
    private Map<String, MipsGeneric> mipsGenericTargets(List<String> bits, List<String> revisions, List<String> endians) {
        Map<String, MipsGeneric> targets = new LinkedHashMap<>();
        String generic = configsDir + "generic/";
        for (String b : bits) {
            for (String rev : revisions) {
                for (String endian : endians) {
                    String name = b + rev + (endian.equals("el") ? "el" : "") + "_defconfig";
                    targets.put(name, new MipsGeneric(configsDir + "generic_defconfig",
                            List.of(generic + b + rev + ".config", generic + endian + ".config"), List.of()));
                }
            }
        }
        return targets;
    }

    private static List<String> words(String text) {
        String t = text.strip();
        return t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
    }

    /** The Makefile's lines with backslash-newline continuations joined, as make reads them. */
    private static List<String> logicalLines(Path makefile) {
        List<String> physical;
        try {
            physical = Files.readAllLines(makefile, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new KconfigException("cannot read " + makefile + ": " + e.getMessage());
        }
        List<String> logical = new ArrayList<>();
        StringBuilder current = null;
        for (String line : physical) {
            boolean continues = line.endsWith("\\");
            String body = continues ? line.substring(0, line.length() - 1) : line;
            if (current == null) {
                current = new StringBuilder(body);
            } else {
                current.append(' ').append(body.strip());
            }
            if (!continues) {
                logical.add(current.toString());
                current = null;
            }
        }
        if (current != null) {
            logical.add(current.toString());
        }
        return logical;
    }
}
