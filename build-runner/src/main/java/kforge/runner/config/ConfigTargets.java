package kforge.runner.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import kforge.kconfig.ConfigEngine;
import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.io.AtomicFile;
import kforge.kconfig.io.ConfSettings;

/**
 * The kernel Makefile's configuration targets, made in order against one .config as
 * {@code make O=<its directory> ARCH=... TARGET...} makes them: conf's modes, {@code NAME_defconfig},
 * {@code %.config} fragments (merge_config.sh -m, then olddefconfig), tinyconfig, and the defconfigs the
 * arch Makefile generates ({@link GeneratedDefconfigs}). The tree is parsed once, by the engine.
 */
public final class ConfigTargets {
    /** The modes scripts/kconfig/Makefile runs as {@code conf --TARGET}; defconfig and savedefconfig take a file. */
    private static final List<ConfMode> SIMPLE_MODES = List.of(ConfMode.OLDCONFIG, ConfMode.ALLNOCONFIG,
            ConfMode.ALLYESCONFIG, ConfMode.ALLMODCONFIG, ConfMode.ALLDEFCONFIG, ConfMode.RANDCONFIG,
            ConfMode.LISTNEWCONFIG, ConfMode.OLDDEFCONFIG, ConfMode.HELPNEWCONFIG, ConfMode.YES2MODCONFIG,
            ConfMode.MOD2YESCONFIG, ConfMode.MOD2NOCONFIG);
    private static final String TINY_BASE = "kernel/configs/tiny-base.config";
    private static final Pattern REQUIREMENT = Pattern.compile("^# require (\\S+)=(\\S*)$");

    private final ConfigEngine engine;
    private final Path configFile;
    private final boolean quiet;
    private final PrintStream out;
    private final PrintStream err;
    private final BufferedReader in;
    private final boolean tty;
    private final GeneratedDefconfigs generated;

    /**
     * @param configFile the .config every target reads and writes (make's $(KCONFIG_CONFIG) in O=)
     * @param in         oldconfig's answers; tty whether it is a terminal
     */
    public ConfigTargets(ConfigEngine engine, Path configFile, boolean quiet, PrintStream out, PrintStream err,
                         BufferedReader in, boolean tty) {
        this.engine = engine;
        this.configFile = configFile.toAbsolutePath();
        this.quiet = quiet;
        this.out = out;
        this.err = err;
        this.in = in != null ? in : new BufferedReader(new StringReader(""));
        this.tty = tty;
        this.generated = GeneratedDefconfigs.of(engine.environment().srctree(), engine.environment().srcArch());
    }

    /**
     * Whether NAME is a defconfig only the arch Makefile makes (no file of that name in arch/$(SRCARCH)/configs),
     * like mips's 32r2el_defconfig; null asks about the arch's default, KBUILD_DEFCONFIG.
     */
    public static boolean isGeneratedDefconfig(ConfigEngine engine, String nameOrNull) {
        var env = engine.environment();
        String name = nameOrNull != null ? nameOrNull : env.kbuildDefconfig();
        return GeneratedDefconfigs.of(env.srctree(), env.srcArch()).recipe(name).isPresent()
                && !Files.isRegularFile(env.srctree().resolve("arch/" + env.srcArch() + "/configs/" + name));
    }

    /** Makes the targets in order, stopping at the first that fails, as make does; returns its status. */
    public int make(List<String> targets) {
        for (String target : targets) {
            int status = make(target);
            if (status != 0) {
                return status;
            }
        }
        return 0;
    }

    /** Makes one target; a name that is no configuration target throws {@link NoSuchTargetException}. */
    public int make(String target) {
        var recipe = generated.recipe(target);
        if (recipe.isPresent()) {
            return make(target, recipe.get());
        }
        switch (target) {
            case "defconfig":
                return archDefconfig();
            case "savedefconfig":
                return conf(ConfMode.SAVEDEFCONFIG, objtree().resolve("defconfig").toString());
            case "config":
                // scripts/kconfig/Makefile runs plain "conf Kconfig": every question, on the terminal.
                return conf(ConfMode.OLDASKCONFIG, null);
            case "menuconfig": case "nconfig": case "xconfig": case "gconfig":
                throw new NoSuchTargetException(target + ": an interactive front end make builds; kforge's is"
                        + " kforge gui (or oldconfig on a terminal)");
            case "localmodconfig": case "localyesconfig": case "syncconfig": case "testconfig":
                throw new NoSuchTargetException(target + ": not one kforge makes (it needs the running kernel or"
                        + " the build itself)");
            case "tinyconfig":
                int status = run(ConfMode.ALLNOCONFIG, null,
                        engine.settings(configFile, quiet).withVariable("KCONFIG_ALLCONFIG", TINY_BASE), out);
                return status != 0 ? status : make("tiny.config");
            default:
                break;
        }
        ConfMode mode = ConfMode.fromOption(target);
        if (mode != null && SIMPLE_MODES.contains(mode)) {
            return conf(mode, null);
        }
        if (target.endsWith("_defconfig")) {
            return conf(ConfMode.DEFCONFIG, shippedDefconfig(target));
        }
        if (target.endsWith(".config")) {
            return fragment(target);
        }
        throw new NoSuchTargetException(target + ": not a configuration target (a conf mode, NAME_defconfig,"
                + " NAME.config, tinyconfig or one the arch Makefile generates)");
    }

