package kforge.kconfig.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import kforge.kconfig.diag.KconfigException;

/** How a release picks its changes; each change's effect is tested against the real confs elsewhere. */
class DialectTest {
    @Test
    void releasesOrderAsTheyFollowEachOther() {
        List<String> inOrder = List.of("2.6.32", "2.6.36", "3.0", "3.7", "4.18", "5.10", "6.1", "6.10", "6.11", "6.12");
        for (int i = 1; i < inOrder.size(); i++) {
            KernelRelease earlier = KernelRelease.parse(inOrder.get(i - 1));
            KernelRelease later = KernelRelease.parse(inOrder.get(i));
            assertTrue(earlier.compareTo(later) < 0, earlier + " before " + later);
        }
    }

    @Test
    void aStableReleaseBelongsToItsSeries() {
        assertEquals(KernelRelease.parse("6.12"), KernelRelease.fromMakefile("6", "12", "117", "Makefile").series());
        assertEquals(KernelRelease.parse("2.6.32"), KernelRelease.fromMakefile("2", "6", "32", "Makefile").series());
    }

    @ParameterizedTest
    @EnumSource(KconfigChange.class)
    void aChangeIsInItsReleaseAndLaterButNotBefore(KconfigChange change) {
        KernelRelease since = change.since();
        KernelRelease before = since.version() < 3
                ? new KernelRelease(since.version(), since.patchLevel(), since.subLevel() - 1)
                : new KernelRelease(since.version(), since.patchLevel() - 1, 0);
        assertTrue(Dialect.of(since).has(change), since.toString());
        assertTrue(Dialect.of(KernelRelease.parse("6.12")).has(change));
        assertFalse(Dialect.of(before).has(change), before.toString());
        boolean upTo61 = since.compareTo(Dialect.BASELINE_RELEASE) <= 0;
        assertEquals(upTo61, Dialect.BASELINE.has(change), "the 6.1 baseline has the changes up to 6.1, no later one");
        assertFalse(Dialect.of(Dialect.OLDEST).has(change), "2.6.32 is older than every change kforge knows");
    }

    @Test
    void verifiedReleasesNeedNoCaution() {
        assertNull(Dialect.of(KernelRelease.parse("6.1")).caution());
        assertNull(Dialect.of(KernelRelease.fromMakefile("6", "12", "117", "Makefile")).caution());
        assertNull(Dialect.of(KernelRelease.fromMakefile("2", "6", "32", "Makefile")).caution());
    }

    @Test
    void theNameIsTheDescriptionWithoutItsChanges() {
        Dialect stable612 = Dialect.of(KernelRelease.fromMakefile("6", "12", "117", "Makefile"));
        assertEquals("Kconfig dialect of Linux 6.12", stable612.name());
        assertTrue(stable612.describe().startsWith(stable612.name() + " (changes up to 6."), stable612.describe());
        assertEquals("Kconfig dialect of Linux 2.6.32", Dialect.of(Dialect.OLDEST).name());
        assertEquals("Kconfig dialect of Linux 6.12", Dialect.of(KernelRelease.parse("6.14")).name(),
                "a newer tree is named by the dialect kforge uses for it");
    }

    @Test
    void otherReleasesAreNamedInACaution() {
        assertTrue(Dialect.of(KernelRelease.parse("6.6")).caution().contains("6.6"));
        String newer = Dialect.of(KernelRelease.parse("6.14")).caution();
        assertTrue(newer.contains("newer than the newest Kconfig dialect kforge knows (6.12)"), newer);
        assertTrue(Dialect.of(KernelRelease.parse("2.6.31")).caution().contains("older"));
        assertTrue(Dialect.of(KernelRelease.parse("3.10")).caution().contains("not compared"));
    }

    @Test
    void aMalformedMakefileVersionNamesTheFileAndTheValue() {
        KconfigException e = assertThrows(KconfigException.class,
                () -> KernelRelease.fromMakefile("6", "x1", "0", "/src/Makefile"));
        assertEquals("/src/Makefile: PATCHLEVEL = 'x1' is not a number", e.getMessage());
    }
}
