package kforge.kconfig.conf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Trace;
import kforge.kconfig.eval.CNumbers;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.io.AutoconfWriter;
import kforge.kconfig.io.ConfSettings;
import kforge.kconfig.io.ConfigReader;
import kforge.kconfig.io.ConfigWriter;
import kforge.kconfig.menu.MenuBuilder;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.model.Kconfig;
import kforge.kconfig.model.Menu;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;
import kforge.kconfig.model.Tristate;

/**
 * What conf's main() does after parsing: read the starting configuration for the mode, apply the mode,
 * and write .config (or the minimal defconfig). One runner serves one configuration; for batch work,
 * reset the Kconfig and use a new runner.
 */
public final class ConfRunner {
    private final Kconfig kconfig;
    private final Evaluator evaluator;
    private final ConfSettings settings;
    private final PrintStream out;
    private final BufferedReader in;
    private final boolean interactiveTerminal;
    private GlibcRandom random;
    private boolean writeAutoconf;

    public ConfRunner(Kconfig kconfig, Evaluator evaluator, ConfSettings settings, PrintStream out,
                      BufferedReader in, boolean interactiveTerminal) {
        this.kconfig = kconfig;
        this.evaluator = evaluator;
        this.settings = settings;
        this.out = out;
        this.in = in;
        this.interactiveTerminal = interactiveTerminal;
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    /**
     * Also write include/config/auto.conf and friends as conf does (when missing, or always for
     * syncconfig). The conf-compatible mode wants this; the CLI, whose .config may live anywhere, does not.
     */
    public void writeAutoconf(boolean enabled) {
        this.writeAutoconf = enabled;
    }

    /** conf ignores a failure here unless it is syncconfig, which the build depends on. */
    private void syncAutoconf(boolean sync) {
        if (!kconfig.dialect().has(KconfigChange.AUTOCONF_IN_INCLUDE_GENERATED)) {
            // Never silently wrong: these files would have 6.1's formats, which this tree's build does not read.
            throw new KconfigException("kforge does not write the Kbuild files (include/config/auto.conf,"
                    + " include/linux/autoconf.h) of Linux " + kconfig.dialect().release()
                    + "; .config was written, run the tree's own 'make silentoldconfig' for the rest");
        }
        try {
            new AutoconfWriter(evaluator, settings).write(sync);
        } catch (KconfigException e) {
            if (sync) {
                throw e;
            }
        }
    }

    /** randconfig's seed: KCONFIG_SEED, else from the clock; printed as conf prints it. */
    public void seedRandom() {
        random = seededRandom(settings, out);
    }

    /** Uses a generator seeded earlier (conf seeds while reading its options, before parsing). */
    public void useRandom(GlibcRandom seeded) {
        random = seeded;
    }

    /**
     * The seed as this dialect's conf prints it: on stdout (set_randconfig_seed), or on stderr before
     * {@link KconfigChange#RANDCONFIG_SEED_ON_STDOUT}.
     */
    public static GlibcRandom seededRandom(ConfSettings settings, PrintStream out, PrintStream err,
                                           kforge.kconfig.dialect.Dialect dialect) {
        return seededRandom(settings, dialect.has(KconfigChange.RANDCONFIG_SEED_ON_STDOUT) ? out : err);
    }

    /** set_randconfig_seed: prints "KCONFIG_SEED=0x..." and seeds glibc's generator. */
    public static GlibcRandom seededRandom(ConfSettings settings, PrintStream out) {
        long seed;
        String env = settings.env("KCONFIG_SEED");
        Long parsed = env == null || env.isEmpty() ? null : parseSeed(env);
        if (parsed != null) {
            seed = parsed & 0xffffffffL;
        } else {
            long micros = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
            seed = ((micros / 1_000_000 + 1) * (micros % 1_000_000 + 1)) & 0xffffffffL;
        }
        out.printf("KCONFIG_SEED=0x%X%n", seed);
        return new GlibcRandom(seed);
    }

    /** strtol(env, &end, 0), taken only when the whole value is a number, as conf does. */
    private static Long parseSeed(String env) {
        CNumbers.Parsed parsed = CNumbers.parseSigned(env, 0);
        return parsed.end() == env.length() ? parsed.value() : null;
    }

    /**
     * Runs one mode. {@code file} is the defconfig to read (defconfig) or to write (savedefconfig).
     * Returns conf's exit status; user faults throw {@link KconfigException}.
     */
    public int run(ConfMode mode, String file) {
        if (mode == ConfMode.RANDCONFIG && random == null) {
            seedRandom();
        }
        ConfigReader reader = new ConfigReader(evaluator, settings);
        Trace.mark("conf: reading the starting configuration");
        readStartingConfig(mode, file, reader);
        Trace.mark("conf: read");
        if (reader.warnings() != 0 && settings.env("KCONFIG_WERROR") != null) {
            return 1;
        }
        boolean noConfWrite = false;
        if (mode == ConfMode.SYNCCONFIG) {
            String noSilent = settings.env("KCONFIG_NOSILENTUPDATE");
            if (noSilent != null && !noSilent.isEmpty()) {
                if (evaluator.isChanged()) {
                    throw new KconfigException("\n*** The configuration requires explicit update.\n");
                }
                noConfWrite = true;
            }
        }
        apply(mode);
        Trace.mark("conf: mode applied");
        if (evaluator.dependencyWarnings() != 0 && settings.env("KCONFIG_WERROR") != null) {
            return 1;
        }
        ConfigWriter writer = new ConfigWriter(evaluator, settings);
        if (mode == ConfMode.SAVEDEFCONFIG) {
            writer.writeDefconfig(file);
        } else if (mode != ConfMode.LISTNEWCONFIG && mode != ConfMode.HELPNEWCONFIG) {
            if (!noConfWrite) {
                writer.write(null);
            }
            boolean autoconfForMode = mode == ConfMode.SYNCCONFIG
                    || kconfig.dialect().has(KconfigChange.AUTOCONF_ALWAYS);
            if (writeAutoconf && autoconfForMode) {
                syncAutoconf(mode == ConfMode.SYNCCONFIG);
            }
        }
        Trace.mark("conf: written");
        return 0;
    }

    private void readStartingConfig(ConfMode mode, String file, ConfigReader reader) {
        switch (mode) {
            case DEFCONFIG:
                if (!reader.read(file)) {
                    throw new KconfigException("***\n*** Can't find default configuration \"" + file + "\"!\n***");
                }
                break;
            case SAVEDEFCONFIG: case SYNCCONFIG: case OLDASKCONFIG: case OLDCONFIG: case LISTNEWCONFIG:
            case HELPNEWCONFIG: case OLDDEFCONFIG: case YES2MODCONFIG: case MOD2YESCONFIG: case MOD2NOCONFIG:
                reader.read(null);
                break;
            default:
                readAllConfig(mode, reader);
        }
    }

    /** KCONFIG_ALLCONFIG: a file of values to keep, or (set to "" or "1") allno.config and friends. */
    private void readAllConfig(ConfMode mode, ConfigReader reader) {
        String name = settings.env("KCONFIG_ALLCONFIG");
        if (name == null) {
            return;
        }
        if (!name.isEmpty() && !name.equals("1")) {
            if (!reader.readSimple(name, Symbol.S_DEF_USER)) {
                throw new KconfigException("*** Can't read seed configuration \"" + name + "\"!");
            }
            return;
        }
        String modeFile = mode.option().replace("config", "") + ".config";
        if (mode == ConfMode.RANDCONFIG) {
            modeFile = "allrandom.config";
        }
        if (!reader.readSimple(modeFile, Symbol.S_DEF_USER) && !reader.readSimple("all.config", Symbol.S_DEF_USER)) {
            throw new KconfigException("*** KCONFIG_ALLCONFIG set, but no \"" + modeFile
                    + "\" or \"all.config\" file found");
        }
    }

    private void apply(ConfMode mode) {
        NewSymbols newSymbols = new NewSymbols(evaluator, random);
        switch (mode) {
            case ALLNOCONFIG:
                newSymbols.setAll(NewSymbols.Mode.NO);
                break;
            case ALLYESCONFIG:
                newSymbols.setAll(NewSymbols.Mode.YES);
                break;
            case ALLMODCONFIG:
                newSymbols.setAll(NewSymbols.Mode.MOD);
                break;
            case ALLDEFCONFIG: case DEFCONFIG:
                newSymbols.setAll(NewSymbols.Mode.DEFAULT);
                break;
            case RANDCONFIG:
                applyProbabilities(newSymbols, settings.env("KCONFIG_PROBABILITY"));
                if (kconfig.dialect().has(KconfigChange.BOOL_CHOICE_BLOCKS)) {
                    newSymbols.setAll(NewSymbols.Mode.RANDOM);
                    break;
                }
                while (newSymbols.setAll(NewSymbols.Mode.RANDOM)) {
                    // until nothing changes
                }
                break;
            case YES2MODCONFIG:
                rewriteTristates(Tristate.YES, Tristate.MOD);
                break;
            case MOD2YESCONFIG:
                rewriteTristates(Tristate.MOD, Tristate.YES);
                break;
            case MOD2NOCONFIG:
                rewriteTristates(Tristate.MOD, Tristate.NO);
                break;
            case OLDASKCONFIG: {
                Questions q = questions(ConfMode.OLDASKCONFIG);
                q.askAll();
                q.untilStable(ConfMode.OLDCONFIG);
                break;
            }
            case OLDCONFIG: case LISTNEWCONFIG: case HELPNEWCONFIG: case SYNCCONFIG:
                questions(mode).untilStable(mode);
                break;
            default:
                break;
        }
    }

    /**
     * KCONFIG_PROBABILITY as conf reads it: "y%" for bools (tristates split it between y and m),
     * "y%:m%", or "bool-y%:tristate-y%:tristate-m%".
     */
    static void applyProbabilities(NewSymbols newSymbols, String env) {
        int[] p = new int[3];
        int n = 0;
        String rest = env == null ? "" : env;
        while (!rest.isEmpty()) {
            CNumbers.Parsed parsed = CNumbers.parseSigned(rest, 10);
            int value = (int) parsed.value();
            if (value < 0 || value > 100) {
                throw new KconfigException("KCONFIG_PROBABILITY: Numerical result out of range");
            }
            p[n++] = value;
            int end = parsed.end();
            rest = end < rest.length() && rest.charAt(end) == ':' ? rest.substring(end + 1) : rest.substring(end);
            if (n >= 3) {
                break;
            }
        }
        int pby = 50;
        int pty = 33;
        int ptm = 33;
        switch (n) {
            case 1:
                pby = p[0];
                ptm = pby / 2;
                pty = pby - ptm;
                break;
            case 2:
                pty = p[0];
                ptm = p[1];
                pby = pty + ptm;
                break;
            case 3:
                pby = p[0];
                pty = p[1];
                ptm = p[2];
                break;
            default:
                break;
        }
        if (pty + ptm > 100) {
            throw new KconfigException("KCONFIG_PROBABILITY: Numerical result out of range");
        }
        newSymbols.setProbabilities(pby, pty, ptm);
    }

    private Questions questions(ConfMode mode) {
        return new Questions(evaluator, mode, out, this::readLine, interactiveTerminal, settings.configPrefix());
    }

    /** One answer with its newline, or null at the end of input. */
    private String readLine() {
        try {
            String line = in == null ? null : in.readLine();
            return line == null ? null : line + "\n";
        } catch (IOException e) {
            return null;
        }
    }

    private void rewriteTristates(Tristate oldVal, Tristate newVal) {
        for (Symbol sym : kconfig.symbols().inHashOrder()) {
            if (evaluator.effectiveType(sym) == SymbolType.TRISTATE && sym.defTri[Symbol.S_DEF_USER] == oldVal) {
                sym.defTri[Symbol.S_DEF_USER] = newVal;
            }
        }
        evaluator.clearAllValid();
    }

    /** conf_set_all_new_symbols: gives every symbol without a user value the mode's value. */
    static final class NewSymbols {
        enum Mode { DEFAULT, YES, MOD, NO, RANDOM }

        private final Evaluator evaluator;
        private final GlibcRandom random;
        private int pby = 50;
        private int pty = 33;
        private int ptm = 33;

        NewSymbols(Evaluator evaluator, GlibcRandom random) {
            this.evaluator = evaluator;
            this.random = random;
        }

        /** Whether anything changed (6.1's randconfig repeats until nothing does). */
        boolean setAll(Mode mode) {
            if (evaluator.kconfig().dialect().has(KconfigChange.BOOL_CHOICE_BLOCKS)) {
                setAllInMenuOrder(mode);
                return false;
            }
            boolean changed = false;
            Iterable<Symbol> all = evaluator.kconfig().symbols().inHashOrder();
            for (Symbol sym : all) {
                if (sym.hasUserValue() || sym.has(Symbol.VALID)) {
                    continue;
                }
                SymbolType type = evaluator.effectiveType(sym);
                if (type != SymbolType.BOOLEAN && type != SymbolType.TRISTATE) {
                    continue;
                }
                changed = true;
                switch (mode) {
                    case YES:
                        sym.defTri[Symbol.S_DEF_USER] = Tristate.YES;
                        break;
                    case MOD:
                        sym.defTri[Symbol.S_DEF_USER] = Tristate.MOD;
                        break;
                    case NO:
                        sym.defTri[Symbol.S_DEF_USER] = sym.has(MenuBuilder.ALLNOCONFIG_Y) ? Tristate.YES
                                : Tristate.NO;
                        break;
                    case RANDOM:
                        sym.defTri[Symbol.S_DEF_USER] = randomValue(sym);
                        break;
                    default:
                        continue;
                }
                if (!(sym.isChoice() && mode == Mode.RANDOM)) {
                    sym.flags |= Symbol.DEF_USER;
                }
            }
            evaluator.clearAllValid();
            if (mode != Mode.RANDOM && !evaluator.kconfig().dialect().has(KconfigChange.NEW_CHOICES_GET_VALUES)) {
                // Before 2.6.36 only randconfig gave choices values: a choice left without one by conf_read
                // stays without, and a tristate choice then takes m from its reverse dependency.
                return changed;
            }
            if (mode != Mode.RANDOM) {
                for (Symbol csym : all) {
                    if ((csym.isChoice() && !csym.hasUserValue()) || csym.isChoiceValue()) {
                        csym.flags |= Symbol.NEED_SET_CHOICE_VALUES;
                    }
                }
            }
            for (Symbol csym : all) {
                if (csym.hasUserValue() || !csym.isChoice()) {
                    continue;
                }
                evaluator.calcValue(csym);
                if (mode == Mode.RANDOM) {
                    changed |= randomizeChoice(csym);
                } else {
                    evaluator.setAllChoiceValues(csym);
                    changed = true;
                }
            }
            return changed;
        }

        /**
         * conf_set_all_new_symbols as of 6.11: entries in menu order, only prompted bools and tristates;
         * choices get values only from randconfig, and choose for themselves otherwise.
         */
        private void setAllInMenuOrder(Mode mode) {
            for (Menu menu = evaluator.kconfig().rootMenu(); menu != null; menu = menu.following(null)) {
                Symbol sym = menu.sym;
                if (sym == null || menu.prompt == null || sym.hasUserValue()
                        || (sym.type != SymbolType.BOOLEAN && sym.type != SymbolType.TRISTATE) || sym.isChoiceValue()) {
                    continue;
                }
                if (sym.isChoice()) {
                    if (mode == Mode.RANDOM) {
                        randomizeChoiceMembers(sym);
                    }
                    continue;
                }
                Tristate val;
                switch (mode) {
                    case YES: val = Tristate.YES; break;
                    case MOD: val = Tristate.MOD; break;
                    case NO: val = Tristate.NO; break;
                    case RANDOM: val = randomValue(sym); break;
                    default: continue;
                }
                sym.defTri[Symbol.S_DEF_USER] = val;
                sym.flags |= Symbol.DEF_USER;
            }
            evaluator.clearAllValid();
        }

        /**
         * randomize_choice_values (6.11): members without a value are picked at random one after another,
         * each set to y and moved to the end of the priority list, behind those KCONFIG_ALLCONFIG set.
         */
        private void randomizeChoiceMembers(Symbol choice) {
            int cnt = 0;
            for (Symbol member : choice.choiceValues) {
                if (!member.hasUserValue()) {
                    cnt++;
                }
            }
            while (cnt > 0) {
                int x = random.next() % cnt;
                for (Symbol member : choice.choiceValues) {
                    if (!member.hasUserValue()) {
                        x--;
                    }
                    if (x < 0) {
                        member.defTri[Symbol.S_DEF_USER] = Tristate.YES;
                        member.flags |= Symbol.DEF_USER;
                        member.deferInChoice();
                        break;
                    }
                }
                cnt--;
            }
        }

        private Tristate randomValue(Symbol sym) {
            int cnt = random.next() % 100;
            if (sym.type == SymbolType.TRISTATE) {
                if (cnt < pty) {
                    return Tristate.YES;
                } else if (cnt < pty + ptm) {
                    return Tristate.MOD;
                }
                return Tristate.NO;
            }
            return cnt < pby ? Tristate.YES : Tristate.NO;
        }

        private boolean randomizeChoice(Symbol csym) {
            if (csym.currTri != Tristate.YES) {
                return false;
            }
            int cnt = csym.choiceValues.size();
            int def = random.next() % cnt;
            int i = 0;
            for (Symbol sym : csym.choiceValues) {
                if (def == i++) {
                    sym.defTri[Symbol.S_DEF_USER] = Tristate.YES;
                    csym.defVal[Symbol.S_DEF_USER] = sym;
                } else {
                    sym.defTri[Symbol.S_DEF_USER] = Tristate.NO;
                }
                sym.flags |= Symbol.DEF_USER;
                sym.flags &= ~Symbol.VALID;
            }
            csym.flags |= Symbol.DEF_USER;
            csym.flags &= ~Symbol.VALID;
            return true;
        }

        void setProbabilities(int pby, int pty, int ptm) {
            this.pby = pby;
            this.pty = pty;
            this.ptm = ptm;
        }
    }
}
