package kforge.kconfig.env;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The program names the top Makefile defines and exports (the GCC branch, not LLVM=1). CPP is left out:
 * nothing in Kconfig reads it, and powerpc appends its whole CFLAGS to it.
 * Makefile assignments beat the environment in make, so these replace whatever the caller's environment holds.
 */
final class ToolVariables {

    /** Programs named $(CROSS_COMPILE)<program>. */
    private static final Map<String, String> PREFIXED = Map.of("CC", "gcc", "LD", "ld", "AR", "ar", "NM", "nm",
            "OBJCOPY", "objcopy", "OBJDUMP", "objdump", "READELF", "readelf", "STRIP", "strip");

    /** Programs whose names do not depend on CROSS_COMPILE. */
    private static final Map<String, String> FIXED = fixed();

    private ToolVariables() {
    }

    static Map<String, String> of(String crossCompile, boolean clippy) {
        Map<String, String> tools = new LinkedHashMap<>();
        tools.put("CROSS_COMPILE", crossCompile);
        PREFIXED.forEach((name, program) -> tools.put(name, crossCompile + program));
        tools.putAll(FIXED);
        tools.put("RUSTC_OR_CLIPPY", clippy ? "clippy-driver" : FIXED.get("RUSTC"));
        tools.put("RUSTC_OR_CLIPPY_QUIET", clippy ? "CLIPPY" : "RUSTC");
        return tools;
    }

    private static Map<String, String> fixed() {
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put("HOSTCC", "gcc");
        fixed.put("HOSTCXX", "g++");
        fixed.put("HOSTRUSTC", "rustc");
        fixed.put("HOSTPKG_CONFIG", "pkg-config");
        fixed.put("RUSTC", "rustc");
        fixed.put("RUSTDOC", "rustdoc");
        fixed.put("RUSTFMT", "rustfmt");
        fixed.put("BINDGEN", "bindgen");
        fixed.put("CARGO", "cargo");
        fixed.put("RUSTC_BOOTSTRAP", "1");
        fixed.put("PAHOLE", "pahole");
        fixed.put("RESOLVE_BTFIDS", "./tools/bpf/resolve_btfids/resolve_btfids");
        fixed.put("LEX", "flex");
        fixed.put("YACC", "bison");
        fixed.put("AWK", "awk");
        fixed.put("INSTALLKERNEL", "installkernel");
        fixed.put("PERL", "perl");
        fixed.put("PYTHON3", "python3");
        fixed.put("CHECK", "sparse");
        fixed.put("BASH", "bash");
        fixed.put("CONFIG_SHELL", "sh");
        fixed.put("KGZIP", "gzip");
        fixed.put("KBZIP2", "bzip2");
        fixed.put("KLZOP", "lzop");
        fixed.put("LZMA", "lzma");
        fixed.put("LZ4", "lz4");
        fixed.put("XZ", "xz");
        fixed.put("ZSTD", "zstd");
        return Map.copyOf(fixed);
    }
}
