package kforge.kconfig.constructs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.conf.ConfMode;
import kforge.kconfig.testing.ExternalConf;
import kforge.kconfig.testing.ReferenceKernel;

/**
 * kforge against the conf of a release between the reference trees, built outside the repository
 * (scripts/verify-release): {@code -Dkforge.release.conf=/path/to/conf -Dkforge.release=5.10}, and
 * {@code -Dkforge.release.tests=DIR} for that tree's own scripts/kconfig/tests (else 6.1's are used).
 * kforge runs in {@code Dialect.of(release)}. Skipped when the properties are absent (as in CI).
 */
class ExternalConfTest {
    @TempDir
    Path dir;

    /** Each test case of the release's own Kconfig tests, unmutated, in every mode that conf has. */
    @Test
    void kforgeAgreesWithTheReleasesConfOnTheKernelsOwnTests() {
        ExternalConf conf = ExternalConf.assumed();
        List<Map<String, String>> cases = DifferentialFuzzTest.kernelTests(tests(conf));
        List<String> disagreements = new ArrayList<>();
        int runs = 0;
        for (int c = 0; c < cases.size(); c++) {
            for (ConfMode mode : modes(conf)) {
                Path caseDir = dir.resolve("test" + c + "-" + mode.option());
                ConfPair pair = ConfPair.in(caseDir).oracle(conf).env("KCONFIG_SEED", "7");
                cases.get(c).forEach(pair::file);
                String problem = DifferentialFuzzTest.compare(pair, mode);
                runs++;
                if (problem != null && !problem.startsWith("crash")) {
                    disagreements.add("kernel test " + c + " (" + mode.option() + "): " + problem + "\n--- Kconfig ---\n"
                            + cases.get(c).get("Kconfig"));
                }
                DifferentialFuzzTest.removeTree(caseDir);
            }
        }
        DifferentialFuzzTest.writeReport(conf.label() + "-kernel-tests", disagreements);
        System.out.println("kernel-test " + conf.label() + ": " + cases.size() + " test cases, " + runs + " runs, "
                + disagreements.size() + " disagreements");
        DifferentialFuzzTest.failOn(disagreements, runs + " runs disagree with " + conf.label() + "'s conf");
    }

    /** The differential fuzz (DifferentialFuzzTest's corpus and mutations) with this conf as the oracle. */
    @Test
    void kforgeAgreesWithTheReleasesConfOnMutatedKconfig() {
        ExternalConf conf = ExternalConf.assumed();
        DifferentialFuzzTest.fuzz(conf.label(), DifferentialFuzzTest.corpus(tests(conf)), modes(conf),
                caseDir -> ConfPair.in(caseDir).oracle(conf), dir);
    }

    /** The release's own scripts/kconfig/tests, or 6.1's for a release that has none (before 4.16). */
    private static Path tests(ExternalConf conf) {
        return conf.testsDirectory() != null ? conf.testsDirectory()
                : ReferenceKernel.LINUX_6_1.tree().resolve("scripts/kconfig/tests");
    }

    /** The fuzz's modes that this conf has (helpnewconfig came in 5.6, syncconfig in 4.15, ...). */
    private static List<ConfMode> modes(ExternalConf conf) {
        return DifferentialFuzzTest.MODES.stream().filter(mode -> conf.knowsOption(mode.option())).toList();
    }
}
