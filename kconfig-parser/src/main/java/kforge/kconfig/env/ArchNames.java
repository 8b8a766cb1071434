package kforge.kconfig.env;

import java.util.List;
import java.util.Set;

/**
 * The architecture name rules of the top Makefile, scripts/subarch.include and arch/um/Makefile.
 */
public final class ArchNames {

    /** The sed program of scripts/subarch.include, in order; each rule rewrites the first match only, as sed's s/// does. */
    private static final List<String[]> SUBARCH_SED_RULES = List.of(
            new String[] {"i.86", "x86"},
            new String[] {"x86_64", "x86"},
            new String[] {"sun4u", "sparc64"},
            new String[] {"arm.*", "arm"},
            new String[] {"sa110", "arm"},
            new String[] {"s390x", "s390"},
            new String[] {"ppc.*", "powerpc"},
            new String[] {"mips.*", "mips"},
            new String[] {"sh[234].*", "sh"},
            new String[] {"aarch64.*", "arm64"},
            new String[] {"riscv.*", "riscv"},
            new String[] {"loongarch.*", "loongarch"});

    private static final Set<String> X86_FLAVOURS = Set.of("x86", "x86_64", "i386");

    private ArchNames() {
    }

    /**
     * SRCARCH, the directory under arch/. Only these aliases exist in the top Makefile; any other ARCH
     * (sparc32 included) is its own directory name.
     */
    public static String srcArch(String arch) {
        switch (arch) {
            case "i386":
            case "x86_64":
                return "x86";
            case "sparc64":
                return "sparc";
            case "parisc64":
                return "parisc";
            case "sh64":
                return "sh";
            default:
                return arch;
        }
    }

    /** SUBARCH from the output of {@code uname -m}, the default ARCH and the host architecture of UML. */
    static String subArch(String unameMachine) {
        String result = unameMachine;
        for (String[] rule : SUBARCH_SED_RULES) {
            result = result.replaceFirst(rule[0], rule[1]);
        }
        return result;
    }

    /** HEADER_ARCH of arch/um/Makefile: the arch/ directory whose um/Kconfig UML sources. */
    static String headerArch(String subArch) {
        return X86_FLAVOURS.contains(subArch) ? "x86" : subArch;
    }
}
