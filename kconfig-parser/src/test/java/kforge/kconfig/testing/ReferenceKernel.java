package kforge.kconfig.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.env.KernelVersion;

/**
 * The kernel trees kforge is checked against, each from a tarball that the project's scripts install or
 * that the project lead ships in shared/kernels beside the repository.
 */
public enum ReferenceKernel {
    /** Debian's linux-source-6.1: the last mainline with S3C24xx (arch/arm/mach-s3c). */
    LINUX_6_1("/usr/src/linux-source-6.1.tar.xz", "run scripts/install-deps (it installs linux-source-6.1)"),
    /** Debian's linux-source-6.12: choices as of 6.11, no S3C24xx. */
    LINUX_6_12("/usr/src/linux-source-6.12.tar.xz", "run scripts/install-deps (it installs linux-source-6.12)"),
    /** FriendlyARM's mini2440 BSP, Linux 2.6.32.2, from ../shared/kernels. */
    FRIENDLYARM_2_6_32(null, "it comes with the project's shared/kernels folder beside the repository");

    private static final String SHARED_TARBALL = "kernels/friendlyarm-linux-2.6.32.2.tar.xz";

    private final String debianTarball;
    private final String remedy;

    ReferenceKernel(String debianTarball, String remedy) {
        this.debianTarball = debianTarball;
        this.remedy = remedy;
    }

    /** The tarball this tree is extracted from; fails the test with what to install when it is missing. */
    public Path tarball() {
        Path tarball = debianTarball != null ? Path.of(debianTarball) : sharedDirectory().resolve(SHARED_TARBALL);
        if (!Files.isRegularFile(tarball)) {
            fail("No " + name() + " kernel source: " + tarball + " is missing; " + remedy + ".");
        }
        return tarball;
    }

    /** Its conf takes only -o, -s, -d, -D FILE, -n, -m, -y, -r (long options came in 2.6.36). */
    public boolean hasOnlyShortConfOptions() {
        return this == FRIENDLYARM_2_6_32;
    }

    /** The Kconfig dialect kforge chooses for this tree, from its top Makefile. */
    public Dialect dialect() {
        return Dialect.of(KernelVersion.read(tree().resolve("Makefile")).release());
    }

    /** The extracted tree, extracted once per machine into the shared cache. */
    public Path tree() {
        return ReferenceTree.get(this);
    }

    /**
     * The project lead's shared/ folder: $KFORGE_SHARED, else the first shared/ found beside the working
     * directory or one of its parents (CI lays it beside the clone, tests run in a module folder).
     */
    static Path sharedDirectory() {
        String configured = System.getenv("KFORGE_SHARED");
        if (configured != null && !configured.isEmpty()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("kernels"))) {
                return candidate;
            }
        }
        return Path.of("..", "shared");
    }
}
