package kforge.kconfig.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.diag.Reporter;
import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.lex.SourceResolver;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;
import kforge.kconfig.model.Tristate;

/** Reads .config files into the symbols' user values: conf_read_simple and conf_read of confdata.c. */
public final class ConfigReader {
    private final Evaluator evaluator;
    private final ConfSettings settings;
    private final Reporter reporter;
    private final boolean boolChoiceBlocks;
    private final boolean strictLines;
    private final boolean outOfRangeKept;
    private String fileName;
    private int lineNo;
    private int warnings;

    public ConfigReader(Evaluator evaluator, ConfSettings settings) {
        this.evaluator = evaluator;
        this.settings = settings;
        this.reporter = evaluator.reporter();
        Dialect dialect = evaluator.kconfig().dialect();
        this.boolChoiceBlocks = dialect.has(KconfigChange.BOOL_CHOICE_BLOCKS);
        this.strictLines = dialect.has(KconfigChange.DOTCONFIG_STRICT_LINES);
        this.outOfRangeKept = dialect.has(KconfigChange.OUT_OF_RANGE_KEPT);
    }

    /** Warnings from the last read (KCONFIG_WERROR makes them fatal). */
    public int warnings() {
        return warnings;
    }

    /**
     * conf_read_simple. With a null name: KCONFIG_CONFIG (or .config), else the first file of
     * KCONFIG_DEFCONFIG_LIST that exists. Returns false when no file was found.
     */
    public boolean readSimple(String name, int def) {
        Path in;
        if (name != null) {
            in = settings.input(name);
        } else {
            name = settings.configName();
            in = settings.input(name);
            if (in == null) {
                evaluator.setChanged(true);
                String list = settings.env("KCONFIG_DEFCONFIG_LIST");
                if (list == null) {
                    return false;
                }
                for (String candidate : list.trim().split("\\s+")) {
                    if (candidate.isEmpty()) {
                        continue;
                    }
                    in = settings.input(candidate);
                    if (in != null) {
                        message("using defaults found in " + candidate);
                        name = candidate;
                        break;
                    }
                }
            }
        }
        if (in == null) {
            return false;
        }
        String text;
        try {
            text = SourceResolver.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        load(name, text, def);
        return true;
    }

    private void load(String name, String text, int def) {
        fileName = name;
        lineNo = 0;
        warnings = 0;
        int defFlags = Symbol.DEF_USER << def;
        for (Symbol sym : evaluator.kconfig().symbols().inHashOrder()) {
            if (boolChoiceBlocks) {
                sym.flags &= ~defFlags;
                if (def == Symbol.S_DEF_USER) {
                    sym.flags &= ~Symbol.VALID;
                }
            } else {
                sym.flags |= Symbol.CHANGED;
                sym.flags &= ~(defFlags | Symbol.VALID);
                if (sym.isChoice()) {
                    sym.flags |= defFlags;
                }
            }
            sym.defVal[def] = null;
            sym.defTri[def] = Tristate.NO;
        }
        String prefix = settings.configPrefix();
        String warnUnknown = settings.env("KCONFIG_WARN_UNKNOWN_SYMBOLS");
        int pos = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            String line = nl < 0 ? text.substring(pos) : text.substring(pos, nl + 1);
            pos = nl < 0 ? text.length() : nl + 1;
            lineNo++;
            readLine(line, prefix, def, defFlags, warnUnknown);
        }
    }

    private void readLine(String line, String prefix, int def, int defFlags, String warnUnknown) {
        String[] parsed = strictLines ? splitStrictly(line, prefix) : split(line, prefix);
        if (parsed != null) {
            assign(parsed[0], parsed[1], def, defFlags, warnUnknown);
        }
    }

    /**
     * A line as conf_read_simple reads it since 6.8: one trailing newline and then one carriage return
     * stripped; "# CONFIG_X is not set" exactly; any other line must be CONFIG_X=value, or it is
     * "unexpected data". Returns the name and value, or null for a line that sets nothing.
     */
    private String[] splitStrictly(String raw, String prefix) {
        // getline_stripped: the carriage return only goes with the newline; the rest is a C string.
        String line = raw;
        if (line.endsWith("\n")) {
            line = line.substring(0, line.length() - 1);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
        }
        line = untilNul(line);
        if (line.isEmpty()) {
            return null;
        }
        if (line.charAt(0) == '#') {
            if (line.length() < 2 || line.charAt(1) != ' ' || !line.startsWith(prefix, 2)) {
                return null;
            }
            String rest = line.substring(2 + prefix.length());
            int space = rest.indexOf(' ');
            if (space < 0 || !rest.substring(space + 1).equals("is not set")) {
                return null;
            }
            return new String[] {rest.substring(0, space), "n"};
        }
        int eq = line.indexOf('=', prefix.length());
        if (!line.startsWith(prefix) || eq < 0) {
            warning("unexpected data: " + line);
            return null;
        }
        return new String[] {line.substring(prefix.length(), eq), line.substring(eq + 1)};
    }

