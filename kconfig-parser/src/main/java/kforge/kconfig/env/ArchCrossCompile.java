package kforge.kconfig.env;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CROSS_COMPILE some arch Makefiles pick themselves when none is given, with
 * {@code $(call cc-cross-prefix, ...)}: the first prefix whose {@code <prefix>gcc} is on PATH.
 */
final class ArchCrossCompile {
    private static final List<String> GNU_TRIPLET_TAILS = List.of("linux-", "linux-gnu-", "unknown-linux-gnu-");
    private static final List<String> PARISC_TAILS = List.of("linux-", "linux-gnu-", "unknown-linux-gnu-", "suse-linux-");

    private ArchCrossCompile() {
    }

    /** The prefix the arch Makefile would choose, or empty if it keeps CROSS_COMPILE unset. */
    static Optional<String> choose(String arch, String srcArch, String subArch, Map<String, String> environment) {
        return candidates(arch, srcArch, subArch, environment).stream()
                .filter(prefix -> ExecutableSearch.find(prefix + "gcc", environment).isPresent())
                .findFirst();
    }

    private static List<String> candidates(String arch, String srcArch, String subArch, Map<String, String> environment) {
        // 6.1 no longer defines cross_compiling itself, so these arches only search when the caller's environment does.
        boolean crossCompiling = !environment.getOrDefault("cross_compiling", "").isEmpty();
        switch (srcArch) {
            case "arc":
                return List.of("arc-linux-", "arceb-linux-", "arc-linux-gnu-");
            case "loongarch":
                // tool-archpref comes from CONFIG_64BIT, which config targets never see, so it is empty.
                return subArch.equals(arch) ? List.of() : withTails(List.of(""), GNU_TRIPLET_TAILS);
            case "mips":
                return crossCompiling ? withTails(List.of(""), GNU_TRIPLET_TAILS) : List.of();
            case "m68k":
                return crossCompiling ? List.of("m68k-linux-gnu-", "m68k-linux-", "m68k-unknown-linux-gnu-") : List.of();
            case "sh":
                return crossCompiling ? withTails(List.of("sh"), GNU_TRIPLET_TAILS) : List.of();
            case "parisc":
                return crossCompiling ? withTails(parisc(arch), PARISC_TAILS) : List.of();
            default:
                return List.of();
        }
    }

    private static List<String> parisc(String arch) {
        return arch.equals("parisc64") ? List.of("hppa64") : List.of("hppa", "hppa2.0", "hppa1.1");
    }

    private static List<String> withTails(List<String> heads, List<String> tails) {
        List<String> prefixes = new ArrayList<>();
        for (String head : heads) {
            for (String tail : tails) {
                prefixes.add(head + "-" + tail);
            }
        }
        return prefixes;
    }
}
