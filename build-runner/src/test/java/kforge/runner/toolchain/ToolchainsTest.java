package kforge.runner.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

import kforge.kconfig.diag.KconfigException;

/** Against the toolchains scripts/install-deps puts on this machine (gcc, gcc-arm-linux-gnueabi). */
class ToolchainsTest {
    @TempDir
    Path dir;

    private static Map<String, String> environmentWithPath(String path) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", path);
        return env;
    }

    @Test
    void findsTheArmCrossCompilerAndTheHostGcc() {
        List<Toolchain> found = Toolchains.find(System.getenv());
        Toolchain arm = found.stream().filter(t -> t.prefix().equals("arm-linux-gnueabi-")).findFirst().orElseThrow();
        assertEquals("arm-linux-gnueabi", arm.machine());
        assertTrue(arm.version().startsWith("arm-linux-gnueabi-gcc"), arm.version());
        assertTrue(found.stream().anyMatch(Toolchain::isHost), found.toString());
    }

    @Test
    void aMissingToolchainNamesTheDebianPackage() throws IOException {
        Path emptyBin = Files.createDirectories(dir.resolve("bin"));
        KconfigException fault = assertThrows(KconfigException.class,
                () -> Toolchains.require("arm-linux-gnueabi-", environmentWithPath(emptyBin.toString())));
        assertEquals("arm-linux-gnueabi-gcc: not found on PATH; install the Debian package gcc-arm-linux-gnueabi"
                + " (apt-get install gcc-arm-linux-gnueabi)", fault.getMessage());
        KconfigException noPackage = assertThrows(KconfigException.class,
                () -> Toolchains.require("arm-none-linux-gnueabi-", environmentWithPath(emptyBin.toString())));
        assertTrue(noPackage.getMessage().contains("Debian has no package for this prefix"), noPackage.getMessage());
    }

    @Test
    void aCompilerThatDoesNotRunIsReportedAsBroken() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = bin.resolve("arm-linux-gnueabi-gcc");
        Files.writeString(fake, "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        KconfigException fault = assertThrows(KconfigException.class,
                () -> Toolchains.require("arm-linux-gnueabi-", environmentWithPath(bin.toString())));
        assertTrue(fault.getMessage().startsWith(fake + " is on PATH but does not run"), fault.getMessage());
    }
}