    /** A line as conf_read_simple read it before 6.8 (compat_getline, "is not set" as a prefix). */
    private String[] split(String raw, String prefix) {
        // conf reads the line as a C string: it ends at a NUL byte, newline and all.
        String line = untilNul(raw);
        String symName;
        String val;
        if (line.startsWith("#")) {
            if (line.length() < 2 || line.charAt(1) != ' ') {
                return null;
            }
            String p = line.substring(2);
            if (!p.startsWith(prefix)) {
                return null;
            }
            String rest = p.substring(prefix.length());
            int space = rest.indexOf(' ');
            if (space < 0) {
                return null;
            }
            symName = rest.substring(0, space);
            if (!rest.startsWith("is not set", space + 1)) {
                return null;
            }
            val = "n";
        } else if (line.startsWith(prefix)) {
            String rest = line.substring(prefix.length());
            int eq = rest.indexOf('=');
            if (eq < 0) {
                return null;
            }
            symName = rest.substring(0, eq);
            val = rest.substring(eq + 1);
            int nl = val.indexOf('\n');
            if (nl >= 0) {
                int end = nl;
                if (end > 0 && val.charAt(end - 1) == '\r') {
                    end--;
                }
                val = val.substring(0, end);
            }
        } else {
            // A line that starts with a NUL byte is not blank to conf: it warns with nothing to quote.
            if (!raw.isEmpty() && raw.charAt(0) != '\r' && raw.charAt(0) != '\n') {
                int end = 0;
                while (end < line.length() && line.charAt(end) != '\r' && line.charAt(end) != '\n') {
                    end++;
                }
                warning("unexpected data: " + line.substring(0, end));
            }
            return null;
        }
        return new String[] {symName, val};
    }

    /** The line as C sees it: up to its first NUL byte. */
    private static String untilNul(String line) {
        int nul = line.indexOf('\u0000');
        return nul < 0 ? line : line.substring(0, nul);
    }

    private void assign(String symName, String val, int def, int defFlags, String warnUnknown) {
        Symbol sym = evaluator.kconfig().symbols().find(symName);
        if (sym == null) {
            if (def != Symbol.S_DEF_AUTO) {
                if (warnUnknown != null) {
                    warning("unknown symbol: " + symName);
                }
                evaluator.setChanged(true);
            }
            return;
        }
        if ((sym.flags & defFlags) != 0) {
            warning("override: reassigning to symbol " + sym.name());
        }
        if (!setSymbolValue(sym, def, defFlags, val)) {
            return;
        }
        if (boolChoiceBlocks) {
            // The last line read for a member of a choice wins over earlier ones.
            if (def == Symbol.S_DEF_USER && sym.choice != null) {
                sym.preferInChoice();
            }
        } else if (sym.isChoiceValue()) {
            updateChoice(sym, def, defFlags);
        }
    }

    private void updateChoice(Symbol sym, int def, int defFlags) {
        Symbol cs = sym.choice;
        switch (sym.defTri[def]) {
            case MOD:
                if (cs.defTri[def] == Tristate.YES) {
                    warning(sym.name() + " creates inconsistent choice state");
                    cs.flags &= ~defFlags;
                }
                break;
            case YES:
                if (cs.defTri[def] != Tristate.NO) {
                    warning("override: " + sym.name() + " changes choice state");
                }
                cs.defVal[def] = sym;
                break;
            default:
                break;
        }
        cs.defTri[def] = cs.defTri[def].or(sym.defTri[def]);
    }