    /** defconfig: KBUILD_DEFCONFIG from arch/$(SRCARCH)/configs, or the target of that name when there is no such file. */
    private int archDefconfig() {
        String name = engine.environment().kbuildDefconfig();
        String file = configsDir() + name;
        if (Files.isRegularFile(srctree().resolve(file))) {
            message("*** Default configuration is based on '" + name + "'");
            return conf(ConfMode.DEFCONFIG, file);
        }
        message("*** Default configuration is based on target '" + name + "'");
        return make(name);
    }

    private String shippedDefconfig(String target) {
        String file = configsDir() + target;
        if (!Files.isRegularFile(srctree().resolve(file))) {
            throw new NoSuchTargetException(target + ": no " + file + " in " + srctree());
        }
        return file;
    }

    /** %.config: the fragment from kernel/configs and arch/$(SRCARCH)/configs (both, when both have it). */
    private int fragment(String target) {
        List<Path> fragments = Stream.of("kernel/configs/" + target, configsDir() + target)
                .map(srctree()::resolve).filter(Files::isRegularFile).toList();
        if (fragments.isEmpty()) {
            throw new NoSuchTargetException(target + ": no such fragment in kernel/configs/ or " + configsDir()
                    + " of " + srctree());
        }
        mergeIntoConfig(fragments, true);
        return conf(ConfMode.OLDDEFCONFIG, null);
    }

    private int make(String target, GeneratedDefconfigs.Recipe recipe) {
        if (recipe instanceof GeneratedDefconfigs.Merged merged) {
            List<Path> fragments = new ArrayList<>();
            fragments.add(srctree().resolve(merged.base()));
            merged.fragments().forEach(f -> fragments.add(srctree().resolve(f)));
            mergeOver(fragments, merged.warnOverrides(), true);
            return conf(ConfMode.OLDDEFCONFIG, null);
        }
        if (recipe instanceof GeneratedDefconfigs.MipsGeneric generic) {
            return mipsGeneric(generic);
        }
        if (recipe instanceof GeneratedDefconfigs.Targets targets) {
            return make(targets.targets());
        }
        if (recipe instanceof GeneratedDefconfigs.SeededMode seeded) {
            ConfMode mode = ConfMode.fromOption(seeded.mode());
            if (mode == null || !mode.isAllConfig()) {
                throw new KconfigException("kforge cannot make " + target + ": it runs " + seeded.mode()
                        + ", which is not one of conf's all*config modes");
            }
            return run(mode, null, engine.settings(configFile, quiet)
                    .withVariable("KCONFIG_ALLCONFIG", srctree().resolve(seeded.allconfig()).toString()), out);
        }
        if (recipe instanceof GeneratedDefconfigs.Refused refused) {
            throw new NoSuchTargetException(refused.why());
        }
        throw new KconfigException("kforge cannot make " + ((GeneratedDefconfigs.Unsupported) recipe).why());
    }

