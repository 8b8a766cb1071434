package kforge.app.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kforge.kconfig.KconfigLoader;
import kforge.kconfig.cache.ParseCache;
import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.conf.ConfRunner;
import kforge.kconfig.conf.GlibcRandom;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KernelRelease;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.io.ConfSettings;
import kforge.kconfig.model.Kconfig;

/**
 * "kforge conf": a drop-in for scripts/kconfig/conf, same options (getopt_long rules, unique prefixes
 * included), same environment variables, same stdout, stderr and exit status.
 */
public final class ConfCompat {
    private static final String PROGNAME = "conf";

    private ConfMode mode = ConfMode.OLDASKCONFIG;
    private String modeFile;
    private boolean silent;
    private final List<String> operands = new ArrayList<>();
    private ConfSettings settings;
    private GlibcRandom random;

    private ConfCompat() {
    }

    public static int run(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.ISO_8859_1);
        try {
            return new ConfCompat().execute(args, out);
        } catch (RuntimeException e) {
            out.flush();
            return Failures.report(e, System.err);
        } finally {
            out.flush();
        }
    }

    private int execute(String[] args, PrintStream out) {
        DrainingInput stdin = new DrainingInput(System.in);
        Map<String, String> env = System.getenv();
        settings = new ConfSettings(env, Path.of("").toAbsolutePath(), srctree(env), false);
        Integer early = parseOptions(args, out);
        if (early != null) {
            return early;
        }
        if (operands.isEmpty()) {
            System.err.println(PROGNAME + ": Kconfig file missing");
            usage(out);
            return 1;
        }
        Reporter reporter = Reporter.to(out, System.err);
        Kconfig kconfig = KconfigLoader.create()
                .topFile(operands.get(0))
                .srctree(settings.srctree())
                .workingDirectory(settings.workingDirectory())
                .environment(env)
                .dialect(dialectOf(env))
                .reporter(reporter)
                .cache(ParseCache.standard(env))
                .confWording(true)
                .load();
        Evaluator evaluator = new Evaluator(kconfig, reporter);
        boolean tty = System.console() != null;
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.ISO_8859_1));
        ConfRunner runner = new ConfRunner(kconfig, evaluator, settings.withSilent(silent), out, in, tty);
        if (random != null) {
            runner.useRandom(random);
        }
        runner.writeAutoconf(true);
        return runner.run(mode, modeFile);
    }

    /**
     * The release whose conf to be: KFORGE_KCONFIG_DIALECT (e.g. "6.12") when set, else the VERSION,
     * PATCHLEVEL and SUBLEVEL that the top Makefile exports to conf, else the 6.1 baseline.
     */
    static Dialect dialectOf(Map<String, String> env) {
        String chosen = env.get("KFORGE_KCONFIG_DIALECT");
        if (chosen != null && !chosen.isEmpty()) {
            return Dialect.of(KernelRelease.parse(chosen));
        }
        String version = env.getOrDefault("VERSION", "");
        String patchLevel = env.getOrDefault("PATCHLEVEL", "");
        if (version.isEmpty() || patchLevel.isEmpty()) {
            return Dialect.BASELINE;
        }
        return Dialect.of(KernelRelease.fromMakefile(version, patchLevel, env.getOrDefault("SUBLEVEL", ""),
                "the environment's VERSION, PATCHLEVEL and SUBLEVEL"));
    }

    private static Path srctree(Map<String, String> env) {
        String s = env.get("srctree");
        return s == null ? null : Path.of(s);
    }

    /** getopt_long over "hs" and the mode options; returns an exit status when conf would stop here. */
    private Integer parseOptions(String[] args, PrintStream out) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                for (int j = i + 1; j < args.length; j++) {
                    operands.add(args[j]);
                }
                break;
            }
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                String full = matchLongOption(name);
                if (full == null) {
                    System.err.println(PROGNAME + ": unrecognized option '" + arg + "'");
                    continue;
                }
                if (full.equals("help")) {
                    usage(out);
                    return 1;
                }
                if (full.equals("silent")) {
                    silent = true;
                    continue;
                }
                ConfMode m = ConfMode.fromOption(full);
                if (m.takesFile()) {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            System.err.println(PROGNAME + ": option '--" + full + "' requires an argument");
                            continue;
                        }
                        value = args[++i];
                    }
                    modeFile = value;
                } else if (value != null) {
                    System.err.println(PROGNAME + ": option '--" + full + "' doesn't allow an argument");
                    continue;
                }
                mode = m;
                if (m == ConfMode.SYNCCONFIG) {
                    silent = true;
                }
                if (m == ConfMode.RANDCONFIG) {
                    // conf seeds (and prints the seed) while reading its options, before parsing.
                    random = ConfRunner.seededRandom(settings, out, System.err, dialectOf(System.getenv()));
                }
            } else if (arg.startsWith("-") && arg.length() > 1) {
                for (char c : arg.substring(1).toCharArray()) {
                    if (c == 'h') {
                        usage(out);
                        return 1;
                    } else if (c == 's') {
                        silent = true;
                    } else {
                        System.err.println(PROGNAME + ": invalid option -- '" + c + "'");
                    }
                }
            } else {
                operands.add(arg);
            }
        }
        return null;
    }

    private static String matchLongOption(String name) {
        List<String> all = new ArrayList<>(List.of("help", "silent"));
        for (ConfMode m : ConfMode.values()) {
            all.add(m.option());
        }
        if (all.contains(name)) {
            return name;
        }
        String found = null;
        for (String option : all) {
            if (option.startsWith(name) && !name.isEmpty()) {
                if (found != null) {
                    return null;
                }
                found = option;
            }
        }
        return found;
    }

    private static void usage(PrintStream out) {
        out.print("Usage: " + PROGNAME + " [options] <kconfig-file>\n\n"
                + "Generic options:\n"
                + "  -h, --help              Print this message and exit.\n"
                + "  -s, --silent            Do not print log.\n\n"
                + "Mode options:\n"
                + "  --listnewconfig         List new options\n"
                + "  --helpnewconfig         List new options and help text\n"
                + "  --oldaskconfig          Start a new configuration using a line-oriented program\n"
                + "  --oldconfig             Update a configuration using a provided .config as base\n"
                + "  --syncconfig            Similar to oldconfig but generates configuration in\n"
                + "                          include/{generated/,config/}\n"
                + "  --olddefconfig          Same as oldconfig but sets new symbols to their default value\n"
                + "  --defconfig <file>      New config with default defined in <file>\n"
                + "  --savedefconfig <file>  Save the minimal current configuration to <file>\n"
                + "  --allnoconfig           New config where all options are answered with no\n"
                + "  --allyesconfig          New config where all options are answered with yes\n"
                + "  --allmodconfig          New config where all options are answered with mod\n"
                + "  --alldefconfig          New config with all symbols set to default\n"
                + "  --randconfig            New config with random answer to all options\n"
                + "  --yes2modconfig         Change answers from yes to mod if possible\n"
                + "  --mod2yesconfig         Change answers from mod to yes if possible\n"
                + "  --mod2noconfig          Change answers from mod to no if possible\n"
                + "  (If none of the above is given, --oldaskconfig is the default)\n");
    }
}