    /** conf_set_sym_val; false when the value was rejected. */
    private boolean setSymbolValue(Symbol sym, int def, int defFlags, String p) {
        switch (sym.type) {
            case TRISTATE:
                if (p.startsWith("m")) {
                    sym.defTri[def] = Tristate.MOD;
                    sym.flags |= defFlags;
                    return true;
                }
                // fall through
            case BOOLEAN:
                if (p.startsWith("y")) {
                    sym.defTri[def] = Tristate.YES;
                    sym.flags |= defFlags;
                    return true;
                }
                if (p.startsWith("n")) {
                    sym.defTri[def] = Tristate.NO;
                    sym.flags |= defFlags;
                    return true;
                }
                if (def != Symbol.S_DEF_AUTO) {
                    warning("symbol value '" + p + "' invalid for " + sym.name());
                }
                return false;
            case STRING:
                if (def != Symbol.S_DEF_AUTO) {
                    if (!p.startsWith("\"")) {
                        return true;
                    }
                    p = unescape(p.substring(1));
                    if (p == null) {
                        warning("invalid string found");
                        return false;
                    }
                }
                return setStringLike(sym, def, defFlags, p);
            case INT: case HEX:
                return setStringLike(sym, def, defFlags, p);
            default:
                return true;
        }
    }

    private boolean setStringLike(Symbol sym, int def, int defFlags, String p) {
        if (Evaluator.stringValid(sym, p)) {
            sym.defVal[def] = p;
            sym.flags |= defFlags;
            return true;
        }
        if (def != Symbol.S_DEF_AUTO) {
            warning("symbol value '" + p + "' invalid for " + sym.name());
        }
        return false;
    }

    /** The text up to the closing quote with backslash escapes removed, or null without a closing quote. */
    private static String unescape(String p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                i++;
                if (i >= p.length()) {
                    return null;
                }
                c = p.charAt(i);
            }
            sb.append(c);
        }
        return null;
    }

    /**
     * conf_read: reads the user's configuration, then works out whether it needs saving and drops values
     * that are out of range. Returns false when no file was found.
     */
    public boolean read(String name) {
        evaluator.setChanged(false);
        Symbol modules = evaluator.kconfig().modulesSymbol();
        if (!readSimple(name, Symbol.S_DEF_USER)) {
            evaluator.calcValue(modules);
            return false;
        }
        evaluator.calcValue(modules);
        int unsaved = 0;
        for (Symbol sym : evaluator.kconfig().symbols().inHashOrder()) {
            evaluator.calcValue(sym);
            if (sym.isChoice() || sym.has(Symbol.NO_WRITE)) {
                continue;
            }
            if (sym.hasUserValue() && sym.has(Symbol.WRITE)) {
                if (agreesWithSaved(sym)) {
                    continue;
                }
            } else if (!sym.hasUserValue() && !sym.has(Symbol.WRITE)) {
                continue;
            }
            unsaved++;
        }
        // 6.11 keeps the values of invisible symbols as they were read, and so needs no second pass.
        for (Symbol sym : boolChoiceBlocks ? List.<Symbol>of() : evaluator.kconfig().symbols().inHashOrder()) {
            if (!sym.hasUserValue() || sym.isChoiceValue()) {
                continue;
            }
            // Values of now-invisible symbols are reset so they show up as new when visible again.
            if (sym.visible == Tristate.NO && unsaved == 0) {
                sym.flags &= ~Symbol.DEF_USER;
            }
            // Since 6.8 an out-of-range value is kept, and the evaluation clamps it to the range.
            if (!outOfRangeKept && sym.type.holdsString()
                    && !evaluator.stringWithinRange(sym, userText(sym))) {
                sym.flags &= ~(Symbol.VALID | Symbol.DEF_USER);
                unsaved++;
            }
        }
        if (warnings != 0 || unsaved != 0) {
            evaluator.setChanged(true);
        }
        return true;
    }

    /**
     * The user's text of a string-like symbol. A choice of type int or hex counts as set without any text
     * (conf_read_simple marks every choice as set), and the kernel's conf then crashes checking its range.
     */
    private static String userText(Symbol sym) {
        String text = (String) sym.defVal[Symbol.S_DEF_USER];
        if (text == null && sym.isChoice() && sym.type != SymbolType.STRING) {
            throw new KconfigException(sym.properties.get(0).location + ": a choice of type " + sym.type.displayName()
                    + " cannot be read back from a .config (the kernel's conf crashes here); make the choice bool");
        }
        return text == null ? "" : text;
    }

    private boolean agreesWithSaved(Symbol sym) {
        if (sym.type == SymbolType.BOOLEAN || sym.type == SymbolType.TRISTATE) {
            return sym.defTri[Symbol.S_DEF_USER] == sym.currTri;
        }
        return String.valueOf(sym.currVal).equals(sym.defVal[Symbol.S_DEF_USER]);
    }

    private void warning(String text) {
        reporter.err(fileName + ":" + lineNo + ":warning: " + text);
        warnings++;
    }

    private void message(String text) {
        if (!settings.silent()) {
            reporter.out("#\n# " + text + "\n#");
        }
    }
}
