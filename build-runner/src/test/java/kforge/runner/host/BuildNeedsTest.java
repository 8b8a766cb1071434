package kforge.runner.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a .config and targets need from the host, checked with the real host compiler and PATH. */
class BuildNeedsTest {
    @TempDir
    Path dir;

    private Path config(String text) throws IOException {
        return Files.writeString(dir.resolve(".config"), text);
    }

    @Test
    void moduleSigningNeedsTheOpenSslHeadersWhichThisHostHas() throws IOException {
        List<BuildNeed> needs = BuildNeeds.check(config("CONFIG_MODULE_SIG_FORMAT=y\nCONFIG_OBJTOOL=y\n"),
                List.of("bzImage"), System.getenv());
        assertEquals(List.of("openssl/opensslv.h", "gelf.h"), needs.stream().map(BuildNeed::what).toList());
        assertTrue(needs.stream().allMatch(BuildNeed::present), "install-deps installs libssl-dev and libelf-dev");
        assertNull(BuildNeeds.missing(needs));
    }

    @Test
    void aHeaderTheHostCompilerCannotFindIsMissingWithItsPackage() throws IOException {
        Path gcc = dir.resolve("gcc-without-system-headers");
        Files.writeString(gcc, "#!/bin/sh\nexec gcc -nostdinc \"$@\"\n");
        Files.setPosixFilePermissions(gcc, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HOSTCC", gcc.toString());
        List<BuildNeed> needs = BuildNeeds.check(config("CONFIG_SYSTEM_TRUSTED_KEYRING=y\n"), List.of(), env);
        assertFalse(needs.get(0).present());
        assertEquals("this build needs what the host lacks:\n  CONFIG_SYSTEM_TRUSTED_KEYRING=y builds"
                + " certs/extract-cert, which needs the header <openssl/opensslv.h>: missing (apt-get install"
                + " libssl-dev)", BuildNeeds.missing(needs));
    }

    @Test
    void uImageNeedsMkimageOnPath() throws IOException {
        Path config = config("CONFIG_ARM=y\n");
        assertTrue(BuildNeeds.check(config, List.of("uImage"), System.getenv()).get(0).present(),
                "install-deps installs u-boot-tools");
        List<BuildNeed> without = BuildNeeds.check(config, List.of("uImage"), Map.of("PATH", dir.toString()));
        assertTrue(BuildNeeds.missing(without).contains("mkimage: missing (apt-get install u-boot-tools)"));
        assertTrue(BuildNeeds.check(config, List.of("zImage"), System.getenv()).isEmpty());
    }
}
