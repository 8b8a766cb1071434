package kforge.app.gui.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import kforge.runner.board.BoardProfile;

/**
 * Kernel trees made for tests. {@link #copyTo}: build-runner's fake kernel (its test resources, read by path:
 * they are not on this module's class path) copied into a test's directory. Its Makefile compiles real C files with arm-linux-gnueabi-gcc; the
 * environment variables FAKE_BROKEN=1, FAKE_CORRUPT=1 and FAKE_SLOW=1 break, corrupt or slow it.
 */
public final class FakeKernelTree {
    /** Relative to the app module, where surefire runs. */
    static final Path SOURCE = Path.of("../build-runner/src/test/resources/kforge/runner/fakekernel");

    /** A board for it: ARM with the Debian cross compiler, zImage as its target and artifact. */
    public static final BoardProfile BOARD = new BoardProfile("fake", "The fake kernel of build-runner's tests",
            "arm", "arm-linux-gnueabi-", "fake_defconfig", List.of(), List.of("zImage"),
            List.of("arch/arm/boot/zImage"), "console=ttyS0", "", "0x30008000", null, null);

    private FakeKernelTree() {
    }

    /**
     * A tree only for the editor, not for builds: dir/NAME with a top Makefile giving the release
     * (VERSION, PATCHLEVEL, SUBLEVEL, EXTRAVERSION; the Kconfig dialect is chosen from it) and the files
     * given as path, text, path, text...
     */
    public static Path release(Path dir, String name, String version, String patchLevel, String subLevel,
                               String extraVersion, String... pathsAndTexts) {
        Path tree = dir.resolve(name);
        write(tree.resolve("Makefile"), "VERSION = " + version + "\nPATCHLEVEL = " + patchLevel + "\nSUBLEVEL = "
                + subLevel + "\nEXTRAVERSION = " + extraVersion + "\nNAME = Test\n");
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            write(tree.resolve(pathsAndTexts[i]), pathsAndTexts[i + 1]);
        }
        return tree;
    }

    /**
     * A 6.1 tree for the editor (open it with ARCH=x86) whose Kconfig runs two $(shell,...) commands, one
     * of them "touch MARKER": the marker appearing shows that the tree's commands ran.
     */
    public static Path runningShellCommands(Path dir, String name, Path marker) {
        return release(dir, name, "6", "1", "0", "",
                "Kconfig", "mainmenu \"Shell commands\"\n"
                        + "config LEFT_A_FILE\n\tdef_bool $(shell,touch " + marker + " && echo y)\n"
                        + "config SHELL_SAYS\n\tstring \"What the shell said\"\n\tdefault \"$(shell,echo hello)\"\n"
                        + "source \"arch/$(SRCARCH)/Kconfig\"\n",
                "arch/x86/Kconfig", "config X86\n\tdef_bool y\n");
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path copyTo(Path dir) {
        Path source = SOURCE.toAbsolutePath().normalize();
        Path tree = dir.resolve("linux");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = tree.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
