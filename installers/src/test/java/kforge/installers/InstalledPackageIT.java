package kforge.installers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kforge.kconfig.testing.CommandRun;
import kforge.kconfig.testing.Oracle;
import kforge.kconfig.testing.ReferenceKernel;

/**
 * The Debian package as a user gets it: the .deb the package phase made, installed with apt-get, run from
 * /usr/bin, its desktop entry read as a desktop menu reads it and its editor started from that entry under an X
 * server of the test's own; then purged, with whatever apt brought in for it.
 *
 * <p>Needs root, as apt-get does; a kforge already installed on the machine is purged too. Each kforge run
 * gets a home of its own (HOME, user.home, java.io.tmpdir), so nothing is left in the real one.
 */
class InstalledPackageIT {
    private static final String PACKAGE = "kforge";
    private static final Path INSTALLED_KFORGE = Path.of("/usr/bin/kforge");
    private static final Path INSTALL_DIRECTORY = Path.of("/opt/kforge");
    private static final Path BUNDLED_RUNTIME = INSTALL_DIRECTORY.resolve("lib/runtime");
    private static final Path DESKTOP_ENTRY = Path.of("/usr/share/applications/kforge.desktop");
    private static final Path MENU_ICON = Path.of("/usr/share/icons/hicolor/128x128/apps/kforge.png");
    private static final String CROSS = "arm-linux-gnueabi-";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    static Path scratch;

    private static AptInstall installed;

    @BeforeAll
    static void installPackage() {
        assumeTrue(isRoot(), "skipped: installing the .deb with apt-get needs root, and this test runs as "
                + System.getProperty("user.name") + " (CI runs as root)");
        AptInstall.purgeLeftover(PACKAGE);
        installed = AptInstall.of(builtPackage(), PACKAGE);
    }

