package kforge.runner.make;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kforge.runner.config.ConfigValues;
import kforge.kconfig.env.ArchNames;

/**
 * A first build's guess at how many objects it will compile, read from the tree's Kbuild files the way
 * kbuild descends them: obj-y/obj-$(CONFIG_X) lists, subdirectories and composite objects, with each
 * CONFIG_ looked up in the .config. It reads only the plain forms; it is a progress estimate, not kbuild.
 */
public final class ObjectEstimate {
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z0-9_.-]+)-(\\S+)\\s*(?:\\+=|:=|=)(.*)$");
    private static final Pattern CONFIG_REFERENCE = Pattern.compile("\\$\\(CONFIG_([A-Za-z0-9_]+)\\)");
    private static final Pattern ARCH_DIRECTORY = Pattern.compile("^(?:core|drivers|libs)-(\\S+)\\s*(?:\\+=|:=)(.*)$");
    private static final Pattern ARM_MACHINE = Pattern.compile("^(machine|plat)-(\\S+)\\s*(?:\\+=|:=)(.*)$");

    private final Path tree;
    private final String srcArch;
    private final Map<String, String> config;
    private final boolean modules;

    private ObjectEstimate(Path tree, String arch, Map<String, String> config, boolean modules) {
        this.tree = tree;
        this.srcArch = ArchNames.srcArch(arch);
        this.config = config;
        this.modules = modules;
    }

    /**
     * The number of objects a build compiles for this .config: built-in ones, plus module ones if modules
     * are being built.
     */
    public static int count(Path tree, String arch, Path dotConfig, boolean modules) {
        return new ObjectEstimate(tree, arch, ConfigValues.read(dotConfig), modules).count();
    }

    private int count() {
        Deque<String> directories = new ArrayDeque<>(topDirectories());
        Set<String> seen = new HashSet<>();
        int objects = 0;
        while (!directories.isEmpty()) {
            String dir = normalize(directories.pop());
            if (seen.add(dir)) {
                objects += countDirectory(dir, directories);
            }
        }
        return objects;
    }

    private List<String> topDirectories() {
        List<String> dirs = new ArrayList<>();
        dirs.add("lib/");
        for (String line : logicalLines(tree.resolve("Kbuild"))) {
            Matcher m = ASSIGNMENT.matcher(line);
            if (m.matches() && m.group(1).equals("obj") && enabled(m.group(2))) {
                for (String word : words(m.group(3).replace("$(SRCARCH)", srcArch))) {
                    if (word.endsWith("/")) {
                        dirs.add(word);
                    }
                }
            }
        }
        dirs.addAll(archDirectories());
        return dirs;
    }

    /** The arch Makefile's core-y/drivers-y directories and ARM's machine-/plat- directory names. */
    private List<String> archDirectories() {
        List<String> dirs = new ArrayList<>();
        for (String line : logicalLines(tree.resolve("arch").resolve(srcArch).resolve("Makefile"))) {
            Matcher m = ARCH_DIRECTORY.matcher(line);
            if (m.matches() && enabled(m.group(1))) {
                words(m.group(2)).stream().filter(w -> w.endsWith("/")).forEach(dirs::add);
            }
            Matcher machine = ARM_MACHINE.matcher(line);
            if (machine.matches() && enabled(machine.group(2))) {
                for (String name : words(machine.group(3))) {
                    dirs.add("arch/" + srcArch + "/" + machine.group(1) + "-" + name + "/");
                }
            }
        }
        return dirs;
    }

    private int countDirectory(String dir, Deque<String> directories) {
        Path base = tree.resolve(dir);
        Path kbuild = Files.isRegularFile(base.resolve("Kbuild")) ? base.resolve("Kbuild") : base.resolve("Makefile");
        Map<String, List<String>> composites = new HashMap<>();
        List<String> objects = new ArrayList<>();
        for (String line : logicalLines(kbuild)) {
            Matcher m = ASSIGNMENT.matcher(line);
            if (!m.matches() || !enabled(m.group(2))) {
                continue;
            }
            List<String> words = words(m.group(3));
            String name = m.group(1);
            if (name.equals("obj") || name.equals("lib")) {
                for (String word : words) {
                    if (word.endsWith("/")) {
                        directories.add(dir + word);
                    } else if (word.endsWith(".o")) {
                        objects.add(word.substring(0, word.length() - 2));
                    }
                }
            } else {
                composites.computeIfAbsent(name, k -> new ArrayList<>()).addAll(words);
            }
        }
        int count = 0;
        for (String object : objects) {
            count += countObject(object, composites, new HashSet<>());
        }
        return count;
    }

    private int countObject(String object, Map<String, List<String>> composites, Set<String> visiting) {
        List<String> parts = composites.get(object);
        if (parts == null || !visiting.add(object)) {
            return 1;
        }
        int count = 0;
        for (String part : parts) {
            if (part.endsWith(".o")) {
                count += countObject(part.substring(0, part.length() - 2), composites, visiting);
            }
        }
        return count;
    }

    /** obj-y, obj-m (when building modules) and obj-$(CONFIG_X) for a set X. */
    private boolean enabled(String condition) {
        Matcher m = CONFIG_REFERENCE.matcher(condition);
        String value = m.find() ? config.get(m.group(1)) : condition;
        if (condition.equals("objs")) {
            return true;
        }
        return "y".equals(value) || (modules && "m".equals(value));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.strip().split("\\s+")) {
            if (!w.isEmpty() && !w.contains("$")) {
                words.add(w);
            }
        }
        return words;
    }

    private static String normalize(String dir) {
        String d = dir.replaceAll("/+", "/").replaceAll("(^|/)\\./", "$1");
        return d.endsWith("/") ? d : d + "/";
    }

    /** The file's lines with continuations joined and comments dropped; none if it does not exist. */
    private static List<String> logicalLines(Path file) {
        List<String> lines = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return lines;
        }
        try {
            StringBuilder current = new StringBuilder();
            for (String raw : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                int hash = raw.indexOf('#');
                String line = hash >= 0 ? raw.substring(0, hash) : raw;
                if (line.endsWith("\\")) {
                    current.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                current.append(line);
                lines.add(current.toString().strip());
                current.setLength(0);
            }
        } catch (IOException e) {
            return lines;
        }
        return lines;
    }
}
