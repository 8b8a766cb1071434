package kforge.kconfig.conf;

import java.io.PrintStream;
import java.util.function.Supplier;

import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.io.ConfigWriter;
import kforge.kconfig.io.MenuVisibility;
import kforge.kconfig.model.Menu;
import kforge.kconfig.model.PropertyType;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.Tristate;

/**
 * The line-by-line questions of 'make config' and 'make oldconfig' (conf() and check_conf() in conf.c),
 * and the listing modes listnewconfig and helpnewconfig that walk the same way.
 */
final class Questions {
    private final Evaluator evaluator;
    private ConfMode mode;
    private final PrintStream out;
    private final Supplier<String> input;
    private final boolean tty;
    private final String configPrefix;
    private final HelpText help;
    private final boolean boolChoiceBlocks;
    private int indent = 1;
    private int restarts;
    private Menu rootEntry;
    /** The last answer read, with its newline, as conf's line[] buffer. */
    private String line = "";

    Questions(Evaluator evaluator, ConfMode mode, PrintStream out, Supplier<String> input, boolean tty,
              String configPrefix) {
        this.evaluator = evaluator;
        this.mode = mode;
        this.out = out;
        this.input = input;
        this.tty = tty;
        this.configPrefix = configPrefix;
        this.help = new HelpText(evaluator, configPrefix);
        this.boolChoiceBlocks = evaluator.kconfig().dialect().has(KconfigChange.BOOL_CHOICE_BLOCKS);
    }

    /** oldaskconfig: ask every visible question from the top. */
    void askAll() {
        rootEntry = evaluator.kconfig().rootMenu();
        conf(rootEntry);
    }

    /** Asks (or lists) new symbols until a pass finds none. */
    void untilStable(ConfMode newMode) {
        mode = newMode;
        do {
            restarts = 0;
            checkConf(evaluator.kconfig().rootMenu());
        } while (restarts != 0);
        out.flush();
    }

    /** xfgets: on end of input the buffer keeps what it held (conf's fgets leaves it untouched). */
    private String readAnswer(String buffer) {
        out.flush();
        String s = input.get();
        if (s == null) {
            evaluator.reporter().err("\nError in reading or end of file.");
            s = buffer;
        }
        if (!tty) {
            out.print(s);
        }
        return s;
    }

    private void printHelp(Menu menu) {
        out.print("\n" + help.forMenu(menu) + "\n");
    }

    private static String strip(String s) {
        return s.strip();
    }

    /** conf_askvalue: false when the value is not asked (unchangeable, or known in oldconfig). */
    private boolean askValue(Symbol sym, String def) {
        if (!sym.hasUserValue()) {
            out.print("(NEW) ");
        }
        line = "\n";
        if (!evaluator.isChangeable(sym)) {
            out.print((def != null ? def : "") + "\n");
            return false;
        }
        if ((mode == ConfMode.OLDCONFIG || mode == ConfMode.SYNCCONFIG) && sym.hasUserValue()) {
            out.print((def != null ? def : "") + "\n");
            return false;
        }
        line = readAnswer(line);
        return true;
    }

    private String indentText(int width) {
        return " ".repeat(Math.max(0, width));
    }

    private void askString(Menu menu) {
        Symbol sym = menu.sym;
        while (true) {
            out.print(indentText(indent - 1) + menu.prompt.text + " ");
            out.print("(" + sym.name() + ") ");
            String def = evaluator.stringValue(sym);
            if (def != null) {
                out.print("[" + def + "] ");
            }
            if (!askValue(sym, def)) {
                return;
            }
            if (line.startsWith("\n")) {
                // keep the default
            } else if (line.startsWith("?") && line.length() > 1 && line.charAt(1) == '\n') {
                printHelp(menu);
                def = null;
            } else {
                def = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
            }
            if (def != null && evaluator.setString(sym, def)) {
                return;
            }
        }
    }