    @AfterAll
    static void purgePackage() {
        if (installed == null) {
            if (isRoot()) {
                AptInstall.purgeLeftover(PACKAGE);
            }
            return;
        }
        installed.purge();
        assertFalse(AptInstall.isKnown(PACKAGE), "dpkg still has kforge after apt-get purge");
        for (Path path : List.of(INSTALLED_KFORGE, INSTALL_DIRECTORY, DESKTOP_ENTRY, MENU_ICON)) {
            assertFalse(Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS), path + " is left after the purge");
        }
    }

    @Test
    void installedKforgeRunsOnTheBundledRuntimeWithTheCommandLinesOptions() throws IOException {
        assertEquals(INSTALL_DIRECTORY.resolve("bin/kforge"), INSTALLED_KFORGE.toRealPath());
        assertEquals(PACKAGE, AptInstall.ownerOf(INSTALLED_KFORGE));

        CommandRun version = runKforge(List.of("--version"), "-XshowSettings:properties -XX:+PrintCommandLineFlags")
                .requireSuccess();

        String release = System.getProperty("kforge.version").replace("-SNAPSHOT", "");
        assertTrue(version.stdout().lines().anyMatch(("kforge " + release)::equals), version.stdout());
        assertTrue(version.stderr().contains("java.home = " + BUNDLED_RUNTIME + "\n"), version.stderr());
        assertTrue(version.stderr().contains("jdk.lang.Process.launchMechanism = VFORK\n"), version.stderr());
        assertFlags(version.stdout(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    @Test
    void installedDefconfigWritesWhatTheTreesOwnMakeWrites() throws IOException {
        ReferenceKernel kernel = ReferenceKernel.LINUX_6_1;
        Path expected = Oracle.config(kernel, "arm", CROSS, "s3c2410_defconfig");
        Path written = scratch.resolve("defconfig/.config");
        Files.createDirectories(written.getParent());

        Path cache = scratch.resolve("defconfig-cache");
        runKforgeCommand(List.of(INSTALLED_KFORGE.toString(), "defconfig", "-q", "--tree", kernel.tree().toString(),
                "--arch", "arm", "--cross-compile", CROSS, "--defconfig", "s3c2410_defconfig", "--config",
                written.toString()), "", Map.of("KFORGE_CACHE", cache.toString())).requireSuccess();

        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(written),
                "kforge defconfig from the package differs from make s3c2410_defconfig");
        // The first run of a command makes the launcher's class-data archive, on top of the runtime's own.
        assertFalse(filesIn(cache.resolve("cds")).isEmpty(), "the bundled runtime made no class-data archive");
    }

    @Test
    void installedKforgeImportsATarballIntoGitAndListsItsTag() throws IOException {
        String name = "linux-9.9.1";
        Path source = scratch.resolve("tarball").resolve(name);
        Files.createDirectories(source);
        Files.writeString(source.resolve("Makefile"),
                "VERSION = 9\nPATCHLEVEL = 9\nSUBLEVEL = 1\nEXTRAVERSION =\nNAME = Test\n");
        Path tarball = scratch.resolve(name + ".tar.xz");
        CommandRun.run(List.of("tar", "-cJf", tarball.toString(), "-C", source.getParent().toString(), name),
                System.getenv(), RUN_TIMEOUT).requireSuccess();
        Path tree = scratch.resolve("imported");

        // JGit and commons-compress on the bundled runtime. A cache of its own: the import is the first run, which
        // makes the class-data archive, and JDK 17 crashed doing so over signed jars (make-package unsigns JGit).
        Map<String, String> cache = Map.of("KFORGE_CACHE", scratch.resolve("git-cache").toString());
        runKforgeCommand(List.of(INSTALLED_KFORGE.toString(), "tree", "import", tarball.toString(), tree.toString()),
                "", cache).requireSuccess();
        CommandRun tags = runKforgeCommand(List.of(INSTALLED_KFORGE.toString(), "tree", "tags", "--tree",
                tree.toString()), "", cache).requireSuccess();

        assertTrue(tags.stdout().contains("v9.9.1"), tags.stdout());
        assertFalse(filesIn(scratch.resolve("git-cache/cds")).isEmpty(), "the import made no class-data archive");
    }

    @Test
    void installedKforgeReadsItsBuiltInBoardProfiles() {
        // Jackson reads each built-in profile to name them all in the refusal.
        CommandRun unknown = runKforge(List.of("config", "--board", "no-such-board", "--tree",
                ReferenceKernel.LINUX_6_1.tree().toString(), "--config", scratch.resolve("unused.config").toString()),
                "");

        assertTrue(unknown.stderr().contains("no board profile named 'no-such-board'; known: s3c2410, mini2440"),
                unknown.stderr());
    }

    @Test
    void desktopEntryIsValidAndStartsTheInstalledEditor() throws IOException {
        CommandRun validation = CommandRun.run(List.of("desktop-file-validate", DESKTOP_ENTRY.toString()),
                System.getenv(), RUN_TIMEOUT);
        assertEquals("", validation.stdout().strip(), "desktop-file-validate " + DESKTOP_ENTRY);
        validation.requireSuccess();

        DesktopEntry entry = DesktopEntry.read(DESKTOP_ENTRY);
        assertEquals("Application", entry.get("Type"));
        assertTrue(List.of(entry.get("Categories").split(";")).contains("Development"), entry.get("Categories"));
        assertEquals(List.of(INSTALLED_KFORGE.toString(), "gui"), entry.command());
        assertEquals(PACKAGE, AptInstall.ownerOf(MENU_ICON));
        BufferedImage icon = ImageIO.read(MENU_ICON.toFile());
        assertTrue(icon != null && icon.getWidth() >= 128 && icon.getHeight() >= 128, MENU_ICON + " is no 128 px PNG");
        assertEquals("kforge", entry.get("Icon"));
    }

    @Test
    void editorStartedFromTheDesktopEntryDrawsItsWindow() throws IOException {
        Path picture = scratch.resolve("editor.png");
        List<String> command = new ArrayList<>(DesktopEntry.read(DESKTOP_ENTRY).command());
        command.addAll(List.of("--screenshot", picture.toString()));

        CommandRun editor;
        try (XvfbServer x = XvfbServer.start(1400, 900)) {
            editor = runKforgeCommand(command, "-XX:+PrintCommandLineFlags", Map.of("DISPLAY", x.display()));
        }

        editor.requireSuccess();
        BufferedImage image = ImageIO.read(picture.toFile());
        assertTrue(image != null, picture + " is not a PNG");
        assertTrue(image.getWidth() >= 800 && image.getHeight() >= 500,
                "the window is " + image.getWidth() + "x" + image.getHeight() + ", below its minimum 800x500");
        int colours = distinctColours(image);
        assertTrue(colours >= 32, "the window's picture has " + colours + " colours: nothing drawn in it");
        assertFlags(editor.stdout(), "-XX:CICompilerCount=2", "-XX:MaxHeapFreeRatio=30", "-XX:MinHeapFreeRatio=10",
                "-XX:InitialHeapSize=" + 48 * 1024 * 1024);
    }

    private static CommandRun runKforge(List<String> arguments, String javaOptions) {
        List<String> command = new ArrayList<>(List.of(INSTALLED_KFORGE.toString()));
        command.addAll(arguments);
        return runKforgeCommand(command, javaOptions, Map.of());
    }

    /** Runs as a user would, with the environment the tree's own make gets, in a home of the test's own. */
    private static CommandRun runKforgeCommand(List<String> command, String javaOptions, Map<String, String> extra) {
        Map<String, String> environment = Oracle.makeEnvironment();
        environment.keySet().removeIf(name -> name.startsWith("KFORGE_") || name.equals("DISPLAY")
                || name.equals("WAYLAND_DISPLAY"));
        Path home = home();
        Path tmp = scratch.resolve("tmp");
        try {
            Files.createDirectories(home);
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        environment.put("HOME", home.toString());
        // The JVM takes user.home from the password file, not from HOME.
        environment.put("KFORGE_JAVA_OPTS", "-Duser.home=" + home + " -Djava.io.tmpdir=" + tmp + " " + javaOptions);
        environment.putAll(extra);
        return CommandRun.run(command, environment, RUN_TIMEOUT);
    }

    private static Path home() {
        return scratch.resolve("home");
    }

    private static void assertFlags(String printedFlags, String... expected) {
        Set<String> flags = Set.of(printedFlags.lines().filter(line -> line.startsWith("-XX:")).findFirst()
                .orElseGet(() -> fail("no -XX:+PrintCommandLineFlags line in:\n" + printedFlags)).split("\\s+"));
        for (String flag : expected) {
            assertTrue(flags.contains(flag), flag + " is not among the JVM's flags " + flags);
        }
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }

    private static Path builtPackage() {
        Path directory = Path.of(System.getProperty("kforge.packageDirectory", "target"));
        List<Path> debs = filesIn(directory).stream()
                .filter(file -> file.getFileName().toString().matches("kforge_.*_amd64\\.deb")).toList();
        if (debs.size() != 1) {
            fail("expected one kforge_*_amd64.deb in " + directory + " (the installers module's package phase makes"
                    + " it; scripts/package runs it), found " + debs);
        }
        return debs.get(0);
    }

    private static List<Path> filesIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isRoot() {
        return CommandRun.run(List.of("id", "-u"), System.getenv(), Duration.ofMinutes(1)).requireSuccess().stdout()
                .strip().equals("0");
    }
}
