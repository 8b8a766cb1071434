package kforge.kconfig.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.model.Menu;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;

/** Writes .config (conf_write) and minimal defconfig files (conf_write_defconfig). */
public final class ConfigWriter {
    private final Evaluator evaluator;
    private final ConfSettings settings;

    /** What conf's main() adds when conf_write fails. */
    private static final String WRITE_FAILED = "\n\n*** Error during writing of the configuration.\n";

    public ConfigWriter(Evaluator evaluator, ConfSettings settings) {
        this.evaluator = evaluator;
        this.settings = settings;
    }

    /** The full .config text, as conf_write produces it. */
    public String render() {
        StringBuilder out = new StringBuilder();
        header(out);
        if (!evaluator.isChanged()) {
            evaluator.clearAllValid();
        }
        String prefix = settings.configPrefix();
        boolean needNewline = false;
        boolean endOfMenuComments = evaluator.kconfig().dialect().has(KconfigChange.END_OF_MENU_COMMENTS);
        Menu root = evaluator.kconfig().rootMenu();
        Menu menu = root.list;
        while (menu != null) {
            Symbol sym = menu.sym;
            if (sym == null) {
                if (MenuVisibility.isVisible(evaluator, menu)) {
                    out.append("\n#\n# ").append(menu.promptText()).append("\n#\n");
                    needNewline = false;
                }
            } else if (!sym.isChoice() && !sym.has(Symbol.WRITTEN)) {
                evaluator.calcValue(sym);
                if (sym.has(Symbol.WRITE)) {
                    if (needNewline) {
                        out.append('\n');
                        needNewline = false;
                    }
                    sym.flags |= Symbol.WRITTEN;
                    printForDotconfig(out, sym, prefix);
                }
            }
            if (menu.list != null) {
                menu = menu.list;
                continue;
            }
            while (true) {
                if (endOfMenuComments && menu.sym == null && menu != root && menu.isMenu()
                        && MenuVisibility.isVisible(evaluator, menu)) {
                    out.append("# end of ").append(menu.promptText()).append('\n');
                    needNewline = true;
                }
                if (menu.next != null) {
                    menu = menu.next;
                    break;
                }
                menu = menu.parent;
                if (menu == null) {
                    break;
                }
            }
        }
        for (Symbol s : evaluator.kconfig().symbols().inHashOrder()) {
            s.flags &= ~Symbol.WRITTEN;
        }
        return out.toString();
    }

    /**
     * conf_write's header. Since 3.2 "DO NOT EDIT" and the root menu's prompt; before, "don't edit", the
     * prompt (since 2.6.37) or the value of KERNELVERSION, and ctime's date unless KCONFIG_NOTIMESTAMP is set.
     */
    private void header(StringBuilder out) {
        kforge.kconfig.dialect.Dialect dialect = evaluator.kconfig().dialect();
        if (dialect.has(KconfigChange.CONFIG_HEADER_DO_NOT_EDIT)) {
            out.append("#\n# Automatically generated file; DO NOT EDIT.\n# ")
                    .append(evaluator.kconfig().title()).append("\n#\n");
            return;
        }
        out.append("#\n# Automatically generated make config: don't edit\n# ");
        if (dialect.has(KconfigChange.CONFIG_HEADER_PROMPT)) {
            out.append(evaluator.kconfig().title());
        } else {
            out.append("Linux kernel version: ").append(kernelVersion());
        }
        out.append('\n');
        String noTimestamp = settings.env("KCONFIG_NOTIMESTAMP");
        if (noTimestamp == null || noTimestamp.isEmpty()) {
            out.append("# ").append(Ctime.now()).append('\n');
        }
        out.append("#\n");
    }

    /** sym_lookup("KERNELVERSION"): the option env symbol's value, or the name when no such symbol exists. */
    private String kernelVersion() {
        Symbol sym = evaluator.kconfig().symbols().find("KERNELVERSION");
        if (sym == null) {
            return "KERNELVERSION";
        }
        evaluator.calcValue(sym);
        return evaluator.stringValue(sym);
    }

