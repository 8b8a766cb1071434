package kforge.kconfig.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KconfigChange;

/**
 * The environment the kernel's top Makefile hands to scripts/kconfig/conf, computed without make, so that
 * kforge's Kconfig engine sees the same $(CC), $(ARCH), $(KERNELVERSION), ... as conf does.
 *
 * <p>It reproduces every variable that Kconfig files, scripts/Kconfig.include or conf itself read, plus the
 * program names the Makefile exports. Compiler and linker flag variables (KBUILD_CFLAGS and the like) and
 * make's own bookkeeping (MAKEFLAGS, Q, ...) are left out: neither Kconfig nor conf reads them.
 * LLVM=1 builds are refused, because scripts/Makefile.clang adds CLANG_FLAGS that this class does not compute.
 *
 * <p>conf is meant to run with the objtree as working directory and these variables as its whole environment.
 */
public final class KernelEnvironment {
    private final Map<String, String> variables;
    private final Path srctree;
    private final String arch;
    private final String srcArch;
    private final String crossCompile;
    private final String kernelVersion;
    private final String kbuildDefconfig;
    private final Dialect dialect;

    private KernelEnvironment(MakeInputs inputs, Map<String, String> variables) {
        this.dialect = Dialect.of(inputs.version().release());
        this.variables = Collections.unmodifiableMap(variables);
        this.srctree = inputs.srctree();
        this.arch = inputs.arch();
        this.srcArch = inputs.srcArch();
        this.crossCompile = inputs.crossCompile();
        this.kernelVersion = variables.get("KERNELVERSION");
        this.kbuildDefconfig = variables.get("KBUILD_DEFCONFIG");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The complete environment for conf: the base environment with the Makefile's exports applied. */
    public Map<String, String> variables() {
        return variables;
    }

    /** The source tree, with symbolic links resolved as the Makefile's abs_srctree has them. */
    public Path srctree() {
        return srctree;
    }

    public String arch() {
        return arch;
    }

    /** The directory under arch/ that holds this architecture (x86 for x86_64, ...). */
    public String srcArch() {
        return srcArch;
    }

    /** The tool prefix in use, "" when the host tools are used. */
    public String crossCompile() {
        return crossCompile;
    }

    /** As 'make kernelversion' prints it, e.g. 6.1.192. */
    public String kernelVersion() {
        return kernelVersion;
    }

    /** The file under arch/$(SRCARCH)/configs that 'make defconfig' reads. */
    public String kbuildDefconfig() {
        return kbuildDefconfig;
    }

    /** The Kconfig language and conf behaviour of this tree's release. */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * The top Kconfig file, relative to srctree, that the kconfig Makefile passes to conf: $(KBUILD_KCONFIG),
     * else Kconfig, or arch/$(SRCARCH)/Kconfig in trees without a top-level Kconfig.
     */
    public String kconfigFile() {
        String chosen = variables.getOrDefault("KBUILD_KCONFIG", "");
        if (!chosen.isEmpty()) {
            return chosen;
        }
        return dialect.has(KconfigChange.TOP_LEVEL_KCONFIG) ? "Kconfig" : "arch/" + srcArch + "/Kconfig";
    }

    /** Collects the same inputs as a make command line: the tree, ARCH=, CROSS_COMPILE= and the caller's environment. */
    public static final class Builder {
        private Path tree;
        private String requestedArch;
        private String requestedCrossCompile;
        private String requestedSubArch;
        private Path objtree;
        private Map<String, String> base = System.getenv();

        private Path srctree;
        private String arch;
        private String srcArch;
        private String subArch;
        private String crossCompile;

        private Builder() {
        }

        /** The kernel source tree (the directory holding the top Makefile). */
        public Builder tree(Path srctree) {
            this.tree = Objects.requireNonNull(srctree, "srctree");
            return this;
        }

        /** ARCH=; null takes ARCH from the base environment, or else the host's, as make does. */
        public Builder arch(String arch) {
            this.requestedArch = arch;
            return this;
        }

        /**
         * CROSS_COMPILE=; null takes it from the base environment as make does, "" asks for the host tools.
         * When it ends up empty, arch Makefiles that search for a cross compiler (arc, loongarch) still do.
         */
        public Builder crossCompile(String prefixOrNull) {
            this.requestedCrossCompile = prefixOrNull;
            return this;
        }

        /** The environment make would be started with; defaults to this process's environment. */
        public Builder baseEnvironment(Map<String, String> processEnv) {
            this.base = Map.copyOf(Objects.requireNonNull(processEnv, "processEnv"));
            return this;
        }

        /**
         * The output directory conf will run in (make's O=). Optional: it only decides how srctree is spelt
         * ("." or ".." for in-tree layouts) and where a previous build's KERNELRELEASE is read.
         */
        public Builder objtree(Path objtree) {
            this.objtree = objtree;
            return this;
        }

        /** SUBARCH=, the host architecture UML builds for; by default derived from {@code uname -m}. */
        public Builder subArch(String subArch) {
            this.requestedSubArch = subArch;
            return this;
        }

        public KernelEnvironment build() {
            resolveTree();
            rejectLlvm();
            resolveArch();
            resolveCrossCompile();
            Path resolvedObjtree = objtree == null ? null : realPath(objtree);
            KernelVersion version = KernelVersion.read(srctree.resolve("Makefile"));
            requireTopKconfig(version);
            MakeInputs inputs = new MakeInputs(srctree, resolvedObjtree, arch, srcArch, subArch, crossCompile, base,
                    version);
            return new KernelEnvironment(inputs, MakefileExports.compute(inputs));
        }

        private void resolveTree() {
            if (tree == null) {
                throw new KconfigException("no kernel source tree given");
            }
            if (!Files.isRegularFile(tree.resolve("Makefile"))) {
                throw new KconfigException(tree + " is not a Linux source tree (no Makefile at its top)");
            }
            srctree = realPath(tree);
        }

        /** Trees since 2.6.37 have a top-level Kconfig; older ones start at arch/$SRCARCH/Kconfig (checked below). */
        private void requireTopKconfig(KernelVersion version) {
            if (Dialect.of(version.release()).has(KconfigChange.TOP_LEVEL_KCONFIG)
                    && !Files.isRegularFile(srctree.resolve("Kconfig"))) {
                throw new KconfigException(tree + " is not a Linux source tree (no Kconfig at its top, and its"
                        + " Makefile says Linux " + version.kernelVersion() + ")");
            }
        }

        private void rejectLlvm() {
            String llvm = base.getOrDefault("LLVM", "");
            if (!llvm.isEmpty()) {
                throw new KconfigException("LLVM=" + llvm + " is set in the environment; kforge only reproduces the"
                        + " kernel's GCC toolchain setup, so unset LLVM");
            }
        }

        private void resolveArch() {
            subArch = nonEmpty(requestedSubArch) ? requestedSubArch : ArchNames.subArch(HostSystem.machine());
            if (nonEmpty(requestedArch)) {
                arch = requestedArch;
            } else {
                arch = nonEmpty(base.get("ARCH")) ? base.get("ARCH") : subArch;
            }
            srcArch = ArchNames.srcArch(arch);
            if (!Files.isRegularFile(srctree.resolve("arch").resolve(srcArch).resolve("Kconfig"))) {
                throw new KconfigException("unknown architecture ARCH=" + arch + ": " + srctree + "/arch/" + srcArch
                        + "/Kconfig does not exist");
            }
        }

        private void resolveCrossCompile() {
            String given = requestedCrossCompile != null ? requestedCrossCompile : base.getOrDefault("CROSS_COMPILE", "");
            crossCompile = !given.isEmpty() ? given
                    : ArchCrossCompile.choose(arch, srcArch, subArch, base).orElse("");
        }

        private static boolean nonEmpty(String value) {
            return value != null && !value.isEmpty();
        }
    }

    /** Resolves links as make's $(realpath) does for abs_srctree and abs_objtree. */
    static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            // Make creates O= on demand; a directory that does not exist yet has no links to resolve.
            return path.toAbsolutePath().normalize();
        }
    }
}