    private void askTristate(Menu menu) {
        Symbol sym = menu.sym;
        while (true) {
            out.print(indentText(indent - 1) + menu.prompt.text + " ");
            if (sym.name() != null) {
                out.print("(" + sym.name() + ") ");
            }
            out.print('[');
            Tristate oldVal = sym.currTri;
            out.print(oldVal == Tristate.NO ? 'N' : oldVal == Tristate.MOD ? 'M' : 'Y');
            if (oldVal != Tristate.NO && evaluator.tristateWithinRange(sym, Tristate.NO)) {
                out.print("/n");
            }
            if (oldVal != Tristate.MOD && evaluator.tristateWithinRange(sym, Tristate.MOD)) {
                out.print("/m");
            }
            if (oldVal != Tristate.YES && evaluator.tristateWithinRange(sym, Tristate.YES)) {
                out.print("/y");
            }
            out.print("/?] ");
            if (!askValue(sym, evaluator.stringValue(sym))) {
                return;
            }
            String answer = strip(line);
            Tristate newVal;
            if (answer.isEmpty()) {
                newVal = oldVal;
            } else {
                char c = answer.charAt(0);
                String rest = answer.substring(1);
                if ((c == 'n' || c == 'N') && (rest.isEmpty() || rest.equals("o"))) {
                    newVal = Tristate.NO;
                } else if ((c == 'm' || c == 'M') && rest.isEmpty()) {
                    newVal = Tristate.MOD;
                } else if ((c == 'y' || c == 'Y') && (rest.isEmpty() || rest.equals("es"))) {
                    newVal = Tristate.YES;
                } else if (c == '?') {
                    printHelp(menu);
                    continue;
                } else {
                    continue;
                }
            }
            if (evaluator.setTristate(sym, newVal)) {
                return;
            }
            printHelp(menu);
        }
    }

    /** conf_choice: returns true when the choice's children need no further questions. */
    private boolean askChoice(Menu menu) {
        Symbol sym = menu.sym;
        boolean isNew = !sym.hasUserValue();
        if (evaluator.isChangeable(sym)) {
            askTristate(menu);
            evaluator.calcValue(sym);
            if (sym.currTri == Tristate.NO) {
                return true;
            }
            if (sym.currTri == Tristate.MOD) {
                return false;
            }
        } else {
            if (sym.currTri == Tristate.NO) {
                return true;
            }
            if (sym.currTri == Tristate.MOD) {
                out.print(indentText(indent - 1) + menu.promptText() + "\n");
                return false;
            }
        }
        Menu child = pickMember(menu, sym::choiceSelection, isNew);
        evaluator.setTristate(child.sym, Tristate.YES);
        for (Menu grand = child.list; grand != null; grand = grand.next) {
            indent += 2;
            conf(grand);
            indent -= 2;
        }
        return true;
    }

    /**
     * conf_choice as of 6.11: the members listed with the one sym_calc_choice picks marked; the answer (or,
     * in oldconfig, the pick when no member is new) becomes the user's choice. Its members' children are
     * asked by conf() afterwards, as for any other entry.
     */
    private void askChoiceMembers(Menu menu) {
        Menu child = pickMember(menu, () -> evaluator.calcChoiceMembers(menu.sym), false);
        evaluator.choiceSetValue(menu.sym, child.sym);
    }

