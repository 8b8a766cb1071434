package kforge.kconfig.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.dialect.KconfigChange;
import kforge.kconfig.eval.Evaluator;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolType;
import kforge.kconfig.model.Tristate;

/**
 * conf_write_autoconf: the files Kbuild reads instead of .config — include/config/auto.conf, its .cmd
 * dependency file, include/generated/autoconf.h and rustc_cfg — and one empty include/config/SYMBOL file
 * per symbol whose value changed, which is how Kbuild rebuilds only what a change affects.
 */
public final class AutoconfWriter {
    private final Evaluator evaluator;
    private final ConfSettings settings;

    public AutoconfWriter(Evaluator evaluator, ConfSettings settings) {
        this.evaluator = evaluator;
        this.settings = settings;
    }

    /** Writes the files; without {@code overwrite}, only when auto.conf does not exist yet. */
    public void write(boolean overwrite) {
        String autoconfName = nameOr("KCONFIG_AUTOCONFIG", "include/config/auto.conf");
        Path autoconf = settings.output(autoconfName);
        if (!overwrite && Files.exists(autoconf)) {
            return;
        }
        try {
            boolean rewritten = evaluator.kconfig().dialect().has(KconfigChange.AUTOCONF_HEADING_REWRITE);
            replace(settings.output(rewritten ? autoconfName + ".cmd" : "include/config/auto.conf.cmd"),
                    dependencyFile(autoconfName));
            touchChangedSymbols(autoconfName);
            List<Symbol> symbols = evaluator.kconfig().symbols().inHashOrder();
            for (Symbol sym : symbols) {
                evaluator.calcValue(sym);
            }
            String title = evaluator.kconfig().title();
            String prefix = settings.configPrefix();
            // Before the rewrite, the heading's text began and ended with a newline, each a " *" line.
            String blank = rewritten ? "" : " *\n";
            StringBuilder header = new StringBuilder("/*\n").append(blank)
                    .append(" * Automatically generated file; DO NOT EDIT.\n * ").append(title).append('\n')
                    .append(blank).append(" */\n");
            StringBuilder rust = new StringBuilder();
            StringBuilder auto = new StringBuilder("#\n# Automatically generated file; DO NOT EDIT.\n# ")
                    .append(title).append("\n#\n");
            for (Symbol sym : symbols) {
                if (sym.has(Symbol.WRITE) && sym.name() != null && sym.type != SymbolType.UNKNOWN) {
                    cDefine(header, sym, prefix);
                    rustCfg(rust, sym, prefix);
                    autoconfLine(auto, sym, prefix);
                }
            }
            replace(settings.output(nameOr("KCONFIG_AUTOHEADER", "include/generated/autoconf.h")),
                    header.toString());
            if (evaluator.kconfig().dialect().has(KconfigChange.RUSTC_CFG)) {
                replace(settings.output(nameOr("KCONFIG_RUSTCCFG", "include/generated/rustc_cfg")),
                        rust.toString());
            }
            // auto.conf last: Kbuild takes its presence as the sign that the others are complete.
            replace(autoconf, auto.toString());
        } catch (IOException e) {
            throw new KconfigException("\n*** Error during sync of the configuration.\n(" + e.getMessage() + ")");
        }
    }

    private String nameOr(String variable, String fallback) {
        String name = settings.env(variable);
        return name != null ? name : fallback;
    }

    /** auto.conf.cmd: make rules that redo the configuration when a Kconfig file or a used variable changes. */
    private String dependencyFile(String autoconfName) {
        if (evaluator.kconfig().dialect().has(KconfigChange.AUTOCONF_CMD_IN_ORDER)) {
            return dependencyFileInReadOrder(autoconfName);
        }
        boolean rewritten = evaluator.kconfig().dialect().has(KconfigChange.AUTOCONF_HEADING_REWRITE);
        StringBuilder out = new StringBuilder("deps_config := \\\n");
        List<String> files = new ArrayList<>(new LinkedHashSet<>(evaluator.kconfig().files()));
        for (int i = files.size() - 1; i >= 0; i--) {
            // Before the rewrite (conf_write_dep), the last file had no backslash.
            out.append('\t').append(files.get(i)).append(rewritten || i > 0 ? " \\\n" : "\n");
        }
        out.append('\n').append(autoconfName)
                .append(rewritten ? ": $(deps_config)\n\n" : ": \\\n\t$(deps_config)\n\n");
        for (Map.Entry<String, String> e : evaluator.kconfig().environmentUsed().entrySet()) {
            out.append("ifneq \"$(").append(e.getKey()).append(")\" \"").append(e.getValue()).append("\"\n");
            out.append(autoconfName).append(": FORCE\n");
            out.append("endif\n");
        }
        out.append("\n$(deps_config): ;\n");
        return out.toString();
    }

