package kforge.kconfig.check;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import kforge.kconfig.testing.ReferenceKernel;

/** Which conf sources kforge knows: exactly those of the trees its oracle tests compare with. */
class KconfigSourcesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ReferenceKernel.class)
    void everyReferenceTreesSourcesAreKnown(ReferenceKernel kernel) {
        String fingerprint = KconfigSources.fingerprint(kernel.tree());
        assertTrue(KconfigSources.known(fingerprint).isPresent(), kernel + ": " + fingerprint
                + " is missing from known-kconfig-sources.txt");
    }

    @Test
    void oneChangedByteInConfsSourcesMakesThemUnknown() throws IOException {
        Path tree = ReferenceKernel.LINUX_6_1.tree();
        Path copy = dir.resolve("tree");
        Path kconfig = Files.createDirectories(copy.resolve("scripts/kconfig"));
        try (Stream<Path> files = Files.list(tree.resolve("scripts/kconfig"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, kconfig.resolve(file.getFileName()));
            }
        }
        assertTrue(KconfigSources.known(KconfigSources.fingerprint(copy)).isPresent(), "an exact copy is known");

        Path confdata = kconfig.resolve("confdata.c");
        String source = Files.readString(confdata, StandardCharsets.ISO_8859_1);
        Files.writeString(confdata, source.replace("DO NOT EDIT.", "DO NOT EDIT!"), StandardCharsets.ISO_8859_1);

        String edited = KconfigSources.fingerprint(copy);
        assertNotEquals(KconfigSources.fingerprint(tree), edited);
        assertTrue(KconfigSources.known(edited).isEmpty());
    }

    @Test
    void theFrontEndsSourcesDoNotCount() throws IOException {
        Path copy = dir.resolve("tree");
        Path kconfig = Files.createDirectories(copy.resolve("scripts/kconfig"));
        Files.writeString(kconfig.resolve("conf.c"), "int main(void) { return 0; }\n");
        String before = KconfigSources.fingerprint(copy);
        Files.writeString(kconfig.resolve("mconf.c"), "/* menuconfig */\n");
        Files.writeString(kconfig.resolve("merge_config.sh"), "#!/bin/sh\n");
        assertTrue(before.equals(KconfigSources.fingerprint(copy)));
    }
}