    /**
     * The member question both conf_choice forms ask: each visible member numbered, the current one marked
     * ({@code current} is asked again on every round), then the answer read (in oldconfig, the current one
     * taken when nothing is new). {@code choiceIsNew}: the choice itself has no value (before 6.11); since,
     * a listed member without one makes the question new.
     */
    private Menu pickMember(Menu menu, java.util.function.Supplier<Symbol> current, boolean choiceIsNew) {
        boolean isNew = choiceIsNew;
        while (true) {
            out.print(indentText(indent - 1) + menu.promptText() + "\n");
            Symbol defSym = current.get();
            int cnt = 0;
            int def = 0;
            line = "";
            for (Menu child = menu.list; child != null; child = child.next) {
                if (!MenuVisibility.isVisible(evaluator, child)) {
                    continue;
                }
                if (child.sym == null) {
                    out.print(indentText(indent - 1) + "* " + child.promptText() + "\n");
                    continue;
                }
                cnt++;
                if (child.sym == defSym) {
                    def = cnt;
                    out.print(indentText(indent - 1) + ">");
                } else {
                    out.print(indentText(indent));
                }
                out.print(" " + cnt + ". " + child.promptText());
                if (child.sym.name() != null) {
                    out.print(" (" + child.sym.name() + ")");
                }
                if (!child.sym.hasUserValue()) {
                    isNew |= boolChoiceBlocks;
                    out.print(" (NEW)");
                }
                out.print("\n");
            }
            out.print(indentText(indent - 1) + "choice");
            if (cnt == 1) {
                out.print("[1]: 1\n");
            } else {
                out.print("[1-" + cnt + "?]: ");
                if ((mode == ConfMode.OLDCONFIG || mode == ConfMode.SYNCCONFIG) && !isNew) {
                    cnt = def;
                    out.print(cnt + "\n");
                } else if (mode == ConfMode.OLDCONFIG || mode == ConfMode.SYNCCONFIG
                        || mode == ConfMode.OLDASKCONFIG) {
                    line = strip(readAnswer(line));
                    if (line.startsWith("?")) {
                        printHelp(menu);
                        continue;
                    }
                    if (line.isEmpty()) {
                        cnt = def;
                    } else if (Character.isDigit(line.charAt(0))) {
                        cnt = leadingInt(line);
                    } else {
                        continue;
                    }
                }
            }
            Menu child;
            for (child = menu.list; child != null; child = child.next) {
                if (child.sym == null || !MenuVisibility.isVisible(evaluator, child)) {
                    continue;
                }
                if (--cnt == 0) {
                    break;
                }
            }
            if (child == null) {
                continue;
            }
            if (!line.isEmpty() && line.endsWith("?")) {
                printHelp(child);
                continue;
            }
            return child;
        }
    }

    private static int leadingInt(String s) {
        int i = 0;
        int v = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
        }
        return v;
    }

    private void conf(Menu menu) {
        if (!MenuVisibility.isVisible(evaluator, menu)) {
            return;
        }
        Symbol sym = menu.sym;
        if (menu.prompt != null) {
            PropertyType type = menu.prompt.type;
            if (type == PropertyType.MENU && mode != ConfMode.OLDASKCONFIG && rootEntry != menu) {
                checkConf(menu);
                return;
            }
            if (type == PropertyType.MENU || type == PropertyType.COMMENT) {
                String prompt = menu.promptText();
                if (prompt != null) {
                    String pad = indentText(indent - 1);
                    out.print(pad + "*\n" + pad + "* " + prompt + "\n" + pad + "*\n");
                }
            }
        }
        if (sym != null) {
            if (sym.isChoice() && boolChoiceBlocks) {
                askChoiceMembers(menu);
                return;
            } else if (sym.isChoice()) {
                askChoice(menu);
                if (sym.currTri != Tristate.MOD) {
                    return;
                }
            } else if (sym.type.holdsString()) {
                askString(menu);
            } else {
                askTristate(menu);
            }
        }
        if (sym != null) {
            indent += 2;
        }
        for (Menu child = menu.list; child != null; child = child.next) {
            conf(child);
        }
        if (sym != null) {
            indent -= 2;
        }
    }

    private void checkConf(Menu menu) {
        if (!MenuVisibility.isVisible(evaluator, menu)) {
            return;
        }
        Symbol sym = menu.sym;
        if (sym != null && !sym.hasUserValue() && (evaluator.isChangeable(sym)
                || (sym.isChoice() && sym.currTri == Tristate.YES))) {
            switch (mode) {
                case LISTNEWCONFIG:
                    if (sym.name() != null) {
                        out.print(ConfigWriter.printForList(sym, evaluator.stringValue(sym), configPrefix) + "\n");
                    }
                    break;
                case HELPNEWCONFIG:
                    out.print("-----\n");
                    printHelp(menu);
                    out.print("-----\n");
                    break;
                default:
                    if (restarts++ == 0) {
                        out.print("*\n* Restart config...\n*\n");
                    }
                    rootEntry = parentMenu(menu);
                    conf(rootEntry);
                    break;
            }
        }
        for (Menu child = menu.list; child != null; child = child.next) {
            checkConf(child);
        }
    }

    /** menu_get_parent_menu: the nearest enclosing 'menu' (or menuconfig), or the root. */
    private Menu parentMenu(Menu menu) {
        Menu root = evaluator.kconfig().rootMenu();
        for (; menu != root; menu = menu.parent) {
            if (menu.prompt != null && menu.prompt.type == PropertyType.MENU) {
                break;
            }
        }
        return menu;
    }
}