    /** The 6.9 layout: an autoconfig variable, the files in the order first read, the variables last. */
    private String dependencyFileInReadOrder(String autoconfName) {
        StringBuilder out = new StringBuilder("autoconfig := ").append(autoconfName).append('\n');
        out.append("\ndeps_config := \\\n");
        for (String file : new LinkedHashSet<>(evaluator.kconfig().files())) {
            out.append('\t').append(file).append(" \\\n");
        }
        out.append("\n$(autoconfig): $(deps_config)\n$(deps_config): ;\n");
        for (Map.Entry<String, String> e : evaluator.kconfig().environmentUsed().entrySet()) {
            out.append("\nifneq \"$(").append(e.getKey()).append(")\" \"").append(e.getValue()).append("\"\n");
            out.append("$(autoconfig): FORCE\n");
            out.append("endif\n");
        }
        return out.toString();
    }

    /** conf_touch_deps: touch include/config/SYMBOL for each symbol whose value differs from auto.conf's. */
    private void touchChangedSymbols(String autoconfName) throws IOException {
        int slash = autoconfName.lastIndexOf('/');
        String depPrefix = slash >= 0 ? autoconfName.substring(0, slash + 1) : "";
        new ConfigReader(evaluator, settings).readSimple(autoconfName, Symbol.S_DEF_AUTO);
        evaluator.calcValue(evaluator.kconfig().modulesSymbol());
        for (Symbol sym : evaluator.kconfig().symbols().inHashOrder()) {
            evaluator.calcValue(sym);
            if (sym.has(Symbol.NO_WRITE) || sym.name() == null || !changedSinceAutoconf(sym)) {
                continue;
            }
            Path dep = settings.output(depPrefix + dependencyFileName(sym.name()));
            Files.createDirectories(dep.toAbsolutePath().getParent());
            Files.write(dep, new byte[0]);
        }
    }

    /** FOO_BAR, or before CONFIG_DEP_FILES_BY_NAME foo/bar.h (conf_touch_dep). */
    private String dependencyFileName(String name) {
        if (evaluator.kconfig().dialect().has(KconfigChange.CONFIG_DEP_FILES_BY_NAME)) {
            return name;
        }
        StringBuilder path = new StringBuilder();
        for (char c : name.toCharArray()) {
            path.append(c == '_' ? '/' : (c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c));
        }
        return path.append(".h").toString();
    }

    private boolean changedSinceAutoconf(Symbol sym) {
        boolean hadValue = sym.has(Symbol.DEF_AUTO);
        if (!sym.has(Symbol.WRITE)) {
            return hadValue;
        }
        String now = evaluator.stringValue(sym);
        if (hadValue) {
            switch (sym.type) {
                case BOOLEAN: case TRISTATE:
                    return sym.currTri != sym.defTri[Symbol.S_DEF_AUTO];
                case STRING: case HEX: case INT:
                    return !now.equals(sym.defVal[Symbol.S_DEF_AUTO]);
                default:
                    return true;
            }
        }
        return !((sym.type == SymbolType.BOOLEAN || sym.type == SymbolType.TRISTATE) && sym.currTri == Tristate.NO);
    }

    /** print_symbol_for_c. */
    private void cDefine(StringBuilder out, Symbol sym, String prefix) {
        String val = evaluator.stringValue(sym);
        String suffix = "";
        String valPrefix = "";
        switch (sym.type) {
            case BOOLEAN: case TRISTATE:
                if (val.startsWith("n")) {
                    return;
                }
                suffix = val.startsWith("m") ? "_MODULE" : "";
                val = "1";
                break;
            case HEX:
                valPrefix = hasHexPrefix(val) ? "" : "0x";
                break;
            case STRING:
                val = ConfigWriter.escape(val);
                break;
            default:
                break;
        }
        out.append("#define ").append(prefix).append(sym.name()).append(suffix).append(' ').append(valPrefix)
                .append(val).append('\n');
    }

    /** print_symbol_for_rustccfg. */
    private void rustCfg(StringBuilder out, Symbol sym, String prefix) {
        String val = evaluator.stringValue(sym);
        switch (sym.type) {
            case BOOLEAN: case TRISTATE:
                if (val.startsWith("n")) {
                    return;
                }
                out.append("--cfg=").append(prefix).append(sym.name()).append('\n');
                break;
            case HEX:
                if (!hasHexPrefix(val)) {
                    val = "0x" + val;
                }
                break;
            default:
                break;
        }
        out.append("--cfg=").append(prefix).append(sym.name()).append('=').append(ConfigWriter.escape(val))
                .append('\n');
    }

    /** print_symbol_for_autoconf: n is left out and strings are not quoted. */
    private void autoconfLine(StringBuilder out, Symbol sym, String prefix) {
        String val = evaluator.stringValue(sym);
        if ((sym.type == SymbolType.BOOLEAN || sym.type == SymbolType.TRISTATE) && val.startsWith("n")) {
            return;
        }
        out.append(prefix).append(sym.name()).append('=').append(val).append('\n');
    }

    private static boolean hasHexPrefix(String val) {
        return val.length() >= 2 && val.charAt(0) == '0' && (val.charAt(1) == 'x' || val.charAt(1) == 'X');
    }

    private static void replace(Path target, String content) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, content.getBytes(StandardCharsets.ISO_8859_1));
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
