package kforge.runner.make;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import kforge.kconfig.diag.KconfigException;
import kforge.kconfig.env.ArchNames;

/**
 * What kforge knows about each make target it drives: the variables it needs and the files it leaves
 * in the out dir. Other targets are passed to make as they are and produce no known artifact.
 */
public final class KernelTarget {
    /** Where install targets put their files: inside the out dir, never on the host. */
    public static final String STAGING = "kforge-staging";
    public static final String MODULES_STAGING = STAGING + "/modules";
    public static final String HEADERS_STAGING = STAGING + "/headers";
    /** The modules tree, packed after modules_install. */
    public static final String MODULES_TARBALL = "kforge-modules.tar.gz";

    private KernelTarget() {
    }

    /** The variables a target needs on make's command line. */
    public static Map<String, String> variables(String target, Path outDir, String loadAddress) {
        switch (target) {
            case "uImage":
                if (loadAddress == null || loadAddress.isBlank()) {
                    throw new KconfigException("target uImage needs a load address: set \"loadAddress\" in the"
                            + " board profile (e.g. \"0x30008000\")");
                }
                return Map.of("LOADADDR", loadAddress);
            case "modules_install":
                return Map.of("INSTALL_MOD_PATH", outDir.resolve(MODULES_STAGING).toString());
            case "headers_install":
                return Map.of("INSTALL_HDR_PATH", outDir.resolve(HEADERS_STAGING).toString());
            default:
                return Map.of();
        }
    }

    /** The files, relative to the out dir, that the target built, as they exist now. */
    public static List<String> products(String target, Path outDir, String arch) {
        String boot = "arch/" + ArchNames.srcArch(arch) + "/boot/";
        switch (target) {
            case "zImage": case "uImage": case "bzImage": case "Image": case "Image.gz":
                return existing(outDir, boot + target, "vmlinux", "System.map", ".config");
            case "vmlinux": case "all":
                return existing(outDir, "vmlinux", "System.map", ".config");
            case "linux":
                return existing(outDir, "linux", "System.map", ".config");
            case "modules_install":
                return existing(outDir, MODULES_TARBALL);
            case "dtbs":
                return dtbs(outDir, boot + "dts");
            default:
                return List.of();
        }
    }

    private static List<String> existing(Path outDir, String... paths) {
        List<String> found = new ArrayList<>();
        for (String p : paths) {
            if (Files.isRegularFile(outDir.resolve(p))) {
                found.add(p);
            }
        }
        return found;
    }

    private static List<String> dtbs(Path outDir, String dtsDir) {
        Path dir = outDir.resolve(dtsDir);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".dtb") && Files.isRegularFile(f))
                    .map(f -> outDir.relativize(f).toString()).sorted().toList();
        } catch (IOException e) {
            throw new KconfigException(dir + ": cannot list the device trees: " + e.getMessage());
        }
    }
}