    /**
     * conf_write: renders and replaces the file atomically, keeping NAME.old. Prints conf's message
     * ("configuration written to NAME" or "No change to NAME").
     */
    public void write(String name) {
        if (name == null) {
            name = settings.configName();
        }
        if (name.isEmpty()) {
            throw new KconfigException("config name is empty" + WRITE_FAILED);
        }
        Path target = settings.output(name);
        if (Files.isDirectory(target)) {
            throw new KconfigException(name + ": Is a directory" + WRITE_FAILED);
        }
        String content = render();
        try {
            String overwrite = settings.env("KCONFIG_OVERWRITECONFIG");
            if (overwrite != null && !overwrite.isEmpty()) {
                Path parent = target.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Files.write(target, content.getBytes(StandardCharsets.ISO_8859_1));
            } else if (AtomicFile.replace(target, content, true) == AtomicFile.Outcome.UNCHANGED) {
                message("No change to " + name);
                evaluator.setChanged(false);
                return;
            }
        } catch (IOException e) {
            throw new KconfigException(name + ": " + e.getMessage() + WRITE_FAILED);
        }
        message("configuration written to " + name);
        evaluator.setChanged(false);
    }

    /** conf_write_defconfig: only values that differ from their defaults. */
    public String renderDefconfig() {
        StringBuilder out = new StringBuilder();
        evaluator.clearAllValid();
        String prefix = settings.configPrefix();
        Menu menu = evaluator.kconfig().rootMenu().list;
        while (menu != null) {
            Symbol sym = menu.sym;
            if (sym == null) {
                MenuVisibility.isVisible(evaluator, menu);
            } else if (!sym.isChoice()) {
                if (isWorthSaving(sym)) {
                    printForDotconfig(out, sym, prefix);
                }
            }
            if (menu.list != null) {
                menu = menu.list;
            } else if (menu.next != null) {
                menu = menu.next;
            } else {
                while ((menu = menu.parent) != null) {
                    if (menu.next != null) {
                        menu = menu.next;
                        break;
                    }
                }
            }
        }
        return out.toString();
    }

    private boolean isWorthSaving(Symbol sym) {
        evaluator.calcValue(sym);
        if (!sym.has(Symbol.WRITE)) {
            return false;
        }
        sym.flags &= ~Symbol.WRITE;
        if (!evaluator.isChangeable(sym)) {
            return false;
        }
        if (evaluator.stringValue(sym).equals(evaluator.stringDefault(sym))) {
            return false;
        }
        // The choice's default value, set to y, is implied by the choice itself.
        if (evaluator.kconfig().dialect().has(KconfigChange.BOOL_CHOICE_BLOCKS)) {
            return sym.choice == null || sym != evaluator.choiceDefault(sym.choice)
                    || sym.currTri != kforge.kconfig.model.Tristate.YES;
        }
        if (sym.isChoiceValue()) {
            Symbol cs = sym.choice;
            Symbol ds = evaluator.choiceDefault(cs);
            if (!cs.isOptional() && sym == ds && sym.type == SymbolType.BOOLEAN
                    && sym.currTri == kforge.kconfig.model.Tristate.YES) {
                return false;
            }
        }
        return true;
    }

    public void writeDefconfig(String name) {
        Path target = settings.output(name);
        try {
            // Like conf, no directory is created: a mistyped path is an error, not a new directory.
            Files.write(target, renderDefconfig().getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new KconfigException("n*** Error while saving defconfig to: " + name + "\n");
        }
    }

    /** __print_symbol for .config: "# CONFIG_X is not set" for n, quoted and escaped strings. */
    static void printForDotconfig(StringBuilder out, Symbol sym, String prefix) {
        if (sym.type == SymbolType.UNKNOWN) {
            return;
        }
        String val = sym.type == SymbolType.BOOLEAN || sym.type == SymbolType.TRISTATE
                ? sym.currTri.text() : (String) sym.currVal;
        if ((sym.type == SymbolType.BOOLEAN || sym.type == SymbolType.TRISTATE) && val.startsWith("n")) {
            out.append("# ").append(prefix).append(sym.name()).append(" is not set\n");
            return;
        }
        if (sym.type == SymbolType.STRING) {
            val = escape(val);
        }
        out.append(prefix).append(sym.name()).append('=').append(val).append('\n');
    }

    /** __print_symbol in listnewconfig form: n is printed as "=n". */
    public static String printForList(Symbol sym, String value, String prefix) {
        if (sym.type == SymbolType.STRING) {
            value = escape(value);
        }
        return prefix + sym.name() + "=" + value;
    }

    static String escape(String in) {
        StringBuilder sb = new StringBuilder(in.length() + 2);
        sb.append('"');
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    private void message(String text) {
        if (!settings.silent()) {
            evaluator.reporter().out("#\n# " + text + "\n#");
        }
    }
}
