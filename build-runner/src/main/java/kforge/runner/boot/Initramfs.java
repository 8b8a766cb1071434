package kforge.runner.boot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;

import kforge.kconfig.diag.KconfigException;

/**
 * The smoke test's initramfs: an uncompressed newc cpio archive (what the kernel unpacks without any
 * decompressor) holding /init and the /dev/console node the kernel opens for init's output. The kernel's
 * own usr/gen_init_cpio would do the same, but it is only built when the .config asks for an initramfs.
 */
public final class Initramfs {
    private static final int CONSOLE_MAJOR = 5;
    private static final int CONSOLE_MINOR = 1;

    private Initramfs() {
    }

    /** Writes the archive with init as /init; entries carry time 0, so the archive depends on init alone. */
    public static Path write(Path init, Path archive) {
        try (OutputStream file = Files.newOutputStream(archive);
             CpioArchiveOutputStream cpio = new CpioArchiveOutputStream(file, CpioConstants.FORMAT_NEW)) {
            directory(cpio, "dev");
            directory(cpio, "proc");
            directory(cpio, "sys");
            CpioArchiveEntry console = entry("dev/console", CpioConstants.C_ISCHR | 0600, 0);
            console.setRemoteDeviceMaj(CONSOLE_MAJOR);
            console.setRemoteDeviceMin(CONSOLE_MINOR);
            cpio.putArchiveEntry(console);
            cpio.closeArchiveEntry();
            byte[] program = Files.readAllBytes(init);
            cpio.putArchiveEntry(entry("init", CpioConstants.C_ISREG | 0755, program.length));
            cpio.write(program);
            cpio.closeArchiveEntry();
            return archive;
        } catch (IOException e) {
            throw new KconfigException(archive + ": cannot write the initramfs: " + e.getMessage());
        }
    }

    private static void directory(CpioArchiveOutputStream cpio, String name) throws IOException {
        cpio.putArchiveEntry(entry(name, CpioConstants.C_ISDIR | 0755, 0));
        cpio.closeArchiveEntry();
    }

    private static CpioArchiveEntry entry(String name, int mode, long size) {
        CpioArchiveEntry e = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, name, size);
        e.setMode(mode);
        e.setTime(0);
        e.setNumberOfLinks((mode & CpioConstants.S_IFMT) == CpioConstants.C_ISDIR ? 2 : 1);
        return e;
    }
}