    /**
     * arch/mips/Makefile's generic defconfig: merge the ISA fragments over generic_defconfig, run olddefconfig
     * on a copy to learn what the CPU options come to, merge the boards whose requirements that copy meets,
     * and olddefconfig the result.
     */
    private int mipsGeneric(GeneratedDefconfigs.MipsGeneric recipe) {
        List<Path> files = new ArrayList<>();
        files.add(srctree().resolve(recipe.base()));
        recipe.fragments().forEach(f -> files.add(srctree().resolve(f)));
        mergeOver(files, true, false);
        Path reference = configFile.resolveSibling(configFile.getFileName() + ".kforge-reference");
        try {
            Files.copy(configFile, reference, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            int status = run(ConfMode.OLDDEFCONFIG, null, engine.settings(reference, true),
                    new PrintStream(OutputStream.nullOutputStream()));
            if (status != 0) {
                return status;
            }
            String referenceText = Files.readString(reference, StandardCharsets.ISO_8859_1);
            for (String board : recipe.boards().isEmpty() ? allMipsBoards() : recipe.boards()) {
                Path boardFile = srctree().resolve(configsDir() + "generic/board-" + board + ".config");
                if (!Files.isRegularFile(boardFile)) {
                    message("WARNING: Board config '" + boardFile + "' not found");
                } else if (meetsRequirements(boardFile, referenceText, !recipe.boards().isEmpty())) {
                    mergeIntoConfig(List.of(boardFile), false);
                }
            }
        } catch (IOException e) {
            throw new KconfigException(reference + ": " + e.getMessage());
        } finally {
            ConfigFiles.deleteQuietly(reference);
            ConfigFiles.deleteQuietly(reference.resolveSibling(reference.getFileName() + ".old"));
        }
        return conf(ConfMode.OLDDEFCONFIG, null);
    }

    /** BOARDS when make is given none: every arch/mips/configs/generic/board-*.config, sorted as $(wildcard) sorts. */
    private List<String> allMipsBoards() throws IOException {
        try (Stream<Path> files = Files.list(srctree().resolve(configsDir() + "generic"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("board-") && n.endsWith(".config")).sorted()
                    .map(n -> n.substring("board-".length(), n.length() - ".config".length())).toList();
        }
    }

    /** generic-board-config.sh: every "# require CONFIG_X=y" must be in the reference, every "=n" must not be y. */
    private boolean meetsRequirements(Path boardFile, String referenceText, boolean namedByUser) throws IOException {
        List<String> reference = referenceText.lines().toList();
        for (String line : Files.readAllLines(boardFile, StandardCharsets.ISO_8859_1)) {
            Matcher m = REQUIREMENT.matcher(line);
            if (!m.matches()) {
                continue;
            }
            boolean met;
            if (m.group(2).equals("y")) {
                met = reference.contains(m.group(1) + "=y");
            } else if (m.group(2).equals("n")) {
                met = !reference.contains(m.group(1) + "=y");
            } else {
                message("WARNING: Unhandled requirement '" + m.group(1) + "=" + m.group(2) + "'");
                met = false;
            }
            if (!met) {
                if (namedByUser) {
                    message("Skipping " + boardFile);
                }
                return false;
            }
        }
        return true;
    }

    /** merge_config.sh -m FIRST REST...: the first file is the base, and the result replaces the .config. */
    private void mergeOver(List<Path> files, boolean warnOverrides, boolean announceWrite) {
        message("Using " + files.get(0) + " as base");
        writeMerge(new FragmentMerge(files.get(0).toString(), ConfigFiles.read(files.get(0))),
                files.subList(1, files.size()), warnOverrides, announceWrite);
    }

    /** merge_config.sh -m .config FRAGMENTS...; a missing .config is an empty base, as the script creates one. */
    private void mergeIntoConfig(List<Path> fragments, boolean announce) {
        boolean exists = Files.isRegularFile(configFile);
        if (!exists) {
            message("The base file '" + configFile + "' does not exist. Creating one...");
        }
        if (announce) {
            message("Using " + configFile + " as base");
        }
        writeMerge(new FragmentMerge(configFile.toString(), exists ? ConfigFiles.read(configFile) : ""), fragments,
                true, announce);
    }

    private void writeMerge(FragmentMerge merge, List<Path> fragments, boolean warnOverrides, boolean announceWrite) {
        for (Path fragment : fragments) {
            message("Merging " + fragment);
            int before = merge.redefinitions().size();
            merge.add(fragment.toString(), ConfigFiles.read(fragment));
            if (warnOverrides) {
                for (FragmentMerge.Redefinition r : merge.redefinitions().subList(before, merge.redefinitions().size())) {
                    err.println("Value of " + r.symbol() + " is redefined by fragment " + r.fragment() + ":");
                    err.println("Previous  value: " + r.previous());
                    err.println("New value:       " + r.now());
                    err.println();
                }
            }
        }
        try {
            // The script copies the merge over the .config (cp -T): no .config.old, which olddefconfig then makes.
            AtomicFile.replace(configFile, merge.text(), false);
        } catch (IOException e) {
            throw new KconfigException(configFile + ": cannot write: " + e.getMessage());
        }
        if (announceWrite) {
            message("#\n# merged configuration written to " + configFile + " (needs make)\n#");
        }
    }

    private int conf(ConfMode mode, String file) {
        return run(mode, file, engine.settings(configFile, quiet), out);
    }

    private int run(ConfMode mode, String file, ConfSettings settings, PrintStream to) {
        return engine.run(mode, file, settings, to, in, tty);
    }

    private void message(String text) {
        if (!quiet) {
            out.println(text);
        }
    }

    private Path srctree() {
        return engine.environment().srctree();
    }

    private Path objtree() {
        return configFile.getParent();
    }

    private String configsDir() {
        return "arch/" + engine.environment().srcArch() + "/configs/";
    }
}
