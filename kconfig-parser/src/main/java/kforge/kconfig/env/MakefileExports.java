package kforge.kconfig.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import kforge.kconfig.diag.KconfigException;

/**
 * The variables the top Makefile, the arch Makefile and scripts/kconfig/Makefile export to conf.
 */
final class MakefileExports {
    private final MakeInputs in;
    private final Map<String, String> vars;

    private MakefileExports(MakeInputs in) {
        this.in = in;
        this.vars = new TreeMap<>(in.base());
    }

    /** The base environment with the Makefiles' exports applied, sorted by name. */
    static Map<String, String> compute(MakeInputs inputs) {
        return new MakefileExports(inputs).computeAll();
    }

    private Map<String, String> computeAll() {
        applyLocaleRules();
        putLocations();
        putVersion();
        putArch();
        putTools();
        putKconfigInputs();
        putCompilerVersion();
        return vars;
    }

    /** The top Makefile unexports LC_ALL and pins collation and number formats, so shell helpers behave alike. */
    private void applyLocaleRules() {
        vars.remove("LC_ALL");
        vars.remove("GREP_OPTIONS");
        // scripts/kconfig/Makefile: "We need this, in case the user has it in its environment".
        vars.remove("CONFIG_");
        vars.put("LC_COLLATE", "C");
        vars.put("LC_NUMERIC", "C");
    }

    private void putLocations() {
        String srctree = in.srctree().toString();
        vars.put("abs_srctree", srctree);
        vars.put("objtree", ".");
        vars.put("building_out_of_srctree", "1");
        if (in.objtree() == null) {
            vars.put("srctree", srctree);
        } else {
            Path absObjtree = in.objtree();
            vars.put("abs_objtree", absObjtree.toString());
            vars.put("srctree", srctreeAsSeenFrom(absObjtree));
            if (absObjtree.equals(in.srctree())) {
                vars.put("building_out_of_srctree", "");
            }
        }
        vars.put("VPATH", vars.get("srctree"));
    }

    /** The top Makefile spells srctree relatively for in-tree and one-level-down builds. */
    private String srctreeAsSeenFrom(Path absObjtree) {
        if (!vars.getOrDefault("KBUILD_ABS_SRCTREE", "").isEmpty()) {
            return in.srctree().toString();
        }
        if (absObjtree.equals(in.srctree())) {
            return ".";
        }
        return in.srctree().equals(absObjtree.getParent()) ? ".." : in.srctree().toString();
    }

    private void putVersion() {
        KernelVersion version = in.version();
        vars.putAll(version.exportedParts());
        vars.put("KERNELVERSION", version.kernelVersion());
        vars.put("KERNELRELEASE", previousKernelRelease());
    }

    /** KERNELRELEASE is $(shell cat include/config/kernel.release) in the objtree, empty before a first build. */
    private String previousKernelRelease() {
        if (in.objtree() == null) {
            return "";
        }
        Path file = in.objtree().resolve("include/config/kernel.release");
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            throw new KconfigException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private void putArch() {
        vars.put("ARCH", in.arch());
        vars.put("SRCARCH", in.srcArch());
        if (in.srcArch().equals("um")) {
            // Only arch/um/Makefile exports these; arch/um/Kconfig sources arch/$(HEADER_ARCH)/um/Kconfig.
            vars.put("SUBARCH", in.subArch());
            vars.put("HEADER_ARCH", ArchNames.headerArch(in.subArch()));
        }
    }

    private void putTools() {
        boolean clippy = "1".equals(vars.get("KBUILD_CLIPPY"));
        vars.putAll(ToolVariables.of(in.crossCompile(), clippy));
        ArchToolOverrides.apply(in.srcArch(), in.crossCompile(), vars);
        if (in.srcArch().equals("um")) {
            // arch/um/Makefile sets SHELL := /bin/bash, and bash rewrites the exported BASH to its own path.
            vars.put("BASH", "/bin/bash");
        }
    }

    private void putKconfigInputs() {
        vars.putIfAbsent("KCONFIG_CONFIG", ".config");
        vars.putIfAbsent("KBUILD_KCONFIG", "");
        String defconfig = ArchDefconfig.of(in.srctree(), in.arch(), in.srcArch(), in.subArch(), in.base());
        vars.put("KBUILD_DEFCONFIG", defconfig);
        vars.put("KCONFIG_DEFCONFIG_LIST", defconfigList(defconfig));
    }

    /**
     * Where conf looks for a starting configuration when there is no .config (scripts/kconfig/Makefile):
     * the running kernel's config first, unless the caller declares a cross build.
     */
    private String defconfigList(String defconfig) {
        String archDefconfig = "arch/" + in.srcArch() + "/configs/" + defconfig;
        if (!in.base().getOrDefault("cross_compiling", "").isEmpty()) {
            return archDefconfig;
        }
        String release = HostSystem.release();
        return String.join(" ", "/lib/modules/" + release + "/.config", "/etc/kernel-config",
                "/boot/config-" + release, archDefconfig);
    }

    private void putCompilerVersion() {
        String cc = vars.get("CC");
        String text = CompilerVersion.text(cc, vars);
        if (text.contains("clang")) {
            throw new KconfigException("C compiler '" + cc + "' is clang (" + text + "); kforge only reproduces"
                    + " the kernel's GCC toolchain setup");
        }
        vars.put("CC_VERSION_TEXT", text);
    }
}
